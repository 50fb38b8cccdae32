using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SpecGen.Format;

namespace SpecGen.Generator.Emit
{
    /// <summary>Lays out the table blob: the header (see <see cref="CatalogHeader"/>), then each section's digits.</summary>
    internal sealed class TableWriter
    {
        private readonly byte[]?[] _sections = new byte[CatalogHeader.SectionCount][];
        private readonly int[] _counts = new int[CatalogHeader.SectionCount];
        private readonly int[] _widths = new int[CatalogHeader.SectionCount];

        [MethodImpl(Jit.Hot)]
        public void Add(Section section, int[] values)
        {
            int max = 0;
            foreach (int value in values)
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(values), "Catalog tables hold non-negative integers.");
                }

                max = Math.Max(max, value);
            }

            int width = Digits.WidthFor(max);
            var bytes = new byte[values.Length * width];
            for (int i = 0; i < values.Length; i++)
            {
                Digits.Write(bytes, i * width, width, values[i]);
            }

            Set(section, bytes, values.Length, width);
        }

        /// <summary>A section of raw printable ASCII without '"' or '\' (the hash slots).</summary>
        public void AddBytes(Section section, byte[] bytes)
        {
            Set(section, bytes, bytes.Length, 1);
        }

        /// <summary>Bytes per section, for measurements.</summary>
        public IEnumerable<KeyValuePair<Section, int>> SectionSizes()
        {
            for (int s = 0; s < CatalogHeader.SectionCount; s++)
            {
                yield return new KeyValuePair<Section, int>((Section)s, _sections[s]?.Length ?? 0);
            }
        }

        /// <summary>The blob: <paramref name="counts"/>' counts, this writer's sections, and their descriptors.</summary>
        public byte[] ToArray(CatalogHeader counts)
        {
            int size = CatalogHeader.DataOffset;
            foreach (byte[]? section in _sections)
            {
                size += section?.Length ?? 0;
            }

            var blob = new byte[size];
            var descriptors = new SectionInfo[CatalogHeader.SectionCount];
            int offset = CatalogHeader.DataOffset;
            for (int s = 0; s < CatalogHeader.SectionCount; s++)
            {
                byte[] section = _sections[s] ?? throw new InvalidOperationException("Section " + TableLayout.NameOf((Section)s) + " was not written.");
                descriptors[s] = new SectionInfo(offset, _counts[s], _widths[s]);
                Buffer.BlockCopy(section, 0, blob, offset, section.Length);
                offset += section.Length;
            }

            new CatalogHeader(counts.SpecCount, counts.PageCount, counts.StringCount, counts.HashCount, counts.HomeSlots, counts.SlotCount, counts.SlotDigits, descriptors).Write(blob);
            return blob;
        }

        private void Set(Section section, byte[] bytes, int count, int width)
        {
            _sections[(int)section] = bytes;
            _counts[(int)section] = count;
            _widths[(int)section] = width;
        }
    }
}
