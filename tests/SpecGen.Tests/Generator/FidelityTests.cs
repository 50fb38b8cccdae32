using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>The catalog holds exactly what the pages say, compared with an independent reader.</summary>
    public class FidelityTests : IClassFixture<CorpusCatalogFixture>
    {
        private readonly CorpusCatalogFixture _fixture;

        public FidelityTests(CorpusCatalogFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Every_spec_of_every_corpus_page_is_in_the_catalog_field_by_field_in_catalog_order()
        {
            List<OracleSpec> expected = _fixture.Pages
                .Select(p => PageOracle.Read(p.Text))
                .OrderBy(specs => specs[0].Tag, StringComparer.Ordinal)
                .ThenBy(specs => specs[0].Package, StringComparer.Ordinal)
                .SelectMany(specs => specs)
                .ToList();

            Assert.True(expected.Count > 400, "the corpus has " + expected.Count + " specs");
            Assert.Equal(expected.Count, _fixture.Catalog.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                OracleSpec actual = PageOracle.FromCatalog(_fixture.Catalog[i]);
                Assert.True(PageOracle.Difference(expected[i], actual) is null, $"entry {i} ({expected[i].Package} {expected[i].Hash}) differs in {PageOracle.Difference(expected[i], actual)}");
            }
        }

        [Fact]
        public void Pages_of_several_tags_are_all_kept()
        {
            Assert.Equal(new[] { "develop-2025-04-20", "v0.22.0", "v0.23.1" }, _fixture.Catalog.Tags.ToArray());
            Assert.Equal(24, _fixture.Catalog.Where(package: "py-gast", tag: "develop-2025-04-20").Count());
            Assert.Equal(15, _fixture.Catalog.Where(package: "py-gast", tag: "v0.23.1").Count());
            Assert.Equal(39, _fixture.Catalog.Where(package: "py-gast").Count());
        }

        [Fact]
        public void Block_style_yaml_gives_the_same_catalog_as_flow_style()
        {
            foreach (string package in new[] { "py-gast", "openmpi", "zlib-ng" })
            {
                TestPage flow = TestPaths.CorpusPage("develop-2025-04-20", package);
                TestPage block = new TestPage(flow.Path, BlockStyle.Convert(flow.Text));
                Assert.DoesNotContain("spec_details: [", block.Text);

                SpecCatalog fromFlow = GeneratorHarness.CompileCatalog(new[] { flow });
                SpecCatalog fromBlock = GeneratorHarness.CompileCatalog(new[] { block });

                Assert.Equal(fromFlow.Count, fromBlock.Count);
                for (int i = 0; i < fromFlow.Count; i++)
                {
                    Assert.Null(PageOracle.Difference(PageOracle.FromCatalog(fromFlow[i]), PageOracle.FromCatalog(fromBlock[i])));
                }
            }
        }
    }
}
