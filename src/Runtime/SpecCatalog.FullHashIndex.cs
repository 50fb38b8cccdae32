using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using SpecGen.Format;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace SpecGen
{
    /// <summary>
    /// The full-hash table: for any catalog (one catalog, catalog libraries combined, or a generated catalog written in
    /// chunks), one open-addressing table over every part's distinct hashes, made on the first full-hash lookup. An
    /// entry is one 64-bit word: a 32-bit check of the hash and where the hash is (its slot's byte offset, and in a combined catalog its part), so
    /// a lookup reads one word (a miss usually no more) and compares one stored hash, whichever part holds it. A hash
    /// several parts hold is entered once, for the first of them.
    /// </summary>
    public sealed unsafe partial class SpecCatalog
    {
        private FullHashTable? _fullHashTable;

        /// <summary>In place of a hash's home bits and check (tests construct colliding hashes with it); null in every catalog a user makes.</summary>
        private Func<ulong, uint, (ulong Home, uint Check)>? _fullHashMix;

        /// <summary>A catalog of the same parts (or the same one catalog) whose full-hash table uses <paramref name="mix"/> (for tests of colliding entries).</summary>
        internal SpecCatalog WithFullHashMix(Func<ulong, uint, (ulong Home, uint Check)> mix)
        {
            SpecCatalog copy = Combine(PartsOrSelf);
            copy._fullHashMix = mix;
            return copy;
        }

        /// <summary>
        /// A full 32-character hash through the full-hash table: the first entry, in part order, of that hash. False
        /// with <paramref name="answered"/> false when the catalog has no table (a part past the 256th, or a part whose
        /// slots' byte offsets do not fit beside its number), where the caller asks the parts.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool TryFindInFullHashTable(ReadOnlySpan<char> hash, out Spec spec, out bool answered)
        {
            FullHashTable table = _fullHashTable ?? BuildFullHashTable();
            if (table.Entries is null)
            {
                spec = default;
                answered = false;
                return false;
            }

            answered = true;
            (ulong home, uint check) = HomeAndCheck(hash);
            if (_fullHashMix is not null)
            {
                (home, check) = _fullHashMix(home, check);
            }

            spec = Probe(table, home, check, hash);
            return spec.IsFromCatalog;
        }

        /// <summary>Walks the table from the hash's home: the spec of the first entry whose check and stored hash match, or default at the empty entry that ends the run.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Spec Probe(FullHashTable table, ulong home, uint check, ReadOnlySpan<char> hash)
        {
            ulong[] entries = table.Entries!;
            var query = new FullHashQuery(hash);
            int offsetBits = table.OffsetBits;
            for (int at = (int)(home >> table.Shift); ; at++)
            {
                ulong entry = entries[at];
                if (entry == 0)
                {
                    return default;
                }

                if ((uint)(entry >> 32) == check)
                {
                    byte* stored = StoredAt(entry, offsetBits, out SpecCatalog part);
                    if (query.Matches(stored))
                    {
                        return new Spec(part, part.FirstSpecAt(stored));
                    }
                }
            }
        }

        /// <summary>
        /// A full 32-character query as a probe compares it with stored hashes. With AVX2 the query is narrowed to bytes
        /// once, before the probe (while its first entry loads, off a hit's critical path), so a stored hash is compared
        /// with one load and one compare instead of being widened first. Saturation maps every character past 0x7F to 0
        /// or to a byte past 0x7F, which no stored hash holds, so the bytes are equal exactly when the characters are
        /// (cutting a character to its low byte would make 'š', U+0161, equal 'a').
        /// </summary>
        private readonly ref struct FullHashQuery
        {
            private readonly ReadOnlySpan<char> _text;
#if NET8_0_OR_GREATER
            private readonly Vector256<byte> _bytes;
#endif

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public FullHashQuery(ReadOnlySpan<char> text)
            {
                _text = text;
#if NET8_0_OR_GREATER
                if (Avx2.IsSupported)
                {
                    ref short chars = ref Unsafe.As<char, short>(ref MemoryMarshal.GetReference(text));
                    Vector256<byte> packed = Avx2.PackUnsignedSaturate(Vector256.LoadUnsafe(ref chars), Vector256.LoadUnsafe(ref chars, 16));
                    _bytes = Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00).AsByte();
                }
                else
                {
                    _bytes = default;
                }
#endif
            }

            /// <summary>True when the 32 bytes at <paramref name="stored"/> are this query's hash.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public bool Matches(byte* stored)
            {
#if NET8_0_OR_GREATER
                if (Avx2.IsSupported)
                {
                    return Vector256.Load(stored) == _bytes;
                }
#endif
                return Compare(stored, _text) == 0;
            }
        }

        /// <summary>
        /// The stored hash an entry names, and the part that holds it. An entry names a slot by its byte offset, not its
        /// number (no multiply by the slot size on a hit's path): the low 32 bits in one catalog; in a combined catalog the
        /// part in the top bits of those 32 (as few as the parts need: 4 for ten parts, 8 for 256) and the offset in the
        /// <paramref name="offsetBits"/> below.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private byte* StoredAt(ulong entry, int offsetBits, out SpecCatalog part)
        {
            if (_parts is null)
            {
                part = this;
                return _slots + (uint)entry;
            }

            // A 64-bit shift, so one part (32 offset bits) names part 0 (a 32-bit shift by 32 would shift by 0).
            ulong low = (uint)entry;
            part = _parts[(int)(low >> offsetBits)];
            return part._slots + (low & ((1UL << offsetBits) - 1));
        }

        /// <summary>
        /// The 64 bits a hash's home entry is taken from (its top bits) and its 32-bit check (never 0), from its first
        /// eight characters read as they are (no decoding: Spack's hashes are random base32, and a query of other
        /// characters only lands somewhere and fails the compare). Each half is multiplied on its own and the two added, so
        /// the two multiplies run side by side. The check is bits 16-47 of the sum (together they depend on six of the
        /// eight characters): entries of one run share the top bits, so the check tells them apart by the bits below the
        /// home's (in a table of more than 2^17 homes its top bits are the home's lowest, and the rest still differ).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (ulong Home, uint Check) HomeAndCheck(ReadOnlySpan<char> hash)
        {
            ref byte chars = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(hash));
            ulong first = Unsafe.ReadUnaligned<ulong>(ref chars);
            ulong second = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref chars, 8));
            ulong home = unchecked((first * 0x9E3779B97F4A7C15UL) + (second * 0xC2B2AE3D27D4EB4FUL));
            uint check = (uint)(home >> 16);
            return (home, check == 0 ? 1u : check);
        }

        /// <summary>
        /// One array of 64-bit entries (0 for an empty one), probed upwards from a home without wrapping round: a spill
        /// of entries after the homes takes the runs that go past the last home, and one empty entry after those ends
        /// every probe. Entries is null for a catalog the table cannot name (a part past the 256th, or a part whose slots' byte
        /// offsets do not fit beside its number).
        /// </summary>
        private sealed class FullHashTable
        {
            /// <summary>The spill a table is first made with.</summary>
            public const int MinimumSpill = 64;

            /// <summary>The table of a catalog that has none.</summary>
            public static readonly FullHashTable None = new FullHashTable();

            public FullHashTable(int homeBits, int spill, int offsetBits)
            {
                Shift = 64 - homeBits;
                OffsetBits = offsetBits;
                Usable = (1 << homeBits) + spill;
                Entries = new ulong[Usable + 1];
            }

            private FullHashTable()
            {
            }

            /// <summary>64 minus the bits of a home (their count is a power of two).</summary>
            public int Shift { get; }

            /// <summary>The bits of an entry's slot offset (32 in one catalog or one part; fewer beside the part's number in a combined catalog).</summary>
            public int OffsetBits { get; }

            /// <summary>Entries that may hold a hash: the homes and the spill after them.</summary>
            public int Usable { get; }

            public ulong[]? Entries { get; }
        }

        /// <summary>
        /// The bits of an entry's slot offset, or -1 when the table cannot name every part and slot: 32 in one catalog;
        /// in a combined one, the 32 less the bits of the part's number (at most 256 parts, so at least 24 bits: 16 MB of
        /// slots in a part; 28 bits, 256 MB, for ten parts).
        /// </summary>
        private int FullHashOffsetBits()
        {
            SpecCatalog[] parts = PartsOrSelf;
            if (parts.Length > 256)
            {
                return -1;
            }

            int partBits = 0;
            while (_parts is not null && (1 << partBits) < parts.Length)
            {
                partBits++;
            }

            int offsetBits = 32 - partBits;
            foreach (SpecCatalog part in parts)
            {
                if ((long)part._slotCount * part._slotSize > 1L << offsetBits)
                {
                    return -1;
                }
            }

            return offsetBits;
        }

        private FullHashTable BuildFullHashTable()
        {
            FullHashTable? table = FullHashTable.None;
            int offsetBits = FullHashOffsetBits();
            if (offsetBits > 0)
            {
                // Homes at least twice the hashes (every part's, counted once per part): a miss reads 1.5 entries on average.
                long hashes = HashCount;
                int homeBits = 4;
                while ((1L << homeBits) < hashes * 2 && homeBits < 29)
                {
                    homeBits++;
                }

                // A run past the spill is rare at this load; where one happens the spill grows, and a spill as large
                // as the number of hashes always holds every run.
                for (int spill = FullHashTable.MinimumSpill; (table = TryBuildFullHashTable(homeBits, spill, offsetBits)) is null; spill *= 2)
                {
                }
            }

            return Interlocked.CompareExchange(ref _fullHashTable, table, null) ?? table;
        }

        /// <summary>The table with these homes and this many entries after them, or null when a run would go past those.</summary>
        private FullHashTable? TryBuildFullHashTable(int homeBits, int spill, int offsetBits)
        {
            SpecCatalog[] parts = PartsOrSelf;
            var table = new FullHashTable(homeBits, spill, offsetBits);
            ulong[] entries = table.Entries!;
            char* chars = stackalloc char[CatalogLayout.HashLength];
            var text = new Span<char>(chars, CatalogLayout.HashLength);
            for (int p = 0; p < parts.Length; p++)
            {
                SpecCatalog part = parts[p];
                for (int slot = 0; slot < part._slotCount; slot++)
                {
                    byte* stored = part.Slot(slot);
                    if (*stored == CatalogLayout.EmptySlot)
                    {
                        continue;
                    }

                    for (int i = 0; i < CatalogLayout.HashLength; i++)
                    {
                        text[i] = (char)stored[i];
                    }

                    (ulong home, uint check) = HomeAndCheck(text);
                    if (_fullHashMix is not null)
                    {
                        (home, check) = _fullHashMix(home, check);
                    }

                    for (int at = (int)(home >> table.Shift); ; at++)
                    {
                        if (at == table.Usable)
                        {
                            return null;
                        }

                        ulong entry = entries[at];
                        if (entry == 0)
                        {
                            ulong offset = (ulong)(stored - part._slots);
                            entries[at] = ((ulong)check << 32) | (_parts is null ? offset : ((ulong)p << offsetBits) | offset);
                            break;
                        }

                        // The same hash from an earlier part is already here: the first part answers.
                        if ((uint)(entry >> 32) == check && Compare(StoredAt(entry, offsetBits, out _), text) == 0)
                        {
                            break;
                        }
                    }
                }
            }

            return table;
        }
    }
}
