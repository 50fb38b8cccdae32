extern alias Generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using Generator::SpecGen.Generator.Emit;
using Generator::SpecGen.Generator.Diagnostics;
using Generator::SpecGen.Generator.Model;
using Generator::SpecGen.Generator.Parsing;
using Generator::SpecGen.Generator.Catalog;
using Generator::SpecGen.Generator.Pages;
using SpecGen.Scale;
using SpecGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SpecGen.Tests.Scale
{
    /// <summary>The synthetic S10 catalog (12,250 pages, ten tags), built once for the class.</summary>
    public sealed class S10Fixture
    {
        public S10Fixture()
        {
            Pages = SyntheticPages.S10();
            var models = new List<PageModel>(Pages.Count);
            foreach (SyntheticPage page in Pages)
            {
                PageResult result = PageReader.Read("/s10/" + page.RelativePath, SourceText.From(page.Text), new ReadOptions(ReadOptions.DefaultMaxPageSize), CancellationToken.None);
                Assert.Empty(result.Diagnostics);
                models.Add(result.Page!);
            }

            CatalogResult catalog = CatalogBuilder.Build(models.ToImmutableArray(), EffectiveSeverities.Default, CancellationToken.None);
            Assert.Empty(catalog.Diagnostics);
            EncodedCatalog encoded = CatalogEncoder.Encode(catalog.Data, CancellationToken.None);
            Catalog = SpecCatalog.FromArrays(encoded.Tables, Encoding.UTF8.GetBytes(encoded.Strings));
        }

        public IReadOnlyList<SyntheticPage> Pages { get; }

        public SpecCatalog Catalog { get; }
    }

    public class ScaleTests : IClassFixture<S10Fixture>
    {
        private readonly S10Fixture _s10;
        private readonly ITestOutputHelper _output;

        public ScaleTests(S10Fixture s10, ITestOutputHelper output)
        {
            _s10 = s10;
            _output = output;
        }

        [Fact]
        public void Synthetic_pages_are_deterministic_and_sized_like_the_public_cache()
        {
            IReadOnlyList<SyntheticPage> a = SyntheticPages.S1();
            IReadOnlyList<SyntheticPage> b = SyntheticPages.S1();

            Assert.Equal(SyntheticPages.PagesPerTag, a.Count);
            Assert.Equal(a.Select(p => p.Text), b.Select(p => p.Text));
            Assert.NotEqual(a.Select(p => p.Text), SyntheticPages.S1(seed: 2).Select(p => p.Text));
            Assert.Equal(12_250, _s10.Pages.Count);
            Assert.Equal(10, _s10.Pages.Select(p => p.Tag).Distinct().Count());
            double small = a.Count(p => PageOracle.Read(p.Text).Count <= 5) / (double)a.Count;
            Assert.InRange(small, 0.55, 0.8);
            Assert.Contains(a, p => PageOracle.Read(p.Text).Count >= 30);
        }

        [Fact]
        public void Every_S10_spec_is_found_by_its_hash_and_by_its_short_hash_when_unique()
        {
            SpecCatalog catalog = _s10.Catalog;

            // Field by field, in catalog order (tag, then package, then page order), against the pages' JSON.
            OracleSpec[] expected = _s10.Pages
                .OrderBy(p => p.Tag, StringComparer.Ordinal).ThenBy(p => p.Package, StringComparer.Ordinal)
                .SelectMany(p => PageOracle.Read(p.Text))
                .ToArray();
            Assert.Equal(expected.Length, catalog.Count);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Null(PageOracle.Difference(expected[i], PageOracle.FromCatalog(catalog[i])));
            }

            _output.WriteLine($"S10: {catalog.Count} entries, {catalog.HashCount} distinct hashes, {catalog.PageCount} pages");

            string[] hashes = catalog.Select(s => s.Hash).Distinct().OrderBy(h => h, StringComparer.Ordinal).ToArray();
            var shortCounts = hashes.GroupBy(h => h.Substring(0, 7)).ToDictionary(g => g.Key, g => g.Count());
            int uniqueShort = 0;
            foreach (Spec spec in catalog)
            {
                Assert.True(catalog.TryFindByHash(spec.Hash, out Spec found));
                Assert.Equal(spec.Hash, found.Hash);
                Assert.True(found.Index <= spec.Index);
                Assert.Contains(spec, catalog.FindByHash(spec.Hash));

                bool unique = shortCounts[spec.ShortHash] == 1;
                Assert.Equal(unique, catalog.TryFindByHash(spec.ShortHash, out Spec byShort));
                if (unique)
                {
                    uniqueShort++;
                    Assert.Equal(found, byShort);
                }
            }

            Assert.True(uniqueShort > catalog.Count * 0.99);
        }

        /// <summary>
        /// S10 as the second part of a combined catalog: the full-hash table names a slot by its byte offset within its
        /// part, 24 bits beside the part, and S10's 59,032 distinct hashes take more than a megabyte of slots, so offsets past the
        /// low 20 bits are looked up too. Every S10 hash is found in the S10 part, at its own spec.
        /// </summary>
        [Fact]
        public void Every_S10_hash_is_found_in_its_part_of_a_combined_catalog()
        {
            SpecCatalog small = InMemoryCatalog.From(TestPaths.CorpusPages());
            SpecCatalog combined = SpecCatalog.Combine(small, _s10.Catalog);
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < _s10.Catalog.Count; i++)
            {
                first.TryAdd(_s10.Catalog[i].Hash, i);
            }

            Assert.True((long)first.Count * 32 > 1 << 20, first.Count + " hashes");
            foreach (KeyValuePair<string, int> hash in first)
            {
                Assert.True(combined.TryFindByHash(hash.Key, out Spec spec), hash.Key);
                Assert.Same(_s10.Catalog, spec.Catalog);
                Assert.Equal(hash.Value, spec.Index);
            }
        }

        [Fact]
        public void S10_filters_agree_with_linq_and_allocate_nothing()
        {
            SpecCatalog catalog = _s10.Catalog;
            Spec[] all = catalog.ToArray();
            string tag = catalog.Tags[3];
            Assert.Equal(all.Count(s => s.Stacks.Contains("e4s") && s.Target == "x86_64_v3" && s.Os == "ubuntu22.04"), catalog.Where(stack: "e4s", target: "x86_64_v3", os: "ubuntu22.04").Count());
            Assert.Equal(all.Where(s => s.Package == all[5000].Package && s.Tag == tag), catalog.Where(package: all[5000].Package, tag: tag));

            int Run()
            {
                int n = 0;
                foreach (Spec s in catalog.Where(stack: "e4s", target: "x86_64_v3", os: "ubuntu22.04", tag: tag))
                {
                    n += s.Index & 1;
                }

                n += catalog.Where(platform: "darwin").Count();
                n += catalog.TryFindByHash(all[777].Hash, out _) ? 1 : 0;
                n += catalog.TryFindByHash(all[777].ShortHash, out _) ? 1 : 0;
                return n;
            }

            Allocations.AssertNone(Run);
        }
    }
}
