using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// The full-hash table: for any catalog (one catalog, catalog libraries combined, or a generated catalog written in
    /// chunks), one open-addressing table over every part's distinct hashes, made on the first full-hash lookup. An
    /// entry is one 64-bit word: a 32-bit check of the hash and where the hash is (part in the top byte, slot below), so
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
        /// with <paramref name="answered"/> false when the catalog has no table (a part past the 256th, or slots past
        /// 2^24), where the caller asks the parts.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool TryFindInFullHashTable(ReadOnlySpan<char> hash, out Spec spec, out bool answered)
        {
            FullHashTable table = _fullHashTable ?? BuildFullHashTable();
            ulong[]? entries = table.Entries;
            if (entries is null)
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

            spec = Probe(entries, table.Shift, home, check, hash);
            return spec.IsFromCatalog;
        }

        /// <summary>Walks the table from the hash's home: the spec of the first entry whose check and stored hash match, or default at the empty entry that ends the run.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Spec Probe(ulong[] entries, int shift, ulong home, uint check, ReadOnlySpan<char> hash)
        {
            for (int at = (int)(home >> shift); ; at++)
            {
                ulong entry = entries[at];
                if (entry == 0)
                {
                    return default;
                }

                if ((uint)(entry >> 32) == check)
                {
                    SpecCatalog part = _parts is null ? this : _parts[(int)((uint)entry >> 24)];
                    int slot = (int)(entry & 0xFFFFFF);
                    if (Compare(part.Slot(slot), hash) == 0)
                    {
                        return new Spec(part, part.FirstSpecOf(slot));
                    }
                }
            }
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
        /// every probe. Entries is null for a catalog the table cannot name (a part past the 256th, slots past 2^24).
        /// </summary>
        private sealed class FullHashTable
        {
            /// <summary>The spill a table is first made with.</summary>
            public const int MinimumSpill = 64;

            /// <summary>The table of a catalog that has none.</summary>
            public static readonly FullHashTable None = new FullHashTable();

            public FullHashTable(int homeBits, int spill)
            {
                Shift = 64 - homeBits;
                Usable = (1 << homeBits) + spill;
                Entries = new ulong[Usable + 1];
            }

            private FullHashTable()
            {
            }

            /// <summary>64 minus the bits of a home (their count is a power of two).</summary>
            public int Shift { get; }

            /// <summary>Entries that may hold a hash: the homes and the spill after them.</summary>
            public int Usable { get; }

            public ulong[]? Entries { get; }
        }

        /// <summary>True when the table can name every part and slot (at most 256 parts, slots below 2^24).</summary>
        private bool FullHashTableFits()
        {
            SpecCatalog[] parts = PartsOrSelf;
            if (parts.Length > 256)
            {
                return false;
            }

            foreach (SpecCatalog part in parts)
            {
                if (part._slotCount > 0xFFFFFF)
                {
                    return false;
                }
            }

            return true;
        }

        private FullHashTable BuildFullHashTable()
        {
            FullHashTable? table = FullHashTable.None;
            if (FullHashTableFits())
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
                for (int spill = FullHashTable.MinimumSpill; (table = TryBuildFullHashTable(homeBits, spill)) is null; spill *= 2)
                {
                }
            }

            return Interlocked.CompareExchange(ref _fullHashTable, table, null) ?? table;
        }

        /// <summary>The table with these homes and this many entries after them, or null when a run would go past those.</summary>
        private FullHashTable? TryBuildFullHashTable(int homeBits, int spill)
        {
            SpecCatalog[] parts = PartsOrSelf;
            var table = new FullHashTable(homeBits, spill);
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
                            entries[at] = ((ulong)check << 32) | ((uint)p << 24) | (uint)slot;
                            break;
                        }

                        // The same hash from an earlier part is already here: the first part answers.
                        if ((uint)(entry >> 32) == check && Compare(parts[(int)((uint)entry >> 24)].Slot((int)(entry & 0xFFFFFF)), text) == 0)
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
