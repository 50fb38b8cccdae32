using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>The catalog of the pages bundled with the CacheQuery sample.</summary>
    public sealed class SampleCatalogFixture
    {
        public SampleCatalogFixture()
        {
            string root = Path.Combine(TestPaths.RepositoryRoot, "samples", "CacheQuery", "pages");
            Pages = Directory.EnumerateFiles(root, "specs.md", SearchOption.AllDirectories).OrderBy(p => p, System.StringComparer.Ordinal).Select(TestPage.Load).ToList();
            Catalog = GeneratorHarness.CompileCatalog(Pages);
        }

        public IReadOnlyList<TestPage> Pages { get; }

        public SpecCatalog Catalog { get; }
    }
}
