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

        /// <summary>The private member that holds the table blob (a string constant, or a property of bytes).</summary>
        public const string TablesProperty = "SpecGenTables";

        /// <summary>The private member that holds the string blob (a string constant, or a property of bytes).</summary>
        public const string StringsProperty = "SpecGenStrings";

        /// <summary>The suffix of the constant that gives a blob's length in bytes when the blob is a string constant.</summary>
        public const string LengthSuffix = "Length";

        /// <summary>The private method of the data file that makes the catalog from the blobs.</summary>
        public const string CreateMethod = "CreateCatalog";

        /// <summary>
        /// The bytes of the assembly's user-string heap (16 MiB in all, shared with the project's own strings) that
        /// SpecGen's blobs may take as string constants: two bytes per UTF-16 character, stored by the compiler as
        /// they are, with no work per byte. A blob beyond it is written as UTF-8 chunks (<see cref="BlobChunkSize"/>).
        /// </summary>
        public const int StringHeapBudget = 12 * 1024 * 1024;

        /// <summary>
        /// For blobs written as UTF-8 (beyond <see cref="StringHeapBudget"/>): the largest blob written as one literal, in bytes (characters for the string blob). The compiler lowers a
        /// UTF-8 literal or a constant array to one node per byte, held until the method that holds it is emitted: one
        /// literal of a whole snapshot's 5 MB took a build past 1 GB. A larger blob is written as chunks of this size,
        /// each its own property, which the blob's property joins into one array on first use.
        /// </summary>
        public const int BlobChunkSize = 64 * 1024;

        /// <summary>The property that holds chunk <paramref name="index"/> of a blob written in chunks.</summary>
        public static string ChunkProperty(string blobProperty, int index) => blobProperty + "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The prefix of the nested class that holds one chunk's data (a catalog written in chunks).</summary>
        public const string ChunkClassPrefix = "SpecGenChunk_";

        /// <summary>The nested class of the chunk <paramref name="id"/> (lower-case hex digits, maybe "_" and a number).</summary>
        public static string ChunkClass(string id) => ChunkClassPrefix + id;

        /// <summary>The class name when the project sets none.</summary>
        public const string DefaultClassName = "SpackCache";
    }
}
