using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    /// <summary>
    /// The combined hash index's collision path, with keys constructed to collide: a hash of a later catalog whose
    /// mix shares the fingerprint of a hash of the first catalog and sits in its probe run, and one that shares its
    /// home slot too. Every lookup must start at or before the first catalog that has the hash (the smallest matching
    /// part), and a key no catalog has and no entry matches must answer "none".
    /// </summary>
    public class CombinedHashIndexTests
    {
        private static readonly SpecCatalog[] Parts = InMemoryCatalog.PerTag(TestPaths.CorpusPages());

        public static TheoryData<string> Collisions => new TheoryData<string> { "next home slot", "same home slot" };

        [Theory]
        [MemberData(nameof(Collisions))]
        public void Every_lookup_starts_at_or_before_the_first_part_that_has_the_hash(string collision)
        {
            Assert.Equal(3, Parts.Length);
            string target = Parts[0].First().Hash;
            string late = Parts[2].Select(s => s.Hash).First(h => !Parts[0].Concat(Parts[1]).Any(s => s.Hash == h) && h[..8] != target[..8]);
            int bits = (int)Math.Log2(new CombinedHashIndex(Parts).Size);
            ulong collide = CombinedHashIndex.Mix(CombinedHashIndex.KeyOf(target)) + (collision == "next home slot" ? 1UL << (64 - bits) : 0);
            long lateKey = CombinedHashIndex.KeyOf(late);
            var index = new CombinedHashIndex(Parts, key => key == lateKey ? collide : CombinedHashIndex.Mix(key));

            int checkedHashes = 0;
            foreach (string hash in Parts.SelectMany(p => p.Select(s => s.Hash)).Distinct())
            {
                int first = Array.FindIndex(Parts, p => p.TryFindByHash(hash, out _));
                int start = index.FirstPart(hash);
                Assert.InRange(start, 0, first);
                Assert.Equal(first, Enumerable.Range(start, Parts.Length - start).First(p => Parts[p].TryFindByHash(hash, out _)));
                checkedHashes++;
            }

            Assert.True(checkedHashes > 300, checkedHashes + " hashes");
            Assert.Equal(0, index.FirstPart(target));
            Assert.InRange(index.FirstPart(late), 0, 2);
        }

        [Fact]
        public void A_key_no_part_has_and_no_entry_matches_answers_none()
        {
            var index = new CombinedHashIndex(Parts);
            string[] known = Parts.SelectMany(p => p.Select(s => s.Hash)).Distinct().ToArray();
            int misses = 0;
            foreach (string probe in new[] { "aaaaaaaa", "zzzzzzzz", "22222222", "77777777", "abcdefgh", "qwertyui" })
            {
                if (known.Any(h => h.StartsWith(probe, StringComparison.Ordinal)))
                {
                    continue;
                }

                string hash = probe + new string('a', 24);
                int start = index.FirstPart(hash);
                Assert.True(start == -1 || start >= 0, "a start");
                misses += start == -1 ? 1 : 0;
            }

            Assert.True(misses >= 4, misses + " misses answered none");
            Assert.Equal(-1, index.FirstPart("!!!!!!!!" + new string('a', 24)));
        }

        public static TheoryData<string> FullHashMixes => new TheoryData<string> { "one home and one check for all", "two homes", "the real mix" };

        /// <summary>
        /// The full-hash table of a combined catalog, with every hash sent to one home and one check (every lookup walks
        /// one long run and compares stored hashes), to two, and with the real mix: each hash is found in the first part
        /// that has it, at that part's first entry, and hashes no part has are not found.
        /// </summary>
        [Theory]
        [MemberData(nameof(FullHashMixes))]
        public void Full_hash_lookups_find_the_first_part_whatever_collides(string mix)
        {
            SpecCatalog combined = SpecCatalog.Combine(Parts[0], Parts[1], Parts[2], Parts[0]);
            combined = mix switch
            {
                "one home and one check for all" => combined.WithFullHashMix((_, _) => (0x1234_5678_9ABC_DEF0UL, 0x9ABC_DEF0u)),
                "two homes" => combined.WithFullHashMix((home, check) => ((home & 1) == 0 ? 0x1234_5678_9ABC_DEF0UL : 0x4321_8765_CBA9_0FEDUL, check)),
                _ => combined,
            };

            int checkedHashes = 0;
            foreach (string hash in Parts.SelectMany(p => p.Select(s => s.Hash)).Distinct())
            {
                int first = Array.FindIndex(Parts, p => p.TryFindByHash(hash, out _));
                Assert.True(combined.TryFindByHash(hash, out Spec found), hash);
                Assert.Same(Parts[first], found.Catalog);
                Assert.True(Parts[first].TryFindByHash(hash, out Spec expected));
                Assert.Equal(expected.Index, found.Index);
                checkedHashes++;
            }

            Assert.True(checkedHashes > 300, checkedHashes + " hashes");
            var random = new Random(7);
            for (int i = 0; i < 200; i++)
            {
                string miss = TestHashes.Random(random);
                Assert.False(combined.TryFindByHash(miss, out _), miss);
            }

            string near = Parts[1].First().Hash[..31] + (Parts[1].First().Hash[31] == 'a' ? "b" : "a");
            Assert.Equal(Parts.Any(p => p.TryFindByHash(near, out _)), combined.TryFindByHash(near, out _));
        }

        /// <summary>
        /// Past 256 parts the full-hash table cannot name a part in its byte: lookups ask the parts in turn, and a hash
        /// only the 257th part has is still found there.
        /// </summary>
        [Fact]
        public void Past_256_parts_a_full_hash_is_still_found_in_its_part()
        {
            SpecCatalog[] parts = Enumerable.Repeat(Parts[0], 256).Append(Parts[1]).ToArray();
            SpecCatalog combined = SpecCatalog.Combine(parts);
            string onlyLast = Parts[1].Select(s => s.Hash).First(h => !Parts[0].TryFindByHash(h, out _));

            Assert.True(combined.TryFindByHash(onlyLast, out Spec found));
            Assert.Same(Parts[1], found.Catalog);
            Assert.True(combined.TryFindByHash(Parts[0].First().Hash, out Spec first));
            Assert.Same(Parts[0], first.Catalog);
            Assert.False(combined.TryFindByHash("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", out _));
        }
    }
}
