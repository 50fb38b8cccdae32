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
    public sealed unsafe partial class SpecCatalog : IReadOnlyList<Spec>
    {
        private readonly byte* _tables;
        private readonly byte* _strings;
        private readonly int _stringsLength;
        private readonly Column[] _columns;
        private readonly string?[] _stringCache;
        private readonly GCHandle[]? _pins;
        private readonly int _homeSlots;
        private readonly int _slotCount;
        private readonly int _slotDigits;
        private readonly int _slotSize;
        private readonly byte* _slots;
        private readonly Column _hashEntryStart;
        private readonly Column _hashEntries;
        private string?[]? _hashCache;
        private string?[]? _shortHashCache;
        private VersionValue?[]? _versionCache;

        private SpecCatalog(byte* tables, int tablesLength, byte* strings, int stringsLength, GCHandle[]? pins)
        {
            _tables = tables;
            _strings = strings;
            _stringsLength = stringsLength;
            _pins = pins;
            if (tablesLength < CatalogLayout.DataOffset || !HasMagic(tables))
            {
                throw new FormatException("The data is not a SpecGen catalog of format " + CatalogLayout.Magic + "; the generator and SpecGen.Runtime must come from the same SpecGen version.");
            }

            int position = 4;
            Count = ReadHeader(ref position);
            PageCount = ReadHeader(ref position);
            int stringCount = ReadHeader(ref position);
            HashCount = ReadHeader(ref position);
            _homeSlots = ReadHeader(ref position);
            _slotCount = ReadHeader(ref position);
            _slotDigits = ReadHeader(ref position);
            _slotSize = CatalogLayout.HashLength + _slotDigits;
            _columns = new Column[CatalogLayout.SectionCount];
            for (int s = 0; s < _columns.Length; s++)
            {
                int offset = ReadHeader(ref position);
                int count = ReadHeader(ref position);
                int width = CatalogLayout.DecodeDigit(tables[position++]);
                if (offset < CatalogLayout.DataOffset || (long)offset + ((long)count * width) > tablesLength || width < 1 || width > CatalogLayout.MaxDigits)
                {
                    throw new FormatException("The catalog data is damaged (section " + (Section)s + ").");
                }

                _columns[s] = new Column(offset, count, width);
            }

            _stringCache = new string?[stringCount];
            if ((long)_slotCount * _slotSize != _columns[(int)Section.HashSlots].Count || _slotDigits < 1 || _slotDigits > CatalogLayout.MaxDigits || _homeSlots > _slotCount)
            {
                throw new FormatException("The catalog data is damaged (hash table).");
            }

            _slots = tables + _columns[(int)Section.HashSlots].Offset;
            _hashEntryStart = _columns[(int)Section.HashEntryStart];
            _hashEntries = _columns[(int)Section.HashEntries];
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

        /// <summary>Number of distinct hashes (a hash kept in several snapshot tags counts once).</summary>
        public int HashCount { get; }

        /// <summary>The package names, sorted ordinally.</summary>
        public NameList Packages => Names(Section.Packages);

        /// <summary>The snapshot tags, sorted ordinally.</summary>
        public NameList Tags => Names(Section.Tags);

        /// <summary>The stacks, sorted ordinally.</summary>
        public NameList Stacks => Names(Section.Stacks);

        /// <summary>The targets, sorted ordinally.</summary>
        public NameList Targets => Names(Section.Targets);

        /// <summary>The operating systems, sorted ordinally.</summary>
        public NameList OperatingSystems => Names(Section.OperatingSystems);

        /// <summary>The platforms, sorted ordinally.</summary>
        public NameList Platforms => Names(Section.Platforms);

        /// <summary>The entry at <paramref name="index"/> in catalog order.</summary>
        public Spec this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return new Spec(this, index);
            }
        }

        /// <summary>
        /// Makes a catalog over static data. For generated code: both spans must refer to data that never
        /// moves, such as UTF-8 string literals or constant byte arrays, which the compiler stores in the assembly.
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

        internal int Read(Section section, int index) => Read(_columns[(int)section], index);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal int Read(Column column, int index)
        {
            byte* p = _tables + column.Offset + (index * column.Width);
            switch (column.Width)
            {
                case 1:
                    return CatalogLayout.DecodeDigit(p[0]);
                case 2:
                    return CatalogLayout.DecodeDigit(p[0]) | (CatalogLayout.DecodeDigit(p[1]) << 6);
                case 3:
                    return CatalogLayout.DecodeDigit(p[0]) | (CatalogLayout.DecodeDigit(p[1]) << 6) | (CatalogLayout.DecodeDigit(p[2]) << 12);
                default:
                    int value = 0;
                    for (int d = column.Width - 1; d >= 0; d--)
                    {
                        value = (value << CatalogLayout.DigitBits) | CatalogLayout.DecodeDigit(p[d]);
                    }

                    return value;
            }
        }

        internal int SectionCount(Section section) => _columns[(int)section].Count;

        /// <summary>The string with the given id, created on first use.</summary>
        internal string GetString(int id)
        {
            string? value = _stringCache[id];
            if (value is null)
            {
                Column offsets = _columns[(int)Section.StringOffsets];
                int start = Read(offsets, id);
                int end = Read(offsets, id + 1);
                value = end > start ? Encoding.UTF8.GetString(_strings + start, end - start) : string.Empty;
                _stringCache[id] = value;
            }

            return value;
        }

        /// <summary>The version with the given string id, parsed on first use.</summary>
        internal SpackVersion VersionOf(int id)
        {
            VersionValue?[] cache = _versionCache ?? Interlocked.CompareExchange(ref _versionCache, new VersionValue?[_stringCache.Length], null) ?? _versionCache!;
            VersionValue? value = cache[id];
            if (value is null)
            {
                string text = GetString(id);
                value = VersionValue.Parse(text, out _) ?? VersionValue.Opaque(text);
                cache[id] = value;
            }

            return SpackVersion.From(value);
        }

        /// <summary>The name at <paramref name="index"/> of a dimension (package, tag, stack, ...).</summary>
        internal string Name(Section dimension, int index) => GetString(Read(dimension, index));

        internal NameList Names(Section dimension) => new NameList(this, dimension, 0, SectionCount(dimension), -1);

        /// <summary>Index of <paramref name="name"/> in a sorted dimension, or -1.</summary>
        internal int IndexOfName(Section dimension, string? name)
        {
            if (name is null)
            {
                return -1;
            }

            int lo = 0;
            int hi = SectionCount(dimension) - 1;
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

        private static bool HasMagic(byte* tables)
        {
            for (int i = 0; i < 4; i++)
            {
                if (tables[i] != CatalogLayout.Magic[i])
                {
                    return false;
                }
            }

            return true;
        }

        private int ReadHeader(ref int position)
        {
            int value = 0;
            for (int d = CatalogLayout.HeaderDigits - 1; d >= 0; d--)
            {
                value = (value << CatalogLayout.DigitBits) | CatalogLayout.DecodeDigit(_tables[position + d]);
            }

            position += CatalogLayout.HeaderDigits;
            return value;
        }

        /// <summary>Where an array of the table blob is and how wide its integers are.</summary>
        internal readonly struct Column
        {
            public Column(int offset, int count, int width)
            {
                Offset = offset;
                Count = count;
                Width = width;
            }

            public int Offset { get; }

            public int Count { get; }

            public int Width { get; }
        }
    }
}
