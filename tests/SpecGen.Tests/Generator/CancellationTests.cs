extern alias Generator;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Generator::SpecGen.Generator.Emit;
using Generator::SpecGen.Generator.Diagnostics;
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
        public void A_build_cancelled_while_SpecGen_reads_a_page_stops_inside_SpecGen()
        {
            // The token is cancelled from inside the work: when SpecGen asks for the text of the big boost page. The
            // cancellation must then surface from SpecGen's own checks, and no later page is read.
            using var source = new CancellationTokenSource();
            var read = new System.Collections.Generic.List<string>();
            AdditionalText[] texts = TestPaths.CorpusPages()
                .Select(p => (AdditionalText)new CancellingText(p.Path, p.Text, p.Path.Contains("/boost/", StringComparison.Ordinal) ? source : null, read))
                .ToArray();
            GeneratorDriver driver = GeneratorHarness.CreateDriver(texts);

            OperationCanceledException ex = Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGenerators(GeneratorHarness.NewCompilation(), source.Token));

            Assert.Contains("SpecGen.Generator.", ex.StackTrace, StringComparison.Ordinal);
            Assert.EndsWith("/boost/specs.md", read[^1], StringComparison.Ordinal);
            Assert.True(read.Count < texts.Length, read.Count + " of " + texts.Length + " pages were read");
        }

        /// <summary>An additional file that cancels a build when its text is asked for, and records that it was.</summary>
        private sealed class CancellingText : AdditionalText
        {
            private readonly string _text;
            private readonly CancellationTokenSource? _cancel;
            private readonly System.Collections.Generic.List<string> _read;

            public CancellingText(string path, string text, CancellationTokenSource? cancel, System.Collections.Generic.List<string> read)
            {
                Path = path;
                _text = text;
                _cancel = cancel;
                _read = read;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default)
            {
                _read.Add(Path);
                _cancel?.Cancel();
                return SourceText.From(_text);
            }
        }
    }
}
