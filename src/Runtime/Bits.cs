namespace SpecGen
{
    /// <summary>Bit helpers that netstandard2.0 lacks.</summary>
    internal static class Bits
    {
#if NET8_0_OR_GREATER
        public static int TrailingZeroCount(ulong value) => System.Numerics.BitOperations.TrailingZeroCount(value);

        public static int PopCount(ulong value) => System.Numerics.BitOperations.PopCount(value);
#else
        private const ulong DeBruijnMultiplier = 0x022FDD63CC95386DUL;
        private static readonly byte[] DeBruijn = BuildDeBruijn();

        public static int TrailingZeroCount(ulong value)
        {
            if (value == 0)
            {
                return 64;
            }

            return DeBruijn[((value & (ulong)-(long)value) * DeBruijnMultiplier) >> 58];
        }

        private static byte[] BuildDeBruijn()
        {
            var table = new byte[64];
            for (int i = 0; i < 64; i++)
            {
                table[((1UL << i) * DeBruijnMultiplier) >> 58] = (byte)i;
            }

            return table;
        }

        public static int PopCount(ulong value)
        {
            value -= (value >> 1) & 0x5555555555555555UL;
            value = (value & 0x3333333333333333UL) + ((value >> 2) & 0x3333333333333333UL);
            value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0FUL;
            return (int)((value * 0x0101010101010101UL) >> 56);
        }
#endif
    }
}
