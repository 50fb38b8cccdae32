namespace SpecGen.Format
{
    /// <summary>
    /// The catalog's shared tables, as a <see cref="FieldType"/> encodes into them: first every value is added (the
    /// collect pass), then, once the tables are sorted, each value is turned into its index (the encode pass). The
    /// generator's encoder implements it.
    /// </summary>
    internal interface IFieldOutput
    {
        void AddString(string value);

        /// <summary>The id of a string added before.</summary>
        int StringId(string value);

        void AddName(Dimension names, string name);

        /// <summary>The index of a name among the sorted names of its kind.</summary>
        int NameIndex(Dimension names, string name);

        /// <summary>The id of a list of names of a kind (equal lists share one).</summary>
        int NameList(Dimension names, EquatableArray<string> items);

        void AddCompiler(string text);

        /// <summary>The index of a compiler among the catalog's compilers.</summary>
        int CompilerIndex(string text);

        void AddVariants(EquatableArray<string> items);

        /// <summary>The id of a list of variants (equal lists share one).</summary>
        int VariantList(EquatableArray<string> items);

        /// <summary>The slot of a spec's hash in the hash table.</summary>
        int HashSlot(string hash);
    }
}
