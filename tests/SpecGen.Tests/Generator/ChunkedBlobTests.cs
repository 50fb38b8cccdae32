extern alias Generator;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Generator::SpecGen.Format;
using Generator::SpecGen.Generator.Analysis;
using Generator::SpecGen.Generator.Catalog;
using Generator::SpecGen.Generator.Emit;
using Generator::SpecGen.Generator.Diagnostics;
using Generator::SpecGen.Generator.Model;
using Generator::SpecGen.Generator.Pages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// Beyond the user-string heap budget (set to 0 here), blobs are written as UTF-8; those larger than one literal should be are written in chunks and joined at run time: the catalog is the same,
    /// byte for byte, whatever the chunk size, in UTF-8 literals and in pre-C# 11 byte arrays, and the analyzer reads
    /// the hashes back from the chunks.
    /// </summary>
    public class ChunkedBlobTests
    {
        private static readonly CatalogResult Corpus = InMemoryCatalog.Build(TestPaths.CorpusPages());

        [Theory]
        [InlineData(true, 1000)]
        [InlineData(true, 4096)]
        [InlineData(false, 1000)]
        public void A_catalog_written_in_chunks_is_the_catalog_written_whole(bool utf8, int chunkSize)
        {
            (SpecCatalog whole, _) = Compile(utf8, GeneratedCode.BlobChunkSize);
            (SpecCatalog chunked, string data) = Compile(utf8, chunkSize);

            // The joined array is referenced only through the catalog's pointers: it must survive collections and
            // the reuse of freed memory.
            for (int i = 0; i < 3; i++)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                var garbage = new byte[64][];
                for (int j = 0; j < garbage.Length; j++)
                {
                    garbage[j] = GC.AllocateArray<byte>(16 * 1024, pinned: j % 2 == 0);
                    garbage[j].AsSpan().Fill(0xEE);
                }
            }

            Assert.Contains(GeneratedCode.ChunkProperty(GeneratedCode.TablesProperty, 1) + " =>", data, StringComparison.Ordinal);
            Assert.Contains(GeneratedCode.ChunkProperty(GeneratedCode.StringsProperty, 1) + " =>", data, StringComparison.Ordinal);
            Assert.True(whole.Count > 400, whole.Count + " specs");
            Assert.Equal(whole.Count, chunked.Count);
            Assert.Equal(whole.Select(s => s.ToString() + " " + s.Tag + " " + s.Size + " " + s.Tarball), chunked.Select(s => s.ToString() + " " + s.Tag + " " + s.Size + " " + s.Tarball));
            Assert.Equal(whole.Packages, chunked.Packages);
            foreach (Spec spec in whole)
            {
                Assert.True(chunked.TryFindByHash(spec.Hash, out Spec found) && found.Hash == spec.Hash, spec.Hash);
            }
        }

        [Fact]
        public void The_whole_blob_stays_one_literal_up_to_the_chunk_size()
        {
            int tables = CatalogEncoder.Encode(Corpus.Data, CancellationToken.None).Tables.Length;
            string exact = CatalogEmitter.EmitData(Corpus.Data, Options(true, tables), CancellationToken.None);
            Assert.DoesNotContain(GeneratedCode.ChunkProperty(GeneratedCode.TablesProperty, 0), exact, StringComparison.Ordinal);
            string under = CatalogEmitter.EmitData(Corpus.Data, Options(true, tables - 1), CancellationToken.None);
            Assert.Contains(GeneratedCode.ChunkProperty(GeneratedCode.TablesProperty, 1) + " =>", under, StringComparison.Ordinal);
            Assert.DoesNotContain(GeneratedCode.ChunkProperty(GeneratedCode.TablesProperty, 2), under, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(7)]
        [InlineData(8)]
        [InlineData(9)]
        public void A_string_chunk_never_splits_a_surrogate_pair(int chunkSize)
        {
            // A variant value of characters outside the BMP: a split inside a pair would not compile, or would corrupt the UTF-8.
            TestPage zlib = TestPaths.CorpusPage("develop-2025-04-20", "zlib");
            string emoji = string.Concat(Enumerable.Repeat("a\U0001F600", 20));
            string text = zlib.Text.Replace("\"+pic\"", "\"text=" + emoji + "\"", StringComparison.Ordinal);
            Assert.NotEqual(zlib.Text, text);
            PageModel page = PageReader.Read(zlib.Path, SourceText.From(text), new ReadOptions(ReadOptions.DefaultMaxPageSize), CancellationToken.None).Page!;
            CatalogResult catalog = CatalogBuilder.Build(ImmutableArray.Create(page), EffectiveSeverities.Default, CancellationToken.None);
            EmitOptions options = Options(true, chunkSize);
            string data = CatalogEmitter.EmitData(catalog.Data, options, CancellationToken.None);
            foreach (string line in data.Split('\n').Where(l => l.Contains(" => \"", StringComparison.Ordinal)))
            {
                int open = line.IndexOf(" => \"", StringComparison.Ordinal) + 5;
                Assert.False(char.IsHighSurrogate(line[line.LastIndexOf('"') - 1]), "a chunk ends inside a surrogate pair: " + line);
                Assert.False(char.IsLowSurrogate(line[open]), "a chunk starts inside a surrogate pair: " + line);
            }

            CSharpParseOptions parse = GeneratorHarness.ParseOptions();
            SpecCatalog loaded = GeneratorHarness.LoadCatalog(GeneratorHarness.NewCompilation(parse, "Surrogates" + chunkSize).AddSyntaxTrees(
                CSharpSyntaxTree.ParseText(CatalogEmitter.EmitApi(catalog.Api, options, CancellationToken.None), parse),
                CSharpSyntaxTree.ParseText(data, parse)));
            Assert.Contains(loaded, s => s.Variants.Any(v => v.ToString() == "text=" + emoji));
        }

        [Fact]
        public void The_analyzer_reads_the_hashes_back_from_chunks()
        {
            (SpecCatalog whole, _) = Compile(true, GeneratedCode.BlobChunkSize);
            CSharpCompilation compilation = Compilation(true, 1000, out _);
            INamedTypeSymbol type = compilation.GetTypeByMetadataName("Consumer.SpackCache")!;
            CatalogFacts facts = CatalogFacts.Read(type, CancellationToken.None)!;

            Assert.NotNull(facts);
            Assert.Equal(whole.Select(s => s.Hash).Distinct().OrderBy(h => h, StringComparer.Ordinal), facts.Hashes);
        }

        /// <summary>Options for the UTF-8 form: no user-string heap budget, so every blob is written as UTF-8 (or bytes before C# 11).</summary>
        private static EmitOptions Options(bool utf8, int chunkSize) => new EmitOptions("SpackCache", "Consumer", utf8, true, ChunkSize: chunkSize, StringHeapBudget: 0);

        private static (SpecCatalog Catalog, string Data) Compile(bool utf8, int chunkSize)
        {
            CSharpCompilation compilation = Compilation(utf8, chunkSize, out string data);
            return (GeneratorHarness.LoadCatalog(compilation), data);
        }

        private static CSharpCompilation Compilation(bool utf8, int chunkSize, out string data)
        {
            EmitOptions options = Options(utf8, chunkSize);
            CSharpParseOptions parse = GeneratorHarness.ParseOptions(utf8 ? LanguageVersion.Latest : LanguageVersion.CSharp10);
            data = CatalogEmitter.EmitData(Corpus.Data, options, CancellationToken.None);
            return GeneratorHarness.NewCompilation(parse, "Consumer" + chunkSize + utf8)
                .AddSyntaxTrees(
                    CSharpSyntaxTree.ParseText(CatalogEmitter.EmitApi(Corpus.Api, options, CancellationToken.None), parse),
                    CSharpSyntaxTree.ParseText(data, parse));
        }
    }
}
