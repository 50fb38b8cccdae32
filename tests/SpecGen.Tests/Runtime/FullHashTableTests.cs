using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    /// <summary>
    /// The full-hash table that full-hash lookups go through, on one catalog and on combined ones, with its real
    /// home-and-check and with constructed ones where every hash collides: every answer is the one the sorted walk
    /// (one catalog) or asking the parts in order (combined) gives, without the table.
    /// </summary>
    public class FullHashTableTests
    {
        private static readonly IReadOnlyList<TestPage> Pages = TestPaths.CorpusPages();

        public static TheoryData<string, string> Forms => new TheoryData<string, string>
        {
            { "one catalog", "real" },
            { "one catalog", "one home and one check for all" },
            { "one catalog", "the last home for all, two checks" },
            { "combined", "real" },
            { "combined", "one home and one check for all" },
            { "combined", "the last home for all, two checks" },
        };

        /// <summary>
        /// Every hash of the corpus, 2,000 random misses and a near miss of each hash (its last character changed) give
        /// the same answer through the table as without it: found or not, the same part and the same spec. The
        /// constructed mixes put every hash in one run, which also runs past the first spill of 64 entries after the
        /// last home (the table grows its spill). A constructed mix needs a catalog of its own, so "one catalog" with one
        /// is that catalog combined alone; with the real mix it is the catalog itself (the table's one-part path).
        /// </summary>
        [Theory]
        [MemberData(nameof(Forms))]
        public void The_table_answers_as_the_lookup_without_it_does(string form, string mix)
        {
            SpecCatalog one = InMemoryCatalog.From(Pages);
            SpecCatalog catalog = form == "one catalog" ? one : SpecCatalog.Combine(InMemoryCatalog.PerTag(Pages));
            catalog = mix switch
            {
                "one home and one check for all" => catalog.WithFullHashMix((_, _) => (0x1234_5678_9ABC_DEF0UL, 0x9ABC_DEF0u)),
                "the last home for all, two checks" => catalog.WithFullHashMix((_, check) => (ulong.MaxValue, (check & 1) + 1)),
                _ => catalog,
            };
            string[] hashes = one.Select(s => s.Hash).Distinct().ToArray();
            Assert.True(hashes.Length > 300, hashes.Length + " hashes");
            var random = new Random(11);
            IEnumerable<string> misses = Enumerable.Range(0, 2000).Select(_ => TestHashes.Random(random));
            IEnumerable<string> near = hashes.Select(h => h[..31] + (h[31] == 'a' ? 'b' : 'a'));

            int found = 0;
            foreach (string hash in hashes.Concat(misses).Concat(near))
            {
                bool byTable = catalog.TryFindByHash(hash, out Spec inTable);
                bool without = catalog.TryFindFullHashWithoutTable(hash, out Spec expected);
                Assert.Equal(without, byTable);
                if (byTable)
                {
                    Assert.Same(expected.Catalog, inTable.Catalog);
                    Assert.Equal(expected.Index, inTable.Index);
                    Assert.Equal(hash, inTable.Hash);
                    found++;
                }
            }

            Assert.Equal(hashes.Length, found);
        }

        /// <summary>
        /// A query that differs from a stored hash only in the high byte of one character finds nothing: the lookup
        /// compares bytes, so a character is narrowed with saturation (past 0x7F it becomes a byte no hash holds), never
        /// cut to its low byte, which would make 'š' (U+0161) equal 'a' (0x61). At characters 8 to 31, in both
        /// 16-character halves the lookup loads (the first eight choose the home and the check, so a change there ends
        /// the probe before any compare).
        /// </summary>
        [Theory]
        [InlineData("one catalog")]
        [InlineData("combined")]
        public void A_character_past_ascii_whose_low_byte_matches_finds_nothing(string form)
        {
            SpecCatalog one = InMemoryCatalog.From(Pages);
            SpecCatalog catalog = form == "one catalog" ? one : SpecCatalog.Combine(InMemoryCatalog.PerTag(Pages));
            string[] hashes = one.Select(s => s.Hash).Distinct().Take(40).ToArray();
            foreach (string hash in hashes)
            {
                Assert.True(catalog.TryFindByHash(hash, out _), hash);
                foreach (int at in new[] { 8, 15, 16, 24, 31 })
                {
                    foreach (int high in new[] { 0x100, 0x2000, 0x8000, 0xFF00 })
                    {
                        char[] chars = hash.ToCharArray();
                        chars[at] = (char)(chars[at] + high);
                        string query = new string(chars);
                        Assert.False(catalog.TryFindByHash(query, out Spec wrong), query + " found " + (wrong.Equals(default(Spec)) ? "?" : wrong.Hash));
                    }
                }
            }
        }

        /// <summary>
        /// 200 one-page catalogs combined: an entry holds its part's number in the top 8 of its low 32 bits (parts 128 to
        /// 199 set the highest) and the slot's byte offset in the 24 below; every hash is found in its own part, at its
        /// own spec.
        /// </summary>
        [Fact]
        public void Two_hundred_parts_each_answer_for_their_own_hashes()
        {
            SpecCatalog[] parts = SpecGen.Scale.SyntheticPages.Generate(1, 200, seed: 3)
                .Select(page => InMemoryCatalog.From(new[] { TestPage.Create(page.Tag, page.Package, page.Text) }))
                .ToArray();
            SpecCatalog combined = SpecCatalog.Combine(parts);
            int found = 0;
            foreach (SpecCatalog part in parts)
            {
                for (int i = 0; i < part.Count; i++)
                {
                    string hash = part[i].Hash;
                    Assert.True(combined.TryFindByHash(hash, out Spec spec), hash);
                    Assert.Same(part, spec.Catalog);
                    Assert.Equal(hash, spec.Hash);
                    found++;
                }
            }

            Assert.True(found > 200, found + " specs");
        }

        /// <summary>
        /// A run that fills the spill to its last entry, with every hash sent to the last home: the table is first
        /// made with a spill of 64 entries, so 66 hashes in one run do not fit it (the run would take the empty entry
        /// that ends every probe) and 65 just fit; a miss that walks the whole run still ends at an empty entry.
        /// The catalogs are one-page catalogs combined, pages chosen so their distinct hashes add up to the count.
        /// </summary>
        [Theory]
        [InlineData(65)]
        [InlineData(66)]
        [InlineData(130)]
        public void A_run_that_fills_the_spill_still_ends_at_an_empty_entry(int count)
        {
            SpecCatalog[] onePage = Pages.Select(p => InMemoryCatalog.From(new[] { p })).ToArray();
            SpecCatalog combined = SpecCatalog.Combine(PagesWithHashes(onePage, count))
                .WithFullHashMix((_, check) => (ulong.MaxValue, check));
            Assert.Equal(count, combined.Select(s => s.Hash).Distinct().Count());

            foreach (Spec spec in combined)
            {
                Assert.True(combined.TryFindByHash(spec.Hash, out Spec found), spec.Hash);
                Assert.Equal(spec.Hash, found.Hash);
            }

            var random = new Random(5);
            for (int i = 0; i < 500; i++)
            {
                string miss = TestHashes.Random(random);
                Assert.False(combined.TryFindByHash(miss, out _), miss);
            }
        }

        /// <summary>One-page catalogs with no hash in common whose hash counts add up to <paramref name="count"/> (subset sum).</summary>
        private static SpecCatalog[] PagesWithHashes(SpecCatalog[] onePage, int count)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            List<SpecCatalog> disjoint = onePage.Where(c => c.All(s => seen.Add(s.Hash))).Where(c => c.HashCount <= count).ToList();
            var reach = new List<SpecCatalog>?[count + 1];
            reach[0] = new List<SpecCatalog>();
            foreach (SpecCatalog page in disjoint)
            {
                for (int sum = count; sum >= page.HashCount; sum--)
                {
                    if (reach[sum] is null && reach[sum - page.HashCount] is List<SpecCatalog> before)
                    {
                        reach[sum] = new List<SpecCatalog>(before) { page };
                    }
                }
            }

            return reach[count]?.ToArray() ?? throw new InvalidOperationException("no pages add up to " + count + " hashes");
        }

        /// <summary>
        /// The walk without the table (a catalog's fallback and these tests' reference) past a smaller hash of its run
        /// with the same 16-bit fingerprint: zlib's first two hashes are made to share their home (first characters)
        /// and the fingerprint of characters 8 to 15 (found by search), the first smaller; both are still found.
        /// </summary>
        [Fact]
        public void The_walk_goes_past_a_smaller_hash_with_the_same_fingerprint()
        {
            string text = PageEdit.Zlib.Text;
            string[] original = InMemoryCatalog.From(new[] { PageEdit.Zlib }).Select(s => s.Hash).Distinct().Take(2).ToArray();
            string smaller = "aaaaaaaa" + "aaaaaaaa" + original[0][16..];
            ushort wanted = Fingerprint(smaller[8..16]);
            var random = new Random(3);
            string middle;
            do
            {
                middle = TestHashes.Random(random, 8);
            }
            while (Fingerprint(middle) != wanted || string.CompareOrdinal(middle, smaller[8..16]) <= 0);

            string larger = "aaaaaaaa" + middle + original[1][16..];
            SpecCatalog catalog = InMemoryCatalog.From(new[] { PageEdit.Zlib with { Text = text.Replace(original[0], smaller, StringComparison.Ordinal).Replace(original[1], larger, StringComparison.Ordinal) } });

            foreach (string hash in new[] { smaller, larger })
            {
                Assert.True(catalog.TryFindFullHashWithoutTable(hash, out Spec found), hash);
                Assert.Equal(hash, found.Hash);
                Assert.True(catalog.TryFindByHash(hash, out Spec byTable), hash);
                Assert.Equal(found.Index, byTable.Index);
            }
        }

        /// <summary>The walk's fingerprint of eight hash characters (the catalog's rule, restated to search for a collision).</summary>
        private static ushort Fingerprint(string eight)
        {
            ulong packed = 0;
            for (int i = 0; i < 8; i++)
            {
                packed |= (ulong)eight[i] << (8 * i);
            }

            ushort fingerprint = (ushort)((packed * 0x9E3779B97F4A7C15UL) >> 48);
            return fingerprint == 0 ? (ushort)1 : fingerprint;
        }

        /// <summary>
        /// A hash several parts hold is found in the first of them, at its first entry there, as Spack's order of the
        /// parts says, and the same part given twice answers from its first place.
        /// </summary>
        [Fact]
        public void A_hash_in_several_parts_is_found_in_the_first()
        {
            // Two catalogs made from overlapping runs of pages: the pages in both give hashes in both.
            SpecCatalog earlier = InMemoryCatalog.From(Pages.Take(12).ToArray());
            SpecCatalog later = InMemoryCatalog.From(Pages.Skip(6).Take(12).ToArray());
            string shared = later.Select(s => s.Hash).First(h => earlier.TryFindByHash(h, out _));
            SpecCatalog combined = SpecCatalog.Combine(earlier, later, earlier);

            Assert.True(combined.TryFindByHash(shared, out Spec spec));
            Assert.Same(earlier, spec.Catalog);
            Assert.True(earlier.TryFindByHash(shared, out Spec first));
            Assert.Equal(first.Index, spec.Index);
            Assert.True(SpecCatalog.Combine(later, earlier).TryFindByHash(shared, out Spec other));
            Assert.Same(later, other.Catalog);
        }
    }
}
