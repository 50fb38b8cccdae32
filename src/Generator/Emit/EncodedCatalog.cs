using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen.Generator.Emit
{
    /// <summary>The two blobs of a catalog (see src/Shared/Section.cs).</summary>
    internal sealed class EncodedCatalog
    {
        public EncodedCatalog(byte[] tables, string strings, int stringBytes, IReadOnlyList<KeyValuePair<Section, int>> sectionSizes)
        {
            Tables = tables;
            Strings = strings;
            StringBytes = stringBytes;
            SectionSizes = sectionSizes;
        }

        /// <summary>The table blob; every byte is a printable ASCII character other than '"' and '\'.</summary>
        public byte[] Tables { get; }

        /// <summary>The string blob as text (its UTF-8 encoding is the blob).</summary>
        public string Strings { get; }

        public int StringBytes { get; }

        /// <summary>Bytes of each section of the table blob (for measurements).</summary>
        public IReadOnlyList<KeyValuePair<Section, int>> SectionSizes { get; }
    }
}
