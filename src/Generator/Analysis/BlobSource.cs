using System;
using System.Text;
using SpecGen.Format;

namespace SpecGen.Generator.Analysis
{
    /// <summary>A catalog's two blobs, read through the same <see cref="IFieldSource"/> the runtime's catalog implements.</summary>
    internal sealed class BlobSource : IFieldSource
    {
        private readonly byte[] _tables;
        private readonly byte[] _strings;
        private readonly CatalogHeader _header;

        public BlobSource(byte[] tables, byte[] strings, CatalogHeader header)
        {
            _tables = tables;
            _strings = strings;
            _header = header;
        }

        public int Read(Section section, int index)
        {
            SectionInfo info = _header[section];
            return Digits.Read(_tables, info.Offset + (index * info.Width), info.Width);
        }

        public string String(int id)
        {
            int start = Read(Section.StringOffsets, id);
            int end = Read(Section.StringOffsets, id + 1);
            return Encoding.UTF8.GetString(_strings, start, end - start);
        }

        public string Name(Dimension names, int index) => String(Read(names.Names, index));

        public string Hash(int slot) => _header.HashAt(_tables, slot) ?? throw new InvalidOperationException("Empty hash slot " + slot);
    }
}
