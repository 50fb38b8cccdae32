// Shared by SpecGen.Generator (which writes catalogs) and SpecGen.Runtime (which reads them).
// A catalog is two blobs:
//  - the string blob: every distinct string of the catalog, UTF-8, concatenated, sorted ordinally;
//  - the table blob: a header and integer arrays. Every byte of it is a printable ASCII character
//    other than '"' and '\', so it is written as a C# UTF-8 string literal ("..."u8) without a single
//    escape and stored in the assembly's data as is. An integer is stored in a fixed number of
//    base-64 digits (little-endian, each digit one character), the number chosen per array.
namespace SpecGen.Format
{
    using System;

    /// <summary>The integer arrays of the table blob, in the order the header lists them.</summary>
    internal enum Section
    {
        /// <summary>StringCount + 1 byte offsets into the string blob.</summary>
        StringOffsets,

        /// <summary>Sorted distinct package names (string ids).</summary>
        Packages,
        /// <summary>Sorted distinct snapshot tags (string ids).</summary>
        Tags,
        /// <summary>Sorted distinct stacks (string ids).</summary>
        Stacks,
        /// <summary>Sorted distinct targets (string ids).</summary>
        Targets,
        /// <summary>Sorted distinct operating systems (string ids).</summary>
        OperatingSystems,
        /// <summary>Sorted distinct platforms (string ids).</summary>
        Platforms,

        /// <summary>Per page (catalog order: tag, then package): tag index.</summary>
        PageTag,
        /// <summary>Per page: package index.</summary>
        PagePackage,
        /// <summary>PageCount + 1 spec indices: the specs of page p are [PageFirstSpec[p], PageFirstSpec[p + 1]).</summary>
        PageFirstSpec,
        /// <summary>PackageCount + 1 offsets into <see cref="PackagePages"/>.</summary>
        PackagePageStart,
        /// <summary>Page indices grouped by package, ascending.</summary>
        PackagePages,
        /// <summary>TagCount + 1 page indices: the pages of tag t are [TagPageStart[t], TagPageStart[t + 1]).</summary>
        TagPageStart,

        /// <summary>Per spec: page index.</summary>
        SpecPage,
        /// <summary>Per spec: the slot of its hash in <see cref="HashSlots"/>.</summary>
        SpecHash,
        /// <summary>Per spec: version (string id).</summary>
        SpecVersion,
        /// <summary>Per spec: compiler index.</summary>
        SpecCompiler,
        /// <summary>Per spec: operating system index.</summary>
        SpecOs,
        /// <summary>Per spec: platform index.</summary>
        SpecPlatform,
        /// <summary>Per spec: target index.</summary>
        SpecTarget,
        /// <summary>Per spec: stack list index.</summary>
        SpecStacks,
        /// <summary>Per spec: variant list index.</summary>
        SpecVariants,
        /// <summary>Per spec: size text (string id).</summary>
        SpecSize,
        /// <summary>Per spec: tarball text before the hash (string id + 1; 0 when the spec has no tarball).</summary>
        SpecTarballHead,
        /// <summary>Per spec: tarball text after the hash (string id + 1; 0 when the hash is not in the tarball).</summary>
        SpecTarballTail,
        /// <summary>Per spec: <see cref="SpecFlags"/>.</summary>
        SpecFlags,

        /// <summary>StackListCount + 1 offsets into <see cref="StackListItems"/>.</summary>
        StackListStart,
        /// <summary>Stack indices, each list in page order.</summary>
        StackListItems,
        /// <summary>VariantListCount + 1 offsets into <see cref="VariantListItems"/>.</summary>
        VariantListStart,
        /// <summary>Variant indices, each list in page order.</summary>
        VariantListItems,

        /// <summary>Per compiler: full text (string id).</summary>
        CompilerText,
        /// <summary>Per compiler: name (string id).</summary>
        CompilerName,
        /// <summary>Per compiler: version (string id).</summary>
        CompilerVersion,
        /// <summary>Per compiler: <see cref="CompilerFlags"/>.</summary>
        CompilerFlags,

        /// <summary>Per variant: full text (string id).</summary>
        VariantText,
        /// <summary>Per variant: name (string id).</summary>
        VariantName,
        /// <summary>Per variant: <see cref="VariantFlags"/>.</summary>
        VariantFlags,
        /// <summary>VariantCount + 1 offsets into <see cref="VariantValueItems"/>.</summary>
        VariantValueStart,
        /// <summary>Variant values (string ids).</summary>
        VariantValueItems,

        /// <summary>
        /// The hash table (width 1, raw bytes): SlotCount records of 32 hash characters then SlotDigits digits
        /// of the hash's first spec index. The distinct hashes are sorted and each sits at its home slot or
        /// after it (see <see cref="CatalogLayout.HomeSlot"/>), so the table is both a hash table and a sorted
        /// list. An empty slot starts with <see cref="CatalogLayout.EmptySlot"/>.
        /// </summary>
        HashSlots,
        /// <summary>SlotCount + 1 offsets into <see cref="HashEntries"/> (empty slots have none).</summary>
        HashEntryStart,
        /// <summary>Spec indices grouped by hash in slot order, ascending within a hash.</summary>
        HashEntries,
    }

    /// <summary>Bits of <see cref="Section.SpecFlags"/>.</summary>
    internal static class SpecFlags
    {
        /// <summary>The size was written as a plain (unquoted) number.</summary>
        public const int SizeIsNumber = 1;
    }

    /// <summary>Bits of <see cref="Section.CompilerFlags"/>.</summary>
    internal static class CompilerFlags
    {
        /// <summary>The spec names no compiler (<c>none</c>).</summary>
        public const int None = 1;
        /// <summary>The version was written with <c>@=</c>.</summary>
        public const int Exact = 2;
    }

    /// <summary>Bits of <see cref="Section.VariantFlags"/>: the low two bits are the kind.</summary>
    internal static class VariantFlags
    {
        public const int KindMask = 3;
        public const int BoolTrue = 0;
        public const int BoolFalse = 1;
        public const int Single = 2;
        public const int Multi = 3;
        /// <summary>Written with <c>:=</c> (an exact value set).</summary>
        public const int Exact = 4;
        /// <summary>The value was quoted.</summary>
        public const int Quoted = 8;
    }

    internal static class CatalogLayout
    {
        /// <summary>The first four bytes of a table blob; the last one is the format version.</summary>
        public const string Magic = "SPG1";

        /// <summary>Length of a Spack DAG hash.</summary>
        public const int HashLength = 32;

        /// <summary>Digits of each header integer.</summary>
        public const int HeaderDigits = 5;

        /// <summary>Bits of one digit.</summary>
        public const int DigitBits = 6;

        /// <summary>Most digits an integer of the tables takes (30 bits).</summary>
        public const int MaxDigits = 5;

        /// <summary>The character of each digit value: '#'..'[' then ']'..'c' (no '"', no '\').</summary>
        public static byte EncodeDigit(int digit) => (byte)(digit < 57 ? digit + 0x23 : digit + 0x24);

        /// <summary>The value of a digit character (the inverse of <see cref="EncodeDigit"/>), without a table or a branch.</summary>
        public static int DecodeDigit(int c) => c - 0x23 - (((0x5C - c) >> 31) & 1);

        /// <summary>Header integers before the section table: spec, page, string and distinct hash counts, home slots, slots, slot digits.</summary>
        public const int HeaderFields = 7;

        public const int SectionCount = (int)Section.HashEntries + 1;

        /// <summary>Bytes of one section descriptor: offset and count (HeaderDigits each), width (one digit).</summary>
        public const int SectionDescriptorSize = 2 * HeaderDigits + 1;

        public const int SectionTableOffset = 4 + HeaderFields * HeaderDigits;

        public const int DataOffset = SectionTableOffset + SectionCount * SectionDescriptorSize;

        /// <summary>Largest value a header integer can hold.</summary>
        public const int MaxHeaderValue = (1 << (DigitBits * HeaderDigits)) - 1;

        /// <summary>The first byte of an empty hash slot.</summary>
        public const byte EmptySlot = (byte)'!';

        /// <summary>Characters of a hash that make its 30-bit key (the home slot).</summary>
        public const int KeyChars = 6;

        /// <summary>Bits of a hash key.</summary>
        public const int KeyBits = 5 * KeyChars;

        /// <summary>Home slots per distinct hash: the table is at most this full before overflow slots.</summary>
        public const double LoadFactor = 0.6;

        /// <summary>The home slot of a 30-bit key among <paramref name="homeSlots"/>: monotonic, so sorted hashes keep their order.</summary>
        public static int HomeSlot(int key, int homeSlots) => (int)(((ulong)(uint)key * (uint)homeSlots) >> KeyBits);

        /// <summary>Number of home slots for a number of distinct hashes.</summary>
        public static int HomeSlotsFor(int hashCount) => Math.Max(1, (int)Math.Ceiling(hashCount / LoadFactor));

        /// <summary>Rank of a base32 hash character in ordinal order ('2'..'7' then 'a'..'z'), or -1.</summary>
        public static int HashCharRank(int c)
        {
            return (uint)c < 128 ? (sbyte)HashRanks[c] : -1;
        }

        /// <summary>The ranks of ASCII characters (0xFF, read as -1, for characters that are not base32).</summary>
        private static ReadOnlySpan<byte> HashRanks => new byte[]
        {
            255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
            255, 255, 0, 1, 2, 3, 4, 5, 255, 255, 255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
            255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
            255, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
            21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 255, 255, 255, 255, 255,
        };

        /// <summary>
        /// The 30-bit key of the first <see cref="KeyChars"/> characters without checking them: for base32
        /// characters it equals <see cref="Key"/>; for others it is some key in range (a lookup then compares
        /// the query with a stored hash, which has no such character, and finds nothing).
        /// </summary>
        public static int UncheckedKey(ReadOnlySpan<char> text)
        {
            int key = 0;
            for (int i = 0; i < KeyChars; i++)
            {
                int c = text[i];
                key = (key << 5) | ((c - 0x32 - ((c >> 6) * 41)) & 31);
            }

            return key;
        }

        /// <summary>
        /// The 30-bit key of the first <paramref name="count"/> (at most <see cref="KeyChars"/>) characters, the
        /// missing characters' bits zero; -1 when one of them is not a base32 hash character.
        /// </summary>
        public static int Key(ReadOnlySpan<char> text, int count)
        {
            int key = 0;
            int invalid = 0;
            for (int i = 0; i < count; i++)
            {
                int rank = HashCharRank(text[i]);
                invalid |= rank;
                key = (key << 5) | (rank & 31);
            }

            return invalid < 0 ? -1 : key << (5 * (KeyChars - count));
        }

        /// <summary>Digits needed to store values up to <paramref name="max"/>.</summary>
        public static int DigitsFor(long max)
        {
            int digits = 1;
            while (digits < MaxDigits && max >= 1L << (DigitBits * digits))
            {
                digits++;
            }

            return digits;
        }
    }
}
