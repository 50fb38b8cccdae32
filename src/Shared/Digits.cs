using System;

namespace SpecGen.Format
{
    /// <summary>
    /// The integer codec of the table blob: an integer is a fixed number of base-64 digits, least significant
    /// first, each digit one printable ASCII character from '#' to 'c' without '\' (so no digit is '"' or '\').
    /// </summary>
    internal static class Digits
    {
        /// <summary>Bits of one digit.</summary>
        public const int Bits = 6;

        /// <summary>Most digits an integer of the tables takes (30 bits).</summary>
        public const int Max = 5;

        /// <summary>The character of each digit value: '#'..'[' then ']'..'c' (no '"', no '\').</summary>
        public static byte Encode(int digit) => (byte)(digit < 57 ? digit + 0x23 : digit + 0x24);

        /// <summary>The value of a digit character (the inverse of <see cref="Encode"/>), without a table or a branch.</summary>
        public static int Decode(int c) => c - 0x23 - (((0x5C - c) >> 31) & 1);

        /// <summary>Digits needed to store values up to <paramref name="max"/>.</summary>
        public static int WidthFor(long max)
        {
            int digits = 1;
            while (digits < Max && max >= 1L << (Bits * digits))
            {
                digits++;
            }

            return digits;
        }

        /// <summary>The integer of <paramref name="width"/> digits at <paramref name="offset"/>.</summary>
        public static int Read(ReadOnlySpan<byte> data, int offset, int width)
        {
            int value = 0;
            for (int d = width - 1; d >= 0; d--)
            {
                value = (value << Bits) | Decode(data[offset + d]);
            }

            return value;
        }

        /// <summary>Writes <paramref name="value"/> as <paramref name="width"/> digits at <paramref name="offset"/>.</summary>
        public static void Write(Span<byte> data, int offset, int width, int value)
        {
            for (int d = 0; d < width; d++)
            {
                data[offset + d] = Encode(value & 63);
                value >>= Bits;
            }
        }
    }
}
