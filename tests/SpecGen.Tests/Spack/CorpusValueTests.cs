using System;
using System.Linq;
using System.Text.RegularExpressions;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Spack
{
    /// <summary>Every variant and compiler string of the corpus, split into parts, checked against a plain reading of the text.</summary>
    public class CorpusValueTests : IClassFixture<CorpusCatalogFixture>
    {
        private static readonly Regex BoolVariant = new Regex("^([+~-])([A-Za-z0-9_.-]+)$");
        private static readonly Regex ValuedVariant = new Regex("^([A-Za-z0-9_.-]+)(:?=)(['\"]?)(.*)\\3$");
        private static readonly Regex CompilerText = new Regex("^([A-Za-z0-9_.-]+)@(=?)(.+)$");

        private readonly CorpusCatalogFixture _fixture;

        public CorpusValueTests(CorpusCatalogFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Every_variant_of_the_corpus_parses_into_its_parts()
        {
            var variants = _fixture.Catalog.SelectMany(s => s.Variants).GroupBy(v => v.Text).Select(g => g.First()).ToList();
            Assert.True(variants.Count > 150, variants.Count + " distinct variants");
            foreach (Variant variant in variants)
            {
                Match b = BoolVariant.Match(variant.Text);
                if (b.Success)
                {
                    Assert.Equal(VariantKind.Bool, variant.Kind);
                    Assert.Equal(b.Groups[2].Value, variant.Name);
                    Assert.Equal(b.Groups[1].Value == "+", variant.IsEnabled);
                    Assert.Empty(variant.Values);
                    continue;
                }

                Match v = ValuedVariant.Match(variant.Text);
                Assert.True(v.Success, variant.Text);
                Assert.Equal(v.Groups[1].Value, variant.Name);
                Assert.Equal(v.Groups[2].Value == ":=", variant.IsExact);
                string[] values = v.Groups[4].Value.Split(',');
                Assert.Equal(values, variant.Values.ToArray());
                Assert.Equal(values.Length > 1 || variant.IsExact ? VariantKind.Multi : VariantKind.Single, variant.Kind);
            }
        }

        [Fact]
        public void Every_compiler_of_the_corpus_parses_into_its_parts()
        {
            var compilers = _fixture.Catalog.Select(s => s.Compiler).GroupBy(c => c.Text).Select(g => g.First()).ToList();
            Assert.True(compilers.Count > 15, compilers.Count + " distinct compilers");
            foreach (Compiler compiler in compilers)
            {
                if (compiler.Text == "none")
                {
                    Assert.True(compiler.IsNone);
                    Assert.Equal(string.Empty, compiler.Version.ToString());
                    continue;
                }

                Match m = CompilerText.Match(compiler.Text);
                Assert.True(m.Success, compiler.Text);
                Assert.False(compiler.IsNone);
                Assert.Equal(m.Groups[1].Value, compiler.Name);
                Assert.Equal(m.Groups[2].Value == "=", compiler.IsExact);
                Assert.Equal(m.Groups[3].Value, compiler.Version.ToString());
                Assert.Equal(SpackVersion.Parse(m.Groups[3].Value), compiler.Version);
            }
        }

        [Fact]
        public void Every_pair_of_corpus_versions_orders_as_an_independent_implementation_of_spacks_rules_says()
        {
            string[] versions = _fixture.Catalog.Select(s => s.Version.ToString())
                .Concat(_fixture.Catalog.Where(s => !s.Compiler.IsNone).Select(s => s.Compiler.Version.ToString()))
                .Concat(new[] { "develop", "main", "master", "1.0rc1", "1.0alpha", "1.0beta2", "1.0", "0.10", "0.9", "1.0.0", "10.0001", "xyz", "1.2-3", "1_2.3" })
                .Distinct()
                .ToArray();
            Assert.True(versions.Length > 80, versions.Length + " versions");
            int pairs = 0;
            foreach (string a in versions)
            {
                SpackVersion va = SpackVersion.Parse(a);
                Assert.Equal(a, va.ToString());
                foreach (string b in versions)
                {
                    int expected = Math.Sign(SpackVersionOracle.Compare(a, b));
                    Assert.True(expected == Math.Sign(va.CompareTo(SpackVersion.Parse(b))), $"{a} vs {b}: Spack's rules give {expected}");
                    pairs++;
                }
            }

            Assert.True(pairs > 6000);
        }
    }
}
