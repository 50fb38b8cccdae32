using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Format;

namespace SpecGen.Generator.Emit
{
    /// <summary>Lays out the table blob: magic, header integers, section descriptors, then each section's digits.</summary>
    internal sealed class TableWriter
    {
        private readonly int[] _header;
        private readonly byte[]?[] _sections = new byte[CatalogLayout.SectionCount][];
        private readonly int[] _counts = new int[CatalogLayout.SectionCount];
        private readonly int[] _widths = new int[CatalogLayout.SectionCount];

        public TableWriter(int specCount, int pageCount, int stringCount, int hashCount, int homeSlots, int slotCount, int slotDigits)
        {
            _header = new[] { specCount, pageCount, stringCount, hashCount, homeSlots, slotCount, slotDigits };
        }

        public void Add(Section section, IEnumerable<int> values)
        {
            int[] array = values as int[] ?? values.ToArray();
            int max = 0;
            foreach (int value in array)
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(values), "Catalog tables hold non-negative integers.");
                }

                max = Math.Max(max, value);
            }

            int width = CatalogLayout.DigitsFor(max);
            var bytes = new byte[array.Length * width];
            for (int i = 0; i < array.Length; i++)
            {
                int value = array[i];
                for (int d = 0; d < width; d++)
                {
                    bytes[(i * width) + d] = CatalogLayout.EncodeDigit(value & 63);
                    value >>= CatalogLayout.DigitBits;
                }
            }

            Set(section, bytes, array.Length, width);
        }

        /// <summary>A section of raw printable ASCII without '"' or '\' (the hash text).</summary>
        public void AddBytes(Section section, byte[] bytes)
        {
            Set(section, bytes, bytes.Length, 1);
        }

        /// <summary>Bytes per section, for measurements.</summary>
        public IEnumerable<KeyValuePair<Section, int>> SectionSizes()
        {
            for (int s = 0; s < CatalogLayout.SectionCount; s++)
            {
                yield return new KeyValuePair<Section, int>((Section)s, _sections[s]?.Length ?? 0);
            }
        }

        public byte[] ToArray()
        {
            int size = CatalogLayout.DataOffset;
            foreach (byte[]? section in _sections)
            {
                size += section?.Length ?? 0;
            }

            var blob = new byte[size];
            for (int i = 0; i < 4; i++)
            {
                blob[i] = (byte)CatalogLayout.Magic[i];
            }

            int position = 4;
            foreach (int value in _header)
            {
                WriteHeader(blob, ref position, value);
            }

            int offset = CatalogLayout.DataOffset;
            for (int s = 0; s < CatalogLayout.SectionCount; s++)
            {
                byte[] section = _sections[s] ?? throw new InvalidOperationException("Section " + (Section)s + " was not written.");
                WriteHeader(blob, ref position, offset);
                WriteHeader(blob, ref position, _counts[s]);
                blob[position++] = CatalogLayout.EncodeDigit(_widths[s]);
                Buffer.BlockCopy(section, 0, blob, offset, section.Length);
                offset += section.Length;
            }

            return blob;
        }

        private void Set(Section section, byte[] bytes, int count, int width)
        {
            _sections[(int)section] = bytes;
            _counts[(int)section] = count;
            _widths[(int)section] = width;
        }

        private static void WriteHeader(byte[] blob, ref int position, int value)
        {
            if (value > CatalogLayout.MaxHeaderValue)
            {
                throw new InvalidOperationException("The catalog is too large for its format.");
            }

            for (int d = 0; d < CatalogLayout.HeaderDigits; d++)
            {
                blob[position++] = CatalogLayout.EncodeDigit(value & 63);
                value >>= CatalogLayout.DigitBits;
            }
        }
    }
}
