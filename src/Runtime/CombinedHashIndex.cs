using System;
using System.Runtime.CompilerServices;

namespace SpecGen
{
    /// <summary>
    /// For a combined catalog: the first part that may hold a hash with a given 8-character start. A lookup of a hash
    /// no part has ends here, usually after one probe; one that some part has starts at that part (or an earlier one).
    /// Each entry is one <see cref="uint"/>: a 24-bit fingerprint of the 8-character key and the part's number, so the
    /// whole index of ten one-snapshot catalogs fits in about a megabyte. Fingerprints may collide: a lookup takes the
    /// smallest part among the matching entries of its probe run, which is never after the true first part, and it
    /// answers "none" only when no entry matches, which never happens for a key that was added. Built once, on first use.
    /// </summary>
    internal sealed class CombinedHashIndex
    {
        /// <summary>Characters of a hash the index keys on (5 bits each: 40 bits).</summary>
        public const int KeyLength = 8;

        /// <summary>Parts past this number are stored as it (a lookup then starts there, which is still before the part).</summary>
        private const int MaxStoredPart = 255;

        private readonly uint[] _entries;
        private readonly int _mask;
        private readonly int _shift;

        private readonly Func<long, ulong>? _mix;

        public CombinedHashIndex(SpecCatalog[] parts)
            : this(parts, null)
        {
        }

        /// <summary>With <paramref name="mix"/> in place of the multiplicative mix (tests construct colliding keys with it).</summary>
        internal CombinedHashIndex(SpecCatalog[] parts, Func<long, ulong>? mix)
        {
            _mix = mix;
            // Sized by the parts' slots (their hashes at a load of about 0.6), so the index stays under half full.
            long slots = 0;
            foreach (SpecCatalog part in parts)
            {
                slots += part.HashSlotCount;
            }

            int bits = 4;
            while ((1L << bits) < slots * 3 / 2 && bits < 30)
            {
                bits++;
            }

            _entries = new uint[1 << bits];
            _mask = (1 << bits) - 1;
            _shift = 64 - bits;
            for (int p = 0; p < parts.Length; p++)
            {
                for (int slot = 0; slot < parts[p].HashSlotCount; slot++)
                {
                    long key = parts[p].SlotKey(slot);
                    if (key >= 0)
                    {
                        Add(key, Math.Min(p, MaxStoredPart));
                    }
                }
            }
        }

        /// <summary>Rank of a hash character in Spack's base-32 alphabet (a-z, 2-7), or -1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Rank(char c)
        {
            if (c >= 'a' && c <= 'z')
            {
                return c - 'a';
            }

            return c >= '2' && c <= '7' ? c - '2' + 26 : -1;
        }

        /// <summary>A part at or before the first part with a hash that starts like <paramref name="hash"/> (at least <see cref="KeyLength"/> characters), or -1 when no part has one.</summary>
        public int FirstPart(ReadOnlySpan<char> hash)
        {
            long key = 0;
            for (int i = 0; i < KeyLength; i++)
            {
                int rank = Rank(hash[i]);
                if (rank < 0)
                {
                    return -1;
                }

                key = (key << 5) | (long)rank;
            }

            ulong mixed = _mix is null ? Mix(key) : _mix(key);
            uint fingerprint = Fingerprint(mixed);
            int first = int.MaxValue;
            for (int at = (int)(mixed >> _shift); ; at = (at + 1) & _mask)
            {
                uint stored = _entries[at];
                if (stored == 0)
                {
                    return first == int.MaxValue ? -1 : first;
                }

                if ((stored & ~0xFFu) == fingerprint)
                {
                    first = Math.Min(first, (int)(stored & 0xFF));
                }
            }
        }

        private void Add(long key, int part)
        {
            ulong mixed = _mix is null ? Mix(key) : _mix(key);
            uint entry = Fingerprint(mixed) | (uint)part;
            for (int at = (int)(mixed >> _shift); ; at = (at + 1) & _mask)
            {
                uint stored = _entries[at];
                if (stored == 0)
                {
                    _entries[at] = entry;
                    return;
                }

                if ((stored & ~0xFFu) == (entry & ~0xFFu) && (stored & 0xFF) <= (uint)part)
                {
                    // The same fingerprint from an earlier (or the same) part is already here: this one adds nothing.
                    return;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static ulong Mix(long key) => unchecked((ulong)key * 0x9E3779B97F4A7C15UL);

        /// <summary>The key of a hash's first <see cref="KeyLength"/> characters (all base-32).</summary>
        internal static long KeyOf(ReadOnlySpan<char> hash)
        {
            long key = 0;
            for (int i = 0; i < KeyLength; i++)
            {
                key = (key << 5) | (long)Rank(hash[i]);
            }

            return key;
        }

        /// <summary>The number of entries (a power of two).</summary>
        internal int Size => _entries.Length;

        /// <summary>24 bits of the mixed key below the ones that pick the home slot (for tables up to 2^16 entries; larger ones share some bits), never 0, shifted past the part's byte.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Fingerprint(ulong mixed)
        {
            uint fingerprint = (uint)(mixed >> 24) & 0xFFFFFFu;
            return (fingerprint == 0 ? 1u : fingerprint) << 8;
        }
    }
}
