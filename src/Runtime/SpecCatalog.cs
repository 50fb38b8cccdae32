using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A catalog of Spack build cache specs, generated at compile time from cache pages. Entries are in
    /// catalog order: pages by snapshot tag then package (ordinal), specs in page order. Lookups by hash and
    /// the filters allocate nothing per call; strings are created once, on first use, and then reused.
    /// </summary>
    public sealed unsafe partial class SpecCatalog : IReadOnlyList<Spec>, IFieldSource
    {
        private readonly byte* _tables;
        private readonly byte* _strings;
        private readonly int _stringsLength;
        private readonly SectionInfo[] _sections;
        private readonly string?[] _stringCache;
        private readonly GCHandle[]? _pins;
        private readonly int _homeSlots;
        private readonly int _slotCount;
        private readonly int _slotDigits;
        private readonly int _slotSize;
        private readonly byte* _slots;
        private readonly SectionInfo _hashEntryStart;
        private readonly SectionInfo _hashEntries;
        private string?[]? _hashCache;
        private string?[]? _shortHashCache;
        private VersionValue?[]? _versionCache;
        private ushort[]? _fingerprints;
        private readonly int _hashCount;

        private SpecCatalog(byte* tables, int tablesLength, byte* strings, int stringsLength, GCHandle[]? pins)
        {
            _tables = tables;
            _strings = strings;
            _stringsLength = stringsLength;
            _pins = pins;
            CatalogHeader header = CatalogHeader.Read(new ReadOnlySpan<byte>(tables, tablesLength), out string? error) ?? throw new FormatException(error);
            Count = header.SpecCount;
            PageCount = header.PageCount;
            _hashCount = header.HashCount;
            _homeSlots = header.HomeSlots;
            _slotCount = header.SlotCount;
            _slotDigits = header.SlotDigits;
            _slotSize = header.SlotSize;
            _sections = header.Sections;
            _stringCache = new string?[header.StringCount];
            _slots = tables + header[Section.HashSlots].Offset;
            _hashEntryStart = header[Section.HashEntryStart];
            _hashEntries = header[Section.HashEntries];
        }

        /// <summary>Frees the pins of a catalog made from arrays.</summary>
        ~SpecCatalog()
        {
            if (_pins is not null)
            {
                foreach (GCHandle pin in _pins)
                {
                    pin.Free();
                }
            }
        }

        /// <summary>Number of entries: one per spec of each page.</summary>
        public int Count { get; }

        /// <summary>Number of pages the catalog was made from.</summary>
        public int PageCount { get; }

        /// <summary>Number of distinct hashes (a hash kept in several snapshot tags counts once; for a combined catalog, once per catalog that has it).</summary>
        public int HashCount => _parts is null ? _hashCount : SumHashCounts();

        private int SumHashCounts()
        {
            int sum = 0;
            foreach (SpecCatalog part in _parts!)
            {
                sum += part.HashCount;
            }

            return sum;
        }

        /// <summary>The package names, sorted ordinally.</summary>
        public NameList Packages => Names(Dimensions.Package);

        /// <summary>The snapshot tags, sorted ordinally.</summary>
        public NameList Tags => Names(Dimensions.Tag);

        /// <summary>The stacks, sorted ordinally.</summary>
        public NameList Stacks => Names(Dimensions.Stack);

        /// <summary>The targets, sorted ordinally.</summary>
        public NameList Targets => Names(Dimensions.Target);

        /// <summary>The operating systems, sorted ordinally.</summary>
        public NameList OperatingSystems => Names(Dimensions.OperatingSystem);

        /// <summary>The platforms, sorted ordinally.</summary>
        public NameList Platforms => Names(Dimensions.Platform);

        /// <summary>The entry at <paramref name="index"/> in catalog order.</summary>
        public Spec this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return SpecAt(index);
            }
        }

        /// <summary>
        /// Makes a catalog over static data. For generated code: both spans must refer to data that never
        /// moves, such as UTF-8 string literals or constant byte arrays, which the compiler stores in the assembly,
        /// or an array from <see cref="AllocateStaticData"/>.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static SpecCatalog FromStaticData(ReadOnlySpan<byte> tables, ReadOnlySpan<byte> strings)
        {
            fixed (byte* t = tables)
            fixed (byte* s = strings)
            {
                // The data is in the assembly image, not on the heap: the pointers stay valid after 'fixed'.
                return new SpecCatalog(t, tables.Length, s, strings.Length, null);
            }
        }

        /// <summary>
        /// For generated code: an array of <paramref name="length"/> bytes that never moves, pinned for the life of the
        /// process, into which a catalog blob too large for one literal is joined from its chunks (once, when the
        /// catalog is created) and then handed to <see cref="FromStaticData"/>.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static byte[] AllocateStaticData(int length)
        {
            // A pinned handle, never freed, both keeps the array from moving and keeps it alive: the catalog holds only
            // a pointer into it, and a generated catalog lives as long as the process.
            var data = new byte[length];
            GCHandle.Alloc(data, GCHandleType.Pinned);
            return data;
        }

        /// <summary>
        /// For generated code: the first <paramref name="length"/> bytes of a blob written as a string constant, two bytes
        /// per character, little-endian. The string is pinned for the life of the process and read in place on a
        /// little-endian machine (no copy, no decoding); on a big-endian one its bytes are copied out in order.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static ReadOnlySpan<byte> StaticBytes(string data, int length) => StaticBytes(data, length, BitConverter.IsLittleEndian);

        /// <summary><see cref="StaticBytes(string, int)"/> as a machine of the given byte order would run it (tests take the big-endian path here).</summary>
        internal static ReadOnlySpan<byte> StaticBytes(string data, int length, bool littleEndian)
        {
            if (data is null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (length < 0 || length > 2L * data.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            if (littleEndian)
            {
                // A pinned handle, never freed: the catalog holds a pointer into the string, which lives as long as the process.
                GCHandle.Alloc(data, GCHandleType.Pinned);
                return MemoryMarshal.AsBytes(data.AsSpan()).Slice(0, length);
            }

            byte[] bytes = AllocateStaticData(length);
            for (int i = 0; i < length; i++)
            {
                char c = data[i >> 1];
                bytes[i] = (byte)((i & 1) == 0 ? c & 0xFF : c >> 8);
            }

            return bytes;
        }

        /// <summary>Makes a catalog over arrays (kept pinned for the catalog's lifetime).</summary>
        internal static SpecCatalog FromArrays(byte[] tables, byte[] strings)
        {
            var pins = new[] { GCHandle.Alloc(tables, GCHandleType.Pinned), GCHandle.Alloc(strings, GCHandleType.Pinned) };
            return new SpecCatalog(
                (byte*)pins[0].AddrOfPinnedObject(),
                tables.Length,
                (byte*)pins[1].AddrOfPinnedObject(),
                strings.Length,
                pins);
        }

        /// <summary>Enumerates every entry in catalog order without allocating.</summary>
        public SpecRangeEnumerator GetEnumerator() => new SpecRangeEnumerator(this, 0, Count);

        IEnumerator<Spec> IEnumerable<Spec>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        // ---- reading the tables ------------------------------------------------------------------

        internal int Read(Section section, int index) => Read(_sections[(int)section], index);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal int Read(SectionInfo section, int index)
        {
            byte* p = _tables + section.Offset + (index * section.Width);
            switch (section.Width)
            {
                case 1:
                    return Digits.Decode(p[0]);
                case 2:
                    return Digits.Decode(p[0]) | (Digits.Decode(p[1]) << Digits.Bits);
                case 3:
                    return Digits.Decode(p[0]) | (Digits.Decode(p[1]) << Digits.Bits) | (Digits.Decode(p[2]) << (2 * Digits.Bits));
                default:
                    return Digits.Read(new ReadOnlySpan<byte>(p, section.Width), 0, section.Width);
            }
        }

        internal int SectionCount(Section section) => _sections[(int)section].Count;

        /// <summary>The string with the given id, created on first use.</summary>
        internal string GetString(int id)
        {
            string? value = _stringCache[id];
            if (value is null)
            {
                SectionInfo offsets = _sections[(int)Section.StringOffsets];
                int start = Read(offsets, id);
                int end = Read(offsets, id + 1);
                value = end > start ? Encoding.UTF8.GetString(_strings + start, end - start) : string.Empty;
                _stringCache[id] = value;
            }

            return value;
        }

        /// <summary>
        /// The version with the given string id, one object per id, parsed when first compared (a version only shown is
        /// never parsed: the generator checked every version's text when it wrote the catalog).
        /// </summary>
        internal SpackVersion VersionOf(int id)
        {
            VersionValue?[] cache = _versionCache ?? Interlocked.CompareExchange(ref _versionCache, new VersionValue?[_stringCache.Length], null) ?? _versionCache!;
            VersionValue? value = cache[id];
            if (value is null)
            {
                value = VersionValue.Deferred(GetString(id));
                cache[id] = value;
            }

            return SpackVersion.From(value);
        }

        /// <summary>The name at <paramref name="index"/> of a kind of name (package, tag, stack, ...).</summary>
        internal string Name(Dimension dimension, int index) => GetString(Read(dimension.Names, index));

        /// <summary>The index of the name of a kind that a spec has (not for lists), or -1 when the spec has none.</summary>
        internal int ValueIndex(Dimension dimension, int spec) => Read(dimension.Column, dimension.PerPage ? Read(Section.SpecPage, spec) : spec) - 1;

        /// <summary>The name of a kind that a spec has (not for lists).</summary>
        internal string ValueName(Dimension dimension, int spec) => Name(dimension, ValueIndex(dimension, spec));

        /// <summary>A spec's list of names of a <see cref="FieldKind.NameList"/> field (empty when absent).</summary>
        internal NameList NamesOf(SpecField field, int spec)
        {
            NameListField.Get(this, field, spec, out int start, out int count);
            return new NameList(this, field.Names!.ListItems, start, count, field.Names.Names);
        }

        int IFieldSource.Read(Section section, int index) => Read(section, index);

        string IFieldSource.String(int id) => GetString(id);

        string IFieldSource.Name(Dimension names, int index) => Name(names, index);

        string IFieldSource.Hash(int slot) => HashOf(slot);

        /// <summary>
        /// A spec's value of a field as the page writes it, through the field's kind: the text of a scalar kind (text,
        /// name, hash, URL, size, version), lists as <c>[a, b]</c>; null when absent. The accessor of every string property of <see cref="Spec"/>.
        /// </summary>
        internal string? TextOf(SpecField field, int spec) => field.Type.Describe(this, field, spec);

        /// <summary>A spec's version of a <see cref="FieldKind.Version"/> field, or null when absent.</summary>
        internal SpackVersion? VersionOf(SpecField field, int spec)
        {
            int id = VersionField.Get(this, field, spec);
            return id < 0 ? null : VersionOf(id);
        }

        /// <summary>A spec's compiler of a <see cref="FieldKind.Compiler"/> field, or null when absent.</summary>
        internal Compiler? CompilerOf(SpecField field, int spec)
        {
            int index = CompilerField.Get(this, field, spec);
            return index < 0 ? null : new Compiler(this, index);
        }

        /// <summary>A spec's variants of a <see cref="FieldKind.Variants"/> field (empty when absent).</summary>
        internal VariantList VariantsOf(SpecField field, int spec)
        {
            VariantsField.Get(this, field, spec, out int start, out int count);
            return new VariantList(this, start, count);
        }

        internal NameList Names(Dimension dimension) => _parts is not null ? CombinedNames(dimension) : new NameList(this, dimension.Names, 0, SectionCount(dimension.Names), null);

        /// <summary>Index of <paramref name="name"/> among the sorted names of a kind, or -1.</summary>
        internal int IndexOfName(Dimension dimension, string? name)
        {
            if (name is null)
            {
                return -1;
            }

            int lo = 0;
            int hi = SectionCount(dimension.Names) - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                int c = string.CompareOrdinal(Name(dimension, mid), name);
                if (c == 0)
                {
                    return mid;
                }

                if (c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return -1;
        }

        /// <summary>The hash in a slot of the hash table, created on first use.</summary>
        internal string HashOf(int slot)
        {
            string?[] cache = _hashCache ?? Interlocked.CompareExchange(ref _hashCache, new string?[_slotCount], null) ?? _hashCache!;
            string? value = cache[slot];
            if (value is null)
            {
                value = Encoding.ASCII.GetString(Slot(slot), CatalogLayout.HashLength);
                cache[slot] = value;
            }

            return value;
        }

        internal string ShortHashOf(int slot)
        {
            string?[] cache = _shortHashCache ?? Interlocked.CompareExchange(ref _shortHashCache, new string?[_slotCount], null) ?? _shortHashCache!;
            return cache[slot] ??= HashOf(slot).Substring(0, Spec.ShortHashLength);
        }
    }
}
