using System.Collections.Generic;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>One catalog compiled from every page of tests/Corpus, shared by a test class.</summary>
    public sealed class CorpusCatalogFixture
    {
        public CorpusCatalogFixture()
        {
            Pages = TestPaths.CorpusPages();
            Catalog = GeneratorHarness.CompileCatalog(Pages);
        }

        public IReadOnlyList<TestPage> Pages { get; }

        public SpecCatalog Catalog { get; }
    }
}
