using System.Runtime.CompilerServices;
using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// 64-bit keys of strings for the catalog's repeated-hash check: equal strings have equal keys; unequal ones rarely
    /// do, and when they do the exact check, which compares the strings, decides. Never 0 (an empty set entry).
    /// </summary>
    internal static class HashKey
    {
        private const ulong Multiplier = 0x9E3779B97F4A7C15;

        /// <summary>The key of <paramref name="text"/>, from its length and its characters four at a time.</summary>
        [MethodImpl(Jit.Hot)]
        public static ulong Of(string text)
        {
            ulong key = Mix((ulong)text.Length);
            int i = 0;
            for (; i + 4 <= text.Length; i += 4)
            {
                ulong block = text[i] | ((ulong)text[i + 1] << 16) | ((ulong)text[i + 2] << 32) | ((ulong)text[i + 3] << 48);
                key = Mix(key ^ block);
            }

            for (; i < text.Length; i++)
            {
                key = Mix(key ^ text[i]);
            }

            return key;
        }

        /// <summary>A multiply and a fold, so every bit reaches the top ones a set's home is taken from; never 0.</summary>
        [MethodImpl(Jit.Hot)]
        public static ulong Mix(ulong value)
        {
            ulong key = unchecked(value * Multiplier);
            key ^= key >> 32;
            return key == 0 ? 1 : key;
        }
    }
}
