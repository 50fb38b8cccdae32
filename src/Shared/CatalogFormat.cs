// Shared by SpecGen.Generator (which writes catalogs) and SpecGen.Runtime (which reads them).
// A catalog is two blobs:
//  - the string blob: every distinct string of the catalog, UTF-8, concatenated, sorted ordinally;
//  - the table blob: a header and integer arrays. Every byte of it is a printable ASCII character
//    other than '"' and '\', so it is written as a C# UTF-8 string literal ("..."u8) without a single
//    escape and stored in the assembly's data as is. An integer is stored in a fixed number of
//    base-64 digits (little-endian, each digit one character), the number chosen per array.
namespace SpecGen.Format
{
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
        /// <summary>Per spec: index of its hash among the sorted distinct hashes.</summary>
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

        /// <summary>HashCount * 32 ASCII bytes: the sorted distinct hashes (width 1).</summary>
        HashText,
        /// <summary>HashCount + 1 offsets into <see cref="HashEntries"/>.</summary>
        HashEntryStart,
        /// <summary>Spec indices grouped by hash, ascending within a hash.</summary>
        HashEntries,
        /// <summary>2^BucketBits + 1 hash indices: hashes whose leading bits are b are [BucketStart[b], BucketStart[b + 1]).</summary>
        BucketStart,
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

        /// <summary>Digit values by character (0 for characters that are not digits).</summary>
        public static readonly byte[] DigitValues = BuildDigitValues();

        private static byte[] BuildDigitValues()
        {
            var values = new byte[256];
            for (int d = 0; d < 64; d++)
            {
                values[EncodeDigit(d)] = (byte)d;
            }

            return values;
        }

        /// <summary>Header integers before the section table: spec, page, string and hash counts, bucket bits.</summary>
        public const int HeaderFields = 5;

        public const int SectionCount = (int)Section.BucketStart + 1;

        /// <summary>Bytes of one section descriptor: offset and count (HeaderDigits each), width (one digit).</summary>
        public const int SectionDescriptorSize = 2 * HeaderDigits + 1;

        public const int SectionTableOffset = 4 + HeaderFields * HeaderDigits;

        public const int DataOffset = SectionTableOffset + SectionCount * SectionDescriptorSize;

        /// <summary>Largest value a header integer can hold.</summary>
        public const int MaxHeaderValue = (1 << (DigitBits * HeaderDigits)) - 1;

        /// <summary>Most leading hash bits used to index buckets (four base32 characters).</summary>
        public const int MaxBucketBits = 20;

        /// <summary>Rank of a base32 hash character in ordinal order ('2'..'7' then 'a'..'z'), or -1.</summary>
        public static int HashCharRank(int c)
        {
            if (c >= 'a' && c <= 'z')
            {
                return c - 'a' + 6;
            }

            if (c >= '2' && c <= '7')
            {
                return c - '2';
            }

            return -1;
        }

        /// <summary>Buckets bits for a number of distinct hashes: about one hash per bucket.</summary>
        public static int BucketBitsFor(int hashCount)
        {
            int bits = 0;
            while (bits < MaxBucketBits && (1 << bits) < hashCount)
            {
                bits++;
            }

            return bits;
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
