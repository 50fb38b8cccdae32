namespace SpecGen.Format
{
    /// <summary>
    /// What generated catalog code looks like to those who read it back: the emitter writes these names, the
    /// analyzer looks for them.
    /// </summary>
    internal static class GeneratedCode
    {
        /// <summary>The tool name of the <c>GeneratedCode</c> attribute on a generated catalog class.</summary>
        public const string Tool = "SpecGen";

        /// <summary>The property of a generated class that holds its catalog.</summary>
        public const string CatalogProperty = "Catalog";

        /// <summary>The private property that holds the table blob.</summary>
        public const string TablesProperty = "SpecGenTables";

        /// <summary>The private property that holds the string blob.</summary>
        public const string StringsProperty = "SpecGenStrings";

        /// <summary>The class name when the project sets none.</summary>
        public const string DefaultClassName = "SpackCache";
    }
}
