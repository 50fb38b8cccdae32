using System;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>The layout of the hash table: hash length, empty slots, home slots and the keys that place hashes.</summary>
    internal static class CatalogLayout
    {
        /// <summary>Length of a Spack DAG hash.</summary>
        public const int HashLength = 32;

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
        [MethodImpl(Jit.Hot)]
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
    }
}
