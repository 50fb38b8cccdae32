namespace SpecGen.Format
{
    /// <summary>A catalog's tables as a <see cref="FieldType"/> decodes from them: the runtime's catalog implements it, and so does any reader of a table blob.</summary>
    internal interface IFieldSource
    {
        /// <summary>The integer at <paramref name="index"/> of a section.</summary>
        int Read(Section section, int index);

        /// <summary>The string with an id.</summary>
        string String(int id);

        /// <summary>The name at an index of a kind of name.</summary>
        string Name(Dimension names, int index);

        /// <summary>The hash in a slot of the hash table.</summary>
        string Hash(int slot);
    }
}
