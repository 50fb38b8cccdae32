// Shared by SpecGen.Generator (which writes catalogs) and SpecGen.Runtime (which reads them).
// A catalog is two blobs:
//  - the string blob: every distinct string of the catalog, UTF-8, concatenated, sorted ordinally;
//  - the table blob: a header and integer arrays. Every byte of it is a printable ASCII character
//    other than '"' and '\', so it is written as a C# UTF-8 string literal ("..."u8) without a single
//    escape and stored in the assembly's data as is. An integer is stored in a fixed number of
//    base-64 digits (little-endian, each digit one character), the number chosen per array.
namespace SpecGen.Format
{
    /// <summary>
    /// The integer arrays of the table blob, in the order the header lists them: these fixed ones, then the
    /// sections <see cref="TableLayout"/> makes from the schema (per kind of name: its names, its page column or
    /// its lists; per spec field: its columns). <see cref="TableLayout.Count"/> is the total.
    /// </summary>
    internal enum Section
    {
        /// <summary>StringCount + 1 byte offsets into the string blob.</summary>
        StringOffsets,

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
        /// <summary>Per spec: the flag bits of every field (<see cref="SpecField.FlagShift"/>).</summary>
        SpecFlags,

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
}
