using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using SpecGen.Tests.Spack;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    /// <summary>The corpus compiled as one catalog per snapshot tag (as catalog libraries are), and those catalogs combined.</summary>
    public sealed class TagCatalogsFixture
    {
        public TagCatalogsFixture()
        {
            IReadOnlyList<TestPage> pages = TestPaths.CorpusPages();
            Whole = GeneratorHarness.CompileCatalog(pages);
            Parts = pages.GroupBy(p => p.Path.Split('/', '\\').Reverse().Skip(2).First())
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => GeneratorHarness.CompileCatalog(g.ToList()))
                .ToArray();
            Combined = SpecCatalog.Combine(Parts);
        }

        public SpecCatalog Whole { get; }

        public SpecCatalog[] Parts { get; }

        public SpecCatalog Combined { get; }
    }

    /// <summary>
    /// SpecCatalog.Combine: the corpus as three per-tag catalogs combined answers every question exactly as the
    /// corpus compiled into one catalog does (same entries in the same order, same hash rule, same queries), and
    /// allocates nothing per call.
    /// </summary>
    public class CombineTests : IClassFixture<TagCatalogsFixture>
    {
        private readonly SpecCatalog _whole;
        private readonly SpecCatalog[] _parts;
        private readonly SpecCatalog _combined;

        public CombineTests(TagCatalogsFixture fixture)
        {
            _whole = fixture.Whole;
            _parts = fixture.Parts;
            _combined = fixture.Combined;
        }

        private static string Key(Spec spec) => spec.Tag + "/" + spec.Hash;

        [Fact]
        public void Entries_counts_order_and_names_are_the_whole_catalogs()
        {
            Assert.Equal(3, _parts.Length);
            Assert.Equal(_whole.Count, _combined.Count);
            Assert.Equal(_whole.PageCount, _combined.PageCount);
            Assert.Equal(_whole.Select(Key), _combined.Select(Key));
            Assert.Equal(Enumerable.Range(0, _whole.Count).Select(i => Key(_whole[i])), Enumerable.Range(0, _combined.Count).Select(i => Key(_combined[i])));
            Assert.Equal(_whole.Select(s => s.ToString()), _combined.Select(s => s.ToString()));
            Assert.Equal(_whole.Packages, _combined.Packages);
            Assert.Equal(_whole.Tags, _combined.Tags);
            Assert.Equal(_whole.Stacks, _combined.Stacks);
            Assert.Equal(_whole.Targets, _combined.Targets);
            Assert.Equal(_whole.OperatingSystems, _combined.OperatingSystems);
            Assert.Equal(_whole.Platforms, _combined.Platforms);
            Assert.Throws<ArgumentOutOfRangeException>(() => _combined[_combined.Count]);

            // An entry belongs to the catalog it comes from.
            Spec last = _combined[_combined.Count - 1];
            Assert.Same(_parts[2], last.Catalog);
            Assert.Equal(_parts[2].Count - 1, last.Index);
        }

        [Fact]
        public void Hash_lookups_follow_the_prefix_rule_across_the_catalogs()
        {
            var hashes = _whole.Select(s => s.Hash).Distinct().ToList();
            var queries = new List<string>();
            foreach (string hash in hashes)
            {
                foreach (int length in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 31, 32 })
                {
                    queries.Add(hash.Substring(0, length));
                }
            }

            // Misses: changed last characters, characters outside the alphabet, too long, empty.
            queries.AddRange(hashes.Select(h => h.Substring(0, 31) + (h[31] == 'a' ? 'b' : 'a')));
            queries.AddRange(new[] { "0000000", "AAAAAAAA", hashes[0] + "a", string.Empty, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" });

            int found = 0;
            foreach (string query in queries)
            {
                HashMatch whole = _whole.FindByHash(query);
                HashMatch combined = _combined.FindByHash(query);
                Assert.Equal(whole.Status, combined.Status);
                Assert.Equal(whole.Hash, combined.Hash);
                Assert.Equal(whole.Count, combined.Count);
                Assert.Equal(whole.Select(Key), combined.Select(Key));
                Assert.Equal(_whole.TryFindByHash(query, out Spec a), _combined.TryFindByHash(query, out Spec b));
                if (whole.IsFound)
                {
                    found++;
                    Assert.Equal(Key(a), Key(b));
                    Assert.Equal(Key(whole.First), Key(combined.First));
                }
            }

            Assert.True(found > hashes.Count * 4, found + " found");
        }

        public static IEnumerable<object[]> Queries() => QueryVectorTests.Vectors().Select(v => new object[] { v[1], v[2] });

        [Theory]
        [MemberData(nameof(Queries))]
        public void Every_query_vector_selects_the_same_entries(string expected, string query)
        {
            if (expected.StartsWith("error", StringComparison.Ordinal))
            {
                Assert.Throws<FormatException>(() => _combined.Query(query));
                return;
            }

            Assert.Equal(_whole.Query(query).Select(Key), _combined.Query(query).Select(Key));
            Assert.Equal(_whole.Query(query).Count(), _combined.Query(query).Count());
            Assert.Equal(_whole.Query(query).Any(), _combined.Query(query).Any());
        }

        [Fact]
        public void Where_and_runnable_on_select_the_same_entries()
        {
            int nonEmpty = 0;
            foreach (string? package in _whole.Packages.Append(null))
            {
                foreach (string? os in _whole.OperatingSystems.Append(null))
                {
                    foreach (string? tag in new[] { null, "v0.23.1", "nosuch" })
                    {
                        string[] expected = _whole.Where(package: package, os: os, tag: tag).Select(Key).ToArray();
                        Assert.Equal(expected, _combined.Where(package: package, os: os, tag: tag).Select(Key));
                        Assert.Equal(expected.Length, _combined.Where(package: package, os: os, tag: tag).Count());
                        nonEmpty += expected.Length > 0 ? 1 : 0;
                    }
                }
            }

            Assert.True(nonEmpty > 50, nonEmpty + " non-empty filters");
            foreach (Microarchitecture host in Microarchitecture.All)
            {
                Assert.Equal(_whole.All.RunnableOn(host).Select(Key), _combined.All.RunnableOn(host).Select(Key));
                Assert.Equal(_whole.Where(stack: "root").RunnableOn(host).Select(Key), _combined.Where(stack: "root").RunnableOn(host).Select(Key));
            }

            Assert.Equal(_whole.All.Select(Key), _combined.All.Select(Key));
        }

        [Fact]
        public void Lookups_queries_and_enumeration_allocate_nothing()
        {
            string hash = _parts[2][0].Hash;
            Allocations.AssertNone(() => _combined.TryFindByHash(hash, out Spec spec) ? 1 : 0);
            Allocations.AssertNone(() => _combined.FindByHash(hash.AsSpan(0, 10)).Count);

            SpecQuery query = _combined.Where(os: "ubuntu22.04").RunnableOn(Microarchitecture.Parse("zen4"));
            Allocations.AssertNone(() =>
            {
                int count = 0;
                foreach (Spec spec in query)
                {
                    count += spec.Index >= 0 ? 1 : 0;
                }

                return count;
            });
            Allocations.AssertNone(() => _combined.Where(package: "python", os: "ubuntu22.04").Count());
            Allocations.AssertNone(() =>
            {
                int count = 0;
                foreach (Spec spec in _combined)
                {
                    count++;
                }

                return count;
            });
        }

        [Fact]
        public void Combining_flattens_and_checks_its_arguments()
        {
            SpecCatalog again = SpecCatalog.Combine(SpecCatalog.Combine(_parts[0], _parts[1]), _parts[2]);
            Assert.Equal(_combined.Select(Key), again.Select(Key));

            SpecCatalog empty = SpecCatalog.Combine();
            Assert.Empty(empty);
            Assert.Empty(empty.Packages);
            Assert.False(empty.TryFindByHash(hashOrUniquePrefix: _parts[0][0].Hash, out _));
            Assert.Equal(0, empty.Query("python").Count());

            Assert.Throws<ArgumentNullException>(() => SpecCatalog.Combine(null!));
            Assert.Throws<ArgumentException>(() => SpecCatalog.Combine(_parts[0], null!));

            // The same catalog twice: every entry twice, a hash's first entry from the first copy.
            SpecCatalog twice = SpecCatalog.Combine(_parts[0], _parts[0]);
            Assert.Equal(2 * _parts[0].Count, twice.Count);
            Assert.True(twice.TryFindByHash(_parts[0][0].Hash, out Spec first));
            Assert.Equal(0, first.Index);
            Assert.Equal(2, twice.FindByHash(_parts[0][0].Hash).Count);
        }
    }
}
