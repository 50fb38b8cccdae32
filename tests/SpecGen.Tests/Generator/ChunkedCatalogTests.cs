extern alias Generator;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Generator::SpecGen.Format;
using Generator::SpecGen.Generator;
using Generator::SpecGen.Generator.Analysis;
using Generator::SpecGen.Generator.Emit;
using Generator::SpecGen.Generator.Model;
using Microsoft.CodeAnalysis;
using SpecGen.Scale;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// Catalogs written in chunks (one data file per chunk, combined at run time): the same catalog as one data file,
    /// boundaries that depend only on the pages' names (so an edit changes one chunk), one data file re-emitted after a
    /// page edit, and an analyzer that reads every chunk.
    /// </summary>
    public class ChunkedCatalogTests
    {
        private static readonly Dictionary<string, string> ChunkOfFour = new() { ["SpecGenChunkPages"] = "4" };

        [Theory]
        [InlineData(1, -1, 0)]
        [InlineData(512, -1, 0)]
        [InlineData(513, -1, 128)]
        [InlineData(6000, -1, 128)]
        [InlineData(8192, -1, 128)]
        [InlineData(8193, -1, 0)]
        [InlineData(50000, -1, 0)]
        [InlineData(50000, 1024, 1024)]
        [InlineData(50000, 0, 0)]
        [InlineData(1000, 0, 0)]
        [InlineData(10, 3, 3)]
        public void The_default_chunks_catalogs_of_513_to_8192_pages_by_128(int pages, int setting, int expected)
        {
            Assert.Equal(expected, ChunkPlanner.PagesPerChunk(pages, setting));
        }

        [Fact]
        public void Chunks_keep_catalog_order_and_never_span_a_tag()
        {
            CatalogData data = Synthetic(Names(2000, "a"), "tag-a", Names(1000, "b"), "tag-b");
            EquatableArray<CatalogChunk> plan = ChunkPlanner.Plan(data, -1);

            Assert.Equal(data.Pages.Select(p => p.Tag + "/" + p.Package), plan.SelectMany(c => c.Data.Pages).Select(p => p.Tag + "/" + p.Package));
            Assert.All(plan, c => Assert.Single(c.Data.Pages.Select(p => p.Tag).Distinct()));
            Assert.All(plan, c => Assert.Equal(4096, c.PageBucket));
            Assert.True(plan.Sum(c => (long)c.ShareOf(GeneratedCode.StringHeapBudget)) <= GeneratedCode.StringHeapBudget);
            Assert.All(plan, c => Assert.Equal((int)((long)GeneratedCode.StringHeapBudget * c.Data.Pages.Count / 4096), c.ShareOf(GeneratedCode.StringHeapBudget)));
            Assert.Equal(plan.Count, plan.Select(c => c.Id).Distinct().Count());
            Assert.All(plan, c => Assert.Matches("^[0-9a-f]{8}(_[0-9]+)?$", c.Id));
            // 3,000 pages at an expected 128 a chunk: about 23 chunks; content-defined sizes vary, the count stays near.
            Assert.InRange(plan.Count, 8, 70);
            Assert.Equal(plan, ChunkPlanner.Plan(Synthetic(Names(2000, "a"), "tag-a", Names(1000, "b"), "tag-b"), -1));
        }

        [Fact]
        public void A_catalog_that_makes_one_run_is_one_data_file_and_a_power_of_two_is_its_own_bucket()
        {
            // Two pages of one tag with chunks of a million expected: no boundary, so one file (no chunk id) with the whole budget.
            CatalogChunk single = Assert.Single(ChunkPlanner.Plan(Synthetic(Names(2, "a"), "t"), 1_000_000));
            Assert.Equal(string.Empty, single.Id);
            Assert.Equal(1000, single.ShareOf(1000));

            // Eight pages in two tags: two chunks at least, each a share of a bucket of eight pages.
            EquatableArray<CatalogChunk> plan = ChunkPlanner.Plan(Synthetic(Names(4, "a"), "t1", Names(4, "b"), "t2"), 1_000_000);
            Assert.Equal(2, plan.Count);
            Assert.All(plan, c => Assert.Equal(8, c.PageBucket));
            Assert.All(plan, c => Assert.Equal(400, c.ShareOf(800)));
        }

        /// <summary>Adding a package's page changes only the chunk it lands in (which may split in two); every other chunk keeps its name and pages.</summary>
        [Fact]
        public void Adding_or_removing_a_page_changes_only_its_own_chunk()
        {
            string[] names = Names(3000, "p");
            EquatableArray<CatalogChunk> before = ChunkPlanner.Plan(Synthetic(names, "t"), -1);
            foreach (int at in new[] { 0, 1234, 2999 })
            {
                string[] fewer = names.Where((_, i) => i != at).ToArray();
                string[] more = names.Concat(new[] { names[at] + "-new" }).OrderBy(n => n, StringComparer.Ordinal).ToArray();
                foreach (string[] edited in new[] { fewer, more })
                {
                    EquatableArray<CatalogChunk> after = ChunkPlanner.Plan(Synthetic(edited, "t"), -1);
                    // Removing a package that ends a chunk joins it with the next; adding one may split its chunk: two at most.
                    string[] changed = Keys(before).Except(Keys(after)).ToArray();
                    string[] added = Keys(after).Except(Keys(before)).ToArray();
                    Assert.InRange(changed.Length, 1, 2);
                    Assert.InRange(added.Length, 1, 2);
                    Assert.Contains(ReferenceEquals(edited, fewer) ? changed : added, k => k.Contains(names[at], StringComparison.Ordinal));
                }
            }

            static IEnumerable<string> Keys(EquatableArray<CatalogChunk> plan)
                => plan.Select(c => c.Id + ":" + string.Join(",", c.Data.Pages.Select(p => p.Package)));
        }

        [Fact]
        public void A_chunked_catalog_answers_as_the_one_file_catalog()
        {
            IReadOnlyList<TestPage> pages = TestPaths.CorpusPages();
            GeneratorOutput chunked = GeneratorHarness.Run(pages, ChunkOfFour);
            Assert.Empty(chunked.Errors);
            string[] chunkFiles = chunked.Sources.Keys.Where(k => k.StartsWith("SpackCache.Data.", StringComparison.Ordinal) && k != CatalogEmitter.DataHintName).ToArray();
            Assert.True(chunkFiles.Length >= 5, chunkFiles.Length + " chunk files");
            Assert.Contains("global::SpecGen.SpecCatalog.Combine(", chunked.Sources[CatalogEmitter.DataHintName], StringComparison.Ordinal);
            Assert.All(chunkFiles, f => Assert.Contains("private static class " + GeneratedCode.ChunkClassPrefix, chunked.Sources[f], StringComparison.Ordinal));

            SpecCatalog one = GeneratorHarness.CompileCatalog(pages);
            SpecCatalog combined = GeneratorHarness.LoadCatalog(chunked.Compilation);
            Assert.True(one.Count > 400, one.Count + " specs");
            Assert.Equal(one.PageCount, combined.PageCount);
            Assert.Equal(Describe(one), Describe(combined));
            foreach (Spec spec in one)
            {
                Assert.True(combined.TryFindByHash(spec.Hash, out Spec found) && found.Hash == spec.Hash && found.Tag == spec.Tag, spec.Hash);
                Assert.Equal(one.FindByHash(spec.Hash.AsSpan(0, 7)).Status, combined.FindByHash(spec.Hash.AsSpan(0, 7)).Status);
            }

            Assert.Equal(one.Packages.ToArray(), combined.Packages.ToArray());
            Assert.Equal(one.Tags.ToArray(), combined.Tags.ToArray());
            foreach (string query in one.Packages.ToArray().Concat(new[] { "%gcc", "target=x86_64_v3", "os=ubuntu22.04", "+shared" }))
            {
                Assert.Equal(Describe(one.Query(query)), Describe(combined.Query(query)));
            }
        }

        [Fact]
        public void Editing_one_page_emits_only_its_chunk_again()
        {
            IReadOnlyList<TestPage> pages = TestPaths.CorpusPages();
            int edit = pages.Select((p, i) => (p, i)).First(x => x.p.Text.Contains("\"size\": \"-\"", StringComparison.Ordinal)).i;
            AdditionalText[] texts = pages.Select(p => (AdditionalText)new MemoryAdditionalText(p.Path, p.Text)).ToArray();
            Compilation compilation = GeneratorHarness.NewCompilation();
            GeneratorDriver driver = GeneratorHarness.CreateDriver(texts, ChunkOfFour).RunGenerators(compilation);
            Dictionary<string, string> before = Sources(driver);

            string edited = pages[edit].Text.Replace("\"size\": \"-\"", "\"size\": \"1234\"", StringComparison.Ordinal);
            driver = driver.ReplaceAdditionalText(texts[edit], new MemoryAdditionalText(pages[edit].Path, edited)).RunGenerators(compilation);
            Dictionary<string, string> after = Sources(driver);

            Assert.Equal(before.Keys.OrderBy(k => k, StringComparer.Ordinal), after.Keys.OrderBy(k => k, StringComparer.Ordinal));
            string[] changed = before.Keys.Where(k => before[k] != after[k]).ToArray();
            string file = Assert.Single(changed);
            Assert.Contains(Tag(pages[edit].Path), after[file], StringComparison.Ordinal);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            IncrementalStepRunReason[] data = result.TrackedSteps[PipelineSteps.DataSource].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
            Assert.Equal(before.Count - 2, data.Length);
            Assert.Single(data, r => r == IncrementalStepRunReason.Modified);
            Assert.All(data.Where(r => r != IncrementalStepRunReason.Modified), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
            Assert.True(result.TrackedSteps[PipelineSteps.ChunkIndex].SelectMany(s => s.Outputs).All(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

            // The edit changed no name: the page's names compare equal, so the API is not even built again.
            Assert.Contains(IncrementalStepRunReason.Unchanged, result.TrackedSteps[PipelineSteps.PageNames].SelectMany(s => s.Outputs).Select(o => o.Reason));
            Assert.All(result.TrackedSteps[PipelineSteps.ApiResult].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }

        [Fact]
        public void The_analyzer_reads_every_chunk()
        {
            IReadOnlyList<TestPage> pages = TestPaths.CorpusPages();
            GeneratorOutput chunked = GeneratorHarness.Run(pages, ChunkOfFour);
            GeneratorOutput whole = GeneratorHarness.Run(pages);
            CatalogFacts chunks = CatalogFacts.Read(CatalogType(chunked.Compilation), CancellationToken.None)!;
            CatalogFacts one = CatalogFacts.Read(CatalogType(whole.Compilation), CancellationToken.None)!;

            string[] expected = InMemoryCatalog.From(pages).Select(s => s.Hash).Distinct().OrderBy(h => h, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, chunks.Hashes);
            Assert.Equal(expected, one.Hashes);
            foreach (Dimension dimension in Dimensions.All)
            {
                Assert.Equal(one.Names[dimension.Parameter].OrderBy(n => n, StringComparer.Ordinal), chunks.Names[dimension.Parameter].OrderBy(n => n, StringComparer.Ordinal));
            }

            Assert.True(chunks.Has(Dimensions.Package, "zlib"));
            Assert.Equal(1, chunks.CountPrefix(expected[0]));
        }

        [Fact]
        public void A_chunk_size_that_is_not_a_number_is_reported_and_the_default_used()
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { TestPaths.CorpusPage("v0.22.0", "bc") }, new Dictionary<string, string> { ["SpecGenChunkPages"] = "many" });
            Diagnostic warning = Assert.Single(output.Diagnostics, d => d.Id == "SPG0020");
            Assert.Contains("SpecGenChunkPages", warning.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("the default", warning.GetMessage(), StringComparison.Ordinal);
            Assert.Equal(new[] { "SpackCache.Data.g.cs", "SpackCache.g.cs" }, output.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        private static INamedTypeSymbol CatalogType(Compilation compilation)
            => compilation.GetSymbolsWithName("SpackCache", SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();

        private static Dictionary<string, string> Sources(GeneratorDriver driver)
            => driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        private static string Tag(string path) => path.Replace('\\', '/').Split('/')[^3];

        private static string[] Describe(IEnumerable<Spec> specs) => specs.Select(s => s.ToString() + " " + s.Tag + " " + s.SizeText + " " + s.Tarball).ToArray();

        private static string[] Names(int count, string prefix) => Enumerable.Range(0, count).Select(i => prefix + "-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        private static CatalogData Synthetic(string[] packages, string tag, string[]? more = null, string? moreTag = null)
        {
            IEnumerable<PageData> pages = packages.Select(p => new PageData(p, tag, EquatableArray<SpecData>.Empty, EquatableArray<CompilerSyntax>.Empty, EquatableArray<VariantSyntax>.Empty));
            if (more is not null)
            {
                pages = pages.Concat(more.Select(p => new PageData(p, moreTag!, EquatableArray<SpecData>.Empty, EquatableArray<CompilerSyntax>.Empty, EquatableArray<VariantSyntax>.Empty)));
            }

            return new CatalogData(new EquatableArray<PageData>(pages.ToArray()));
        }
    }
}
