using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    /// <summary>
    /// The runtime's members at their edges: every enumerator follows one convention (Current outside the sequence
    /// throws InvalidOperationException, MoveNext stays false at the end), default values say they belong to no
    /// catalog, indexers check their range, and a hash lookup that misses says how.
    /// </summary>
    public class RuntimeContractTests : IClassFixture<CorpusCatalogFixture>
    {
        private readonly CorpusCatalogFixture _corpus;

        public RuntimeContractTests(CorpusCatalogFixture corpus)
        {
            _corpus = corpus;
        }

        private SpecCatalog Catalog => _corpus.Catalog;

        public static IEnumerable<object[]> Enumerables()
        {
            yield return new object[] { "catalog" };
            yield return new object[] { "query" };
            yield return new object[] { "query-details" };
            yield return new object[] { "packages" };
            yield return new object[] { "stacks-of-a-spec" };
            yield return new object[] { "variants" };
            yield return new object[] { "variant-values" };
            yield return new object[] { "hash-match" };
        }

        [Theory]
        [MemberData(nameof(Enumerables))]
        public void Every_enumerator_guards_current_as_the_bcl_does(string which)
        {
            IEnumerable sequence = Sequence(which);
            IEnumerator e = sequence.GetEnumerator();
            InvalidOperationException before = Assert.Throws<InvalidOperationException>(() => e.Current);
            Assert.Contains("not started", before.Message, StringComparison.Ordinal);
            int count = 0;
            while (e.MoveNext())
            {
                Assert.NotNull(e.Current);
                count++;
            }

            Assert.True(count > 0, which + " is empty");
            Assert.Throws<InvalidOperationException>(() => e.Current);
            Assert.False(e.MoveNext());
            Assert.Throws<InvalidOperationException>(() => e.Current);
            e.Reset();
            Assert.Throws<InvalidOperationException>(() => e.Current);
            Assert.True(e.MoveNext());
            Assert.NotNull(e.Current);
        }

        [Fact]
        public void Default_values_belong_to_no_catalog()
        {
            Assert.Contains("default", Assert.Throws<InvalidOperationException>(() => default(Spec).Catalog).Message, StringComparison.Ordinal);
            Assert.Contains("default", Assert.Throws<InvalidOperationException>(() => default(Compiler).Name).Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => default(Compiler).Version);
            Assert.Contains("default", Assert.Throws<InvalidOperationException>(() => default(Variant).Name).Message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => default(Variant).Values);
            Assert.Equal(string.Empty, default(Spec).ToString());
            Assert.Equal(string.Empty, default(Compiler).ToString());
            Assert.Equal(string.Empty, default(Variant).ToString());
        }

        [Fact]
        public void Indexers_check_their_range()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => Catalog[-1]);
            Assert.Throws<ArgumentOutOfRangeException>(() => Catalog[Catalog.Count]);
            Spec spec = Catalog[Catalog.Count - 1];
            Assert.Throws<ArgumentOutOfRangeException>(() => spec.Stacks[spec.Stacks.Count]);
            Assert.Throws<ArgumentOutOfRangeException>(() => spec.Variants[-1]);
            Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Packages[Catalog.Packages.Count]);
            HashMatch match = Catalog.FindByHash(spec.Hash);
            Assert.Throws<ArgumentOutOfRangeException>(() => match[match.Count]);
        }

        [Fact]
        public void A_hash_lookup_that_misses_says_how()
        {
            HashMatch none = Catalog.FindByHash("zzzzzzz");
            Assert.Equal(HashMatchStatus.NotFound, none.Status);
            Assert.False(none.IsFound);
            Assert.Null(none.Hash);
            Assert.Empty(none);
            Assert.Throws<InvalidOperationException>(() => none.First);
            Assert.Throws<ArgumentOutOfRangeException>(() => none[0]);

            HashMatch several = Catalog.FindByHash("a");
            Assert.Equal(HashMatchStatus.Ambiguous, several.Status);
            Assert.Null(several.Hash);
            Assert.Contains("ambiguous", Assert.Throws<InvalidOperationException>(() => several.First).Message, StringComparison.Ordinal);
            Assert.False(Catalog.TryFindByHash("a", out Spec missing));
            Assert.Equal(default, missing);

            HashMatch one = Catalog.FindByHash("7u33aej");
            Assert.Equal(HashMatchStatus.Found, one.Status);
            Assert.Equal("7u33aejtwnddwzz5674krdvmhbgnqjq5", one.Hash);
            Assert.Equal(one.Hash, one.First.Hash);
        }

        [Fact]
        public void Variant_lists_find_by_name_and_queries_give_their_first()
        {
            Spec zlib = Catalog.Where(package: "zlib").First();
            Assert.True(zlib.Variants.TryGet("build_system", out Variant buildSystem));
            Assert.Equal("build_system=makefile", buildSystem.Text);
            Assert.False(zlib.Variants.TryGet("nosuch", out Variant none));
            Assert.Equal(default, none);

            Assert.True(Catalog.Where(package: "zlib", target: "aarch64").TryGetFirst(out Spec first));
            Assert.Equal("ond7f4eo2eiga5qnm3yuwxu5ynerhruv", first.Hash);
            Assert.False(Catalog.Where(package: "zlib", target: "ppc64le").TryGetFirst(out Spec nothing));
            Assert.Equal(default, nothing);
            Assert.True(Catalog.Where(package: "zlib").Any());
            Assert.False(Catalog.Where(package: "nosuch").Any());
        }

        [Fact]
        public void Page_count_is_the_number_of_pages()
        {
            Assert.Equal(_corpus.Pages.Count, Catalog.PageCount);
            Assert.Equal(_corpus.Pages.Count, InMemoryCatalog.From(_corpus.Pages).PageCount);
        }

        private IEnumerable Sequence(string which)
        {
            Spec python = Catalog.Where(package: "python").First();
            return which switch
            {
                "catalog" => Catalog,
                "query" => Catalog.Where(package: "zlib"),
                "query-details" => Catalog.Query("zlib +shared %gcc"),
                "packages" => Catalog.Packages,
                "stacks-of-a-spec" => python.Stacks,
                "variants" => python.Variants,
                "variant-values" => python.Variants.First(v => v.Kind != VariantKind.Bool).Values,
                "hash-match" => Catalog.FindByHash(python.Hash),
                _ => throw new ArgumentOutOfRangeException(nameof(which)),
            };
        }
    }
}
