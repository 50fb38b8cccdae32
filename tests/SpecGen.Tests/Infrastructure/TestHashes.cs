using System;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>Hashes of Spack's form (32 characters of its base32 alphabet) made up for tests: misses and constructed collisions.</summary>
    internal static class TestHashes
    {
        /// <summary>Spack's base32 alphabet (spack.util.crypto: lower case letters, then 2 to 7).</summary>
        public const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

        /// <summary><paramref name="length"/> characters drawn from <see cref="Alphabet"/>.</summary>
        public static string Random(Random random, int length = 32)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            return new string(chars);
        }
    }
}
