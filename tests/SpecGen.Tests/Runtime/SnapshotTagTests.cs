using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    /// <summary>The same binary kept across snapshot tags is one hash listed several times, not an ambiguity.</summary>
    public class SnapshotTagTests
    {
        private static SpecCatalog TwoTags()
        {
            TestPage page = TestPaths.CorpusPage("develop-2025-04-20", "py-gast");
            string older = page.Text.Replace("categories: [package, develop-2025-04-20]", "categories: [package, develop-2025-04-13]");
            return GeneratorHarness.CompileCatalog(new[] { page, TestPage.Create("develop-2025-04-13", "py-gast", older) });
        }

        [Fact]
        public void A_hash_in_two_tags_is_found_once_with_both_entries_in_catalog_order()
        {
            SpecCatalog catalog = TwoTags();

            Assert.Equal(48, catalog.Count);
            Assert.Equal(24, catalog.HashCount);
            Assert.True(catalog.TryFindByHash("7u33aej", out Spec first));
            Assert.Equal("develop-2025-04-13", first.Tag);

            HashMatch match = catalog.FindByHash("7u33aej");
            Assert.Equal(HashMatchStatus.Found, match.Status);
            Assert.Equal("7u33aejtwnddwzz5674krdvmhbgnqjq5", match.Hash);
            Assert.Equal(new[] { "develop-2025-04-13", "develop-2025-04-20" }, match.Select(s => s.Tag).ToArray());
            Assert.Equal(first, match.First);
            Assert.True(match[0].Index < match[1].Index);
        }

        [Fact]
        public void Catalog_order_is_tag_then_package_then_page_order()
        {
            SpecCatalog catalog = TwoTags();

            Assert.Equal(new[] { "develop-2025-04-13", "develop-2025-04-20" }, catalog.Tags.ToArray());
            Assert.All(catalog.Take(24), s => Assert.Equal("develop-2025-04-13", s.Tag));
            Assert.Equal(catalog.Take(24).Select(s => s.Hash), catalog.Skip(24).Select(s => s.Hash));
        }
    }
}
