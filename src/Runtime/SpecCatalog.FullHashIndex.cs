using System;
using System.Runtime.CompilerServices;
using System.Threading;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// For a combined catalog (catalog libraries combined, or a generated catalog written in chunks): one open-addressing
    /// table over every part's distinct hashes, each entry a 16-bit check and the part and slot that hold the hash, so a
    /// full-hash lookup reads one check (a miss usually no more) and compares one stored hash, as a lookup on one catalog does, instead of asking
    /// each part. A hash several parts hold is entered once, for the first of them. Built on the first full-hash lookup.
    /// </summary>
    public sealed unsafe partial class SpecCatalog
    {
        private FullHashTable? _fullHashTable;

        /// <summary>In place of <see cref="MixFullHash"/> (tests construct colliding hashes with it); null in every catalog a user makes.</summary>
        private Func<int, ushort, ulong>? _fullHashMix;

        /// <summary>A combined catalog of the same parts whose full-hash table uses <paramref name="mix"/> (for tests of colliding entries).</summary>
        internal SpecCatalog WithFullHashMix(Func<int, ushort, ulong> mix)
        {
            SpecCatalog copy = Combine(Parts);
            copy._fullHashMix = mix;
            return copy;
        }

        /// <summary>A full 32-character hash in a combined catalog: the first entry, in part order, of that hash.</summary>
        private bool TryFindFullHashCombined(ReadOnlySpan<char> hash, out Spec spec)
        {
            FullHashTable table = _fullHashTable ?? BuildFullHashTable();
            ulong mixed = _fullHashMix is null ? MixFullHash(FullHashKey(hash), QueryFingerprint(hash)) : _fullHashMix(FullHashKey(hash), QueryFingerprint(hash));
            ushort check = CheckOf(mixed);
            ushort[] checks = table.Checks;
            int mask = checks.Length - 1;
            for (int at = HomeOf(mixed, mask); ; at = (at + 1) & mask)
            {
                ushort stored = checks[at];
                if (stored == 0)
                {
                    spec = default;
                    return false;
                }

                if (stored == check)
                {
                    uint location = table.Locations[at];
                    SpecCatalog part = _parts![(int)(location >> 24)];
                    int slot = (int)(location & 0xFFFFFF);
                    if (Compare(part.Slot(slot), hash) == 0)
                    {
                        spec = new Spec(part, part.FirstSpecOf(slot));
                        return true;
                    }
                }
            }
        }

        /// <summary>
        /// Two arrays of one size: a 16-bit check per entry (0 for an empty one), dense, so a miss usually reads only
        /// these; and where the hash is (part in the top byte, slot below), read when the check matches.
        /// </summary>
        private sealed class FullHashTable
        {
            public FullHashTable(int size)
            {
                Checks = new ushort[size];
                Locations = new uint[size];
            }

            public ushort[] Checks { get; }

            public uint[] Locations { get; }
        }

        /// <summary>True when the table can name every part and slot (at most 256 parts, slots below 2^24).</summary>
        private bool FullHashTableFits()
        {
            if (_parts!.Length > 256)
            {
                return false;
            }

            foreach (SpecCatalog part in _parts)
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
            SpecCatalog[] parts = _parts!;
            long hashes = 0;
            foreach (SpecCatalog part in parts)
            {
                hashes += part.HashCount;
            }

            int size = 16;
            while (size < hashes * 2 && size < (1 << 29))
            {
                size <<= 1;
            }

            var table = new FullHashTable(size);
            int mask = size - 1;
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

                    ulong mixed = _fullHashMix is null ? MixFullHash(FullHashKey(text), QueryFingerprint(text)) : _fullHashMix(FullHashKey(text), QueryFingerprint(text));
                    ushort check = CheckOf(mixed);
                    for (int at = HomeOf(mixed, mask); ; at = (at + 1) & mask)
                    {
                        if (table.Checks[at] == 0)
                        {
                            table.Checks[at] = check;
                            table.Locations[at] = ((uint)p << 24) | (uint)slot;
                            break;
                        }

                        // The same hash from an earlier part is already here: the first part answers.
                        uint location = table.Locations[at];
                        if (table.Checks[at] == check && Compare(parts[(int)(location >> 24)].Slot((int)(location & 0xFFFFFF)), text) == 0)
                        {
                            break;
                        }
                    }
                }
            }

            return Interlocked.CompareExchange(ref _fullHashTable, table, null) ?? table;
        }

        /// <summary>The home slot's key (first characters) and the fingerprint of characters 8 to 15, mixed: 46 bits of the hash.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong MixFullHash(int key, ushort fingerprint) => unchecked((((ulong)(uint)key << 16) | fingerprint) * 0x9E3779B97F4A7C15UL);

        /// <summary>16 bits of the mixed value below the ones that pick the home entry, never 0 (an empty entry is 0).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ushort CheckOf(ulong mixed)
        {
            ushort check = (ushort)(mixed >> 16);
            return check == 0 ? (ushort)1 : check;
        }

        /// <summary>The home entry: bits 34 and up of the mixed value (above the check's), as many as the table needs.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int HomeOf(ulong mixed, int mask) => (int)(mixed >> 34) & mask;
    }
}
