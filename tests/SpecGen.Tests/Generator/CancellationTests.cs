extern alias Generator;

using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Generator::SpecGen.Generator.Emit;
using Generator::SpecGen.Generator.Model;
using Generator::SpecGen.Generator.Parsing;
using Generator::SpecGen.Generator.Catalog;
using Generator::SpecGen.Generator.Pages;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>A cancelled build stops SpecGen at each step; cancellation is never turned into a diagnostic.</summary>
    public class CancellationTests
    {
        private static readonly CancellationToken Cancelled = new CancellationToken(canceled: true);

        [Fact]
        public void Reading_a_page_honours_cancellation()
        {
            TestPage page = TestPaths.CorpusPage("develop-2025-04-20", "boost");
            Assert.Throws<OperationCanceledException>(() => PageReader.Read(page.Path, SourceText.From(page.Text), new ReadOptions(ReadOptions.DefaultMaxPageSize), Cancelled));
        }

        [Fact]
        public void Building_and_encoding_the_catalog_honour_cancellation()
        {
            TestPage page = TestPaths.CorpusPage("develop-2025-04-20", "zlib");
            PageModel model = PageReader.Read(page.Path, SourceText.From(page.Text), new ReadOptions(ReadOptions.DefaultMaxPageSize), CancellationToken.None).Page!;
            CatalogResult catalog = CatalogBuilder.Build(ImmutableArray.Create(model), EffectiveSeverities.Default, CancellationToken.None);

            Assert.Throws<OperationCanceledException>(() => CatalogBuilder.Build(ImmutableArray.Create(model), EffectiveSeverities.Default, Cancelled));
            Assert.Throws<OperationCanceledException>(() => CatalogEncoder.Encode(catalog.Data, Cancelled));
            Assert.Throws<OperationCanceledException>(() => CatalogEmitter.EmitData(catalog.Data, new EmitOptions("SpackCache", "X", true, true), Cancelled));
            Assert.Throws<OperationCanceledException>(() => CatalogEmitter.EmitApi(catalog.Api, new EmitOptions("SpackCache", "X", true, true), Cancelled));
        }

        [Fact]
        public void The_driver_run_is_cancelled()
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(TestPaths.CorpusPages());
            Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGenerators(GeneratorHarness.NewCompilation(), Cancelled));
        }
    }
}
