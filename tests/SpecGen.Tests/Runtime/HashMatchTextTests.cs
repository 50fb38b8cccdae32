using System;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    /// <summary>What a hash match says of itself: the tool prints it, and <see cref="HashMatch.First"/> explains a miss.</summary>
    public class HashMatchTextTests
    {
        private static readonly SpecCatalog Corpus = InMemoryCatalog.From(TestPaths.CorpusPages());

        [Fact]
        public void A_match_names_its_hash_and_counts_its_entries()
        {
            // Expectations from the page records, not from the catalog: a hash listed in one tag and one listed in two.
            var byHash = TestPaths.CorpusPages().SelectMany(p => PageOracle.Read(p.Text)).GroupBy(r => r.Hash).ToArray();
            string once = byHash.First(g => g.Count() == 1).Key;
            Assert.Equal("found /" + once + " (1 entry)", Corpus.FindByHash(once).ToString());
            if (byHash.FirstOrDefault(g => g.Count() == 2) is { } twice)
            {
                Assert.Equal("found /" + twice.Key + " (2 entries)", Corpus.FindByHash(twice.Key).ToString());
            }

            SpecCatalog doubled = SpecCatalog.Combine(Corpus, Corpus);
            Assert.Equal("found /" + once + " (2 entries)", doubled.FindByHash(once).ToString());
            Assert.Equal("not found", Corpus.FindByHash("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz").ToString());
            Assert.Equal("ambiguous", Corpus.FindByHash("a").ToString());
        }

        [Fact]
        public void First_of_no_match_says_why()
        {
            var missing = Assert.Throws<InvalidOperationException>(() => Corpus.FindByHash("zzzzzzzz").First);
            Assert.Equal("No spec matched the hash: not found.", missing.Message);
            var ambiguous = Assert.Throws<InvalidOperationException>(() => Corpus.FindByHash("a").First);
            Assert.Equal("No spec matched the hash: ambiguous.", ambiguous.Message);
        }
    }
}
