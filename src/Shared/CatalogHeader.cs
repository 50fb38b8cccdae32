using System;

namespace SpecGen.Format
{
    /// <summary>
    /// The start of a table blob: the magic, the schema's fingerprint, seven counts, then one descriptor (offset,
    /// count, width) per section (<see cref="TableLayout"/>), in section order. Written by the generator's encoder, read by the runtime and by the
    /// analyzer, all through this type.
    /// </summary>
    internal sealed class CatalogHeader
    {
        /// <summary>
        /// The first four bytes of a table blob; the last one is the format version. 2: every field column stores
        /// index + 1 with 0 for absent, sections and flag bits are laid out from the schema, and the header holds
        /// the schema's fingerprint.
        /// </summary>
        public const string Magic = "SPG2";

        /// <summary>Digits of each header integer.</summary>
        public const int FieldDigits = 5;

        /// <summary>Header integers before the section table: the fingerprint and seven counts.</summary>
        public const int FieldCount = 8;

        /// <summary>Number of sections.</summary>
        public static int SectionCount => TableLayout.Count;

        /// <summary>Bytes of one section descriptor: offset and count (<see cref="FieldDigits"/> each), width (one digit).</summary>
        public const int DescriptorSize = (2 * FieldDigits) + 1;

        /// <summary>Where the section descriptors start.</summary>
        public const int SectionTableOffset = 4 + (FieldCount * FieldDigits);

        /// <summary>Where the section data starts.</summary>
        public static int DataOffset => SectionTableOffset + (SectionCount * DescriptorSize);

        /// <summary>Largest value a header integer can hold.</summary>
        public const int MaxValue = (1 << (Digits.Bits * FieldDigits)) - 1;

        public CatalogHeader(int specCount, int pageCount, int stringCount, int hashCount, int homeSlots, int slotCount, int slotDigits, SectionInfo[] sections)
        {
            SpecCount = specCount;
            PageCount = pageCount;
            StringCount = stringCount;
            HashCount = hashCount;
            HomeSlots = homeSlots;
            SlotCount = slotCount;
            SlotDigits = slotDigits;
            Sections = sections;
        }

        /// <summary>Entries of the catalog (one per spec of each page).</summary>
        public int SpecCount { get; }

        public int PageCount { get; }

        /// <summary>Distinct strings in the string blob.</summary>
        public int StringCount { get; }

        /// <summary>Distinct hashes.</summary>
        public int HashCount { get; }

        /// <summary>Home slots of the hash table (see <see cref="CatalogLayout.HomeSlot"/>).</summary>
        public int HomeSlots { get; }

        /// <summary>Slots of the hash table (home slots and overflow after them).</summary>
        public int SlotCount { get; }

        /// <summary>Digits of the first-spec index stored after each slot's hash.</summary>
        public int SlotDigits { get; }

        /// <summary>Bytes of one hash slot: the hash, then <see cref="SlotDigits"/> digits.</summary>
        public int SlotSize => CatalogLayout.HashLength + SlotDigits;

        /// <summary>The descriptor of each section, indexed by <see cref="Section"/>.</summary>
        public SectionInfo[] Sections { get; }

        public SectionInfo this[Section section] => Sections[(int)section];

        /// <summary>Reads and checks the header of a table blob; null with the reason when the blob is not one.</summary>
        public static CatalogHeader? Read(ReadOnlySpan<byte> blob, out string? error)
        {
            error = null;
            if (blob.Length < DataOffset || !HasMagic(blob))
            {
                error = "The data is not a SpecGen catalog of format " + Magic + "; the generator and SpecGen.Runtime must come from the same SpecGen version.";
                return null;
            }

            if (Digits.Read(blob, 4, FieldDigits) != TableLayout.Fingerprint)
            {
                error = "The catalog was built with another schema of spec fields than this SpecGen.Runtime's; the generator and SpecGen.Runtime must come from the same SpecGen version.";
                return null;
            }

            int position = 4 + FieldDigits;
            var fields = new int[FieldCount - 1];
            for (int i = 0; i < fields.Length; i++, position += FieldDigits)
            {
                fields[i] = Digits.Read(blob, position, FieldDigits);
            }

            var sections = new SectionInfo[SectionCount];
            for (int s = 0; s < sections.Length; s++)
            {
                int offset = Digits.Read(blob, position, FieldDigits);
                int count = Digits.Read(blob, position + FieldDigits, FieldDigits);
                int width = Digits.Decode(blob[position + (2 * FieldDigits)]);
                position += DescriptorSize;
                if (offset < DataOffset || width < 1 || width > Digits.Max || (long)offset + ((long)count * width) > blob.Length)
                {
                    error = "The catalog data is damaged (section " + TableLayout.NameOf((Section)s) + ").";
                    return null;
                }

                sections[s] = new SectionInfo(offset, count, width);
            }

            var header = new CatalogHeader(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], sections);
            if ((long)header.SlotCount * header.SlotSize != header[Section.HashSlots].Count
                || header.SlotDigits < 1 || header.SlotDigits > Digits.Max || header.HomeSlots > header.SlotCount)
            {
                error = "The catalog data is damaged (hash table).";
                return null;
            }

            return header;
        }

        /// <summary>Writes the header into the first <see cref="DataOffset"/> bytes of <paramref name="blob"/>.</summary>
        public void Write(Span<byte> blob)
        {
            for (int i = 0; i < 4; i++)
            {
                blob[i] = (byte)Magic[i];
            }

            int position = 4;
            foreach (int value in new[] { TableLayout.Fingerprint, SpecCount, PageCount, StringCount, HashCount, HomeSlots, SlotCount, SlotDigits })
            {
                WriteField(blob, ref position, value);
            }

            foreach (SectionInfo section in Sections)
            {
                WriteField(blob, ref position, section.Offset);
                WriteField(blob, ref position, section.Count);
                blob[position++] = Digits.Encode(section.Width);
            }
        }

        /// <summary>The hash stored in a slot, or null for an empty slot.</summary>
        public string? HashAt(ReadOnlySpan<byte> blob, int slot)
        {
            int at = this[Section.HashSlots].Offset + (slot * SlotSize);
            if (blob[at] == CatalogLayout.EmptySlot)
            {
                return null;
            }

            var chars = new char[CatalogLayout.HashLength];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)blob[at + i];
            }

            return new string(chars);
        }

        private static void WriteField(Span<byte> blob, ref int position, int value)
        {
            if (value < 0 || value > MaxValue)
            {
                throw new InvalidOperationException("The catalog is too large for its format.");
            }

            Digits.Write(blob, position, FieldDigits, value);
            position += FieldDigits;
        }

        private static bool HasMagic(ReadOnlySpan<byte> blob)
        {
            for (int i = 0; i < 4; i++)
            {
                if (blob[i] != Magic[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
