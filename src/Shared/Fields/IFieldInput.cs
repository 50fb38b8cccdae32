namespace SpecGen.Format
{
    /// <summary>
    /// The value of one spec field on a page, as a <see cref="FieldType"/> reads it: the generator's page reader
    /// implements it (node shapes, locations, diagnostics), so the kinds need nothing of the reader's stages.
    /// </summary>
    internal interface IFieldInput
    {
        /// <summary>Where the value is, for messages (<c>spec_details[3].os</c>).</summary>
        string Path { get; }

        /// <summary>True when the value is a scalar written without quotes.</summary>
        bool IsPlainScalar { get; }

        /// <summary>The value as a string; null (reported, SPG0004) when it is not a string.</summary>
        string? ReadString();

        /// <summary>The items of a list of strings; null (reported, SPG0004) when it is not one.</summary>
        string[]? ReadStrings();

        /// <summary>SPG0016: a value (item &lt; 0) or one item of a list that breaks its kind's grammar.</summary>
        void ReportMalformed(string what, string value, string why, int item = -1);

        /// <summary>SPG0007: a hash that is not one.</summary>
        void ReportInvalidHash(string hash, string why);

        /// <summary>SPG0018: a size or URL that is not one; <paramref name="why"/> follows the value in the message.</summary>
        void ReportInvalidSizeOrUrl(string value, string why);

        /// <summary>Checks a name of a kind (SPG0006, and SPG0024 for targets archspec does not know) and records where it is; false when invalid (reported).</summary>
        bool CheckName(Dimension names, string name, int item = -1);

        /// <summary>True when a value of this kind was already checked on this page (each distinct value is checked once).</summary>
        bool IsChecked(FieldKind kind, string value);

        /// <summary>Records a value of this kind as checked on this page.</summary>
        void MarkChecked(FieldKind kind, string value);

        /// <summary>Keeps a compiler's parts for the page model.</summary>
        void AddCompiler(CompilerSyntax compiler);

        /// <summary>Keeps a variant's parts for the page model.</summary>
        void AddVariant(VariantSyntax variant);

        /// <summary>One instance per distinct string on the page.</summary>
        string Intern(string value);

        /// <summary>One instance per distinct list on the page.</summary>
        EquatableArray<string> Intern(string[] values);
    }
}
