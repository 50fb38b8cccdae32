extern alias Generator;

using System.Collections.Generic;
using Generator::SpecGen.Generator.Model;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// The 64-bit keys the catalog's repeated-hash check enters in its set (a key seen twice sends the catalog to the
    /// exact check, so keys that collide too often would make every build pay for it, and a character the key skipped
    /// would make the fast path miss nothing but the speed). Each expectation follows from what a key is for.
    /// </summary>
    public class HashKeyTests
    {
        [Theory]
        [InlineData("m2kxvwq3qlqlbnywgcxwr4mvbrzp4hpu")] // a Spack hash: 32 characters, eight blocks of four
        [InlineData("ubuntu22.04-x86_64-v3")] // a tag-like text: five blocks and one character more
        [InlineData("abc")] // shorter than a block
        public void Changing_any_one_character_changes_the_key(string text)
        {
            ulong key = HashKey.Of(text);
            for (int i = 0; i < text.Length; i++)
            {
                char[] chars = text.ToCharArray();
                chars[i] = chars[i] == 'z' ? 'y' : 'z';
                Assert.NotEqual(key, HashKey.Of(new string(chars)));
            }

            Assert.NotEqual(key, HashKey.Of(text + "a"));
            Assert.NotEqual(key, HashKey.Of(text.Substring(1)));
        }

        [Fact]
        public void Equal_texts_have_equal_keys_and_distinct_hashes_keys_spread_over_the_top_bits()
        {
            Assert.Equal(HashKey.Of("zlib"), HashKey.Of(new string("zlib".ToCharArray())));

            // 4,096 hashes that differ only in their last characters (as counters would), homes taken from the top 12 bits
            // as a set of 8,192 entries takes them: with a good spread no home holds more than a handful.
            var homes = new Dictionary<ulong, int>();
            const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
            for (int n = 0; n < 4096; n++)
            {
                string hash = "m2kxvwq3qlqlbnywgcxwr4mvbrzp4" + Alphabet[n / 128 % 32] + Alphabet[n % 32] + Alphabet[n / 32 % 4];
                ulong home = HashKey.Mix(HashKey.Of(hash)) >> 51;
                homes[home] = homes.TryGetValue(home, out int count) ? count + 1 : 1;
            }

            Assert.True(homes.Count > 2500, homes.Count + " homes of 4,096 hashes");
            Assert.All(homes.Values, count => Assert.True(count <= 8, count + " hashes share one home"));
        }

        [Fact]
        public void A_key_is_never_zero_the_sets_empty_entry()
        {
            Assert.NotEqual(0UL, HashKey.Mix(0));
            Assert.NotEqual(0UL, HashKey.Of(string.Empty));
        }
    }
}
