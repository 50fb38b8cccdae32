using System;
using System.Runtime.CompilerServices;

namespace SpecGen
{
    /// <summary>
    /// For a combined catalog: the first part holding a hash with a given 8-character start. A lookup of a hash no
    /// part has ends here after one probe; one that some part has starts at that part. Built once, on first use.
    /// </summary>
    internal sealed class CombinedHashIndex
    {
        /// <summary>Characters of a hash the index keys on (5 bits each: 40 bits).</summary>
        public const int KeyLength = 8;

        private readonly long[] _keys;
        private readonly int[] _parts;
        private readonly int _mask;

        public CombinedHashIndex(SpecCatalog[] parts)
        {
            long slots = 0;
            foreach (SpecCatalog part in parts)
            {
                slots += part.HashSlotCount;
            }

            int capacity = 16;
            while (capacity < slots * 2 && capacity < (1 << 30))
            {
                capacity <<= 1;
            }

            _keys = new long[capacity];
            _parts = new int[capacity];
            _mask = capacity - 1;
            for (int p = 0; p < parts.Length; p++)
            {
                for (int slot = 0; slot < parts[p].HashSlotCount; slot++)
                {
                    long key = parts[p].SlotKey(slot);
                    if (key >= 0)
                    {
                        Add(key, p);
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

        /// <summary>The first part with a hash that starts like <paramref name="hash"/> (at least <see cref="KeyLength"/> characters), or -1.</summary>
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

            for (int at = Home(key); ; at = (at + 1) & _mask)
            {
                long stored = _keys[at];
                if (stored == 0)
                {
                    return -1;
                }

                if (stored == key + 1)
                {
                    return _parts[at];
                }
            }
        }

        private void Add(long key, int part)
        {
            for (int at = Home(key); ; at = (at + 1) & _mask)
            {
                long stored = _keys[at];
                if (stored == 0)
                {
                    _keys[at] = key + 1;
                    _parts[at] = part;
                    return;
                }

                if (stored == key + 1)
                {
                    return;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Home(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15UL)) >> 34) & _mask;
    }
}
