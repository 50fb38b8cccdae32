using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using BenchmarkDotNet.Running;
using SpecGen.Scale;

namespace SpecGen.Benchmarks
{
    /// <summary>
    /// BenchmarkDotNet entry point, plus two helpers for measure.sh:
    /// <c>write-pages one|S1|S10|snapshot|all DIR</c> writes a synthetic corpus, and
    /// <c>yaml-first-answer DIR HASH</c> answers a lookup the way a tool without SpecGen would (parse every page at start-up).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            long start = Stopwatch.GetTimestamp();
            if (args.Length == 3 && args[0] == "write-pages")
            {
                var pages = SyntheticPages.ByName(args[1]);
                long bytes = SyntheticPages.Write(args[2], pages);
                Console.WriteLine($"{pages.Count} pages, {bytes} bytes, first hash {FirstHash(pages[0].Text)}");
                return 0;
            }

            if (args.Length == 3 && args[0] == "yaml-first-answer")
            {
                var records = Corpora.Records(Directory.EnumerateFiles(args[1], "specs.md", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p))));
                SpecRecord? found = records.FirstOrDefault(r => r.Hash == args[2]);
                double micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                Console.WriteLine($"answer: {found?.Package}@{found?.Versions[0]}");
                Console.WriteLine($"first-answer-us: {micros:F0}");
                return found is null ? 1 : 0;
            }

            if ((args.Length == 2 || (args.Length == 3 && args[2] == "--pause")) && args[0] == "generator-memory")
            {
                return GeneratorMemory(args[1], pause: args.Length == 3);
            }

            if (args.Length == 2 && args[0] == "model-strings")
            {
                return ModelStrings(args[1]);
            }

            if ((args.Length == 2 || args.Length == 3) && args[0] == "generator-steps")
            {
                return GeneratorSteps(args[1], args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 6);
            }

            if (args.Length == 2 && args[0] == "catalog-step")
            {
                var pages = SyntheticPages.ByName(args[1]);
                var models = Corpora.Models(pages);
                for (int i = 0; i < 8; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    var result = SpecGen.Generator.Catalog.CatalogBuilder.Build(models, SpecGen.Generator.Diagnostics.EffectiveSeverities.Default, System.Threading.CancellationToken.None, withApi: false);
                    double all = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    t0 = Stopwatch.GetTimestamp();
                    SpecGen.Generator.Catalog.ApiModelBuilder.Build(models.Select(SpecGen.Generator.Model.PageNames.From).ToArray(), default);
                    double api = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    Console.WriteLine($"catalog step (checks and data) {all:F1} ms; API model {api:F1} ms");
                }

                return 0;
            }

            if (args.Length == 2 && args[0] == "emit-steps")
            {
                var plan = AutoChunks(args[1]);
                for (int i = 0; i < 5; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    foreach (var chunk in plan)
                    {
                        SpecGen.Generator.Emit.CatalogEncoder.Encode(chunk.Data, System.Threading.CancellationToken.None);
                    }

                    double encode = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    t0 = Stopwatch.GetTimestamp();
                    long chars = 0;
                    foreach (var chunk in plan)
                    {
                        chars += SpecGen.Generator.Emit.CatalogEmitter.EmitChunk(chunk, ChunkEmitOptions, System.Threading.CancellationToken.None).Length;
                    }

                    double emit = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    Console.WriteLine($"{plan.Count} chunks: encode {encode:F1} ms; encode and write {emit:F1} ms ({chars} chars)");
                }

                return 0;
            }

            if (args.Length == 2 && args[0] == "embed-cost")
            {
                return EmbedCost(args[1]);
            }

            if (args.Length == 3 && args[0] == "read-pages")
            {
                return ReadPages(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            }

            if (args.Length == 3 && args[0] == "chunk-sizes")
            {
                return ChunkSizes(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        /// <summary>The emit options of a consumer as measure.sh writes one (class SpackCache, namespace Consumer).</summary>
        private static readonly SpecGen.Generator.Model.EmitOptions ChunkEmitOptions = new SpecGen.Generator.Model.EmitOptions("SpackCache", "Consumer", Utf8Literals: false, NullableContext: true);

        /// <summary>A synthetic corpus's catalog data in the chunks the generator plans by default.</summary>
        private static IReadOnlyList<SpecGen.Generator.Emit.CatalogChunk> AutoChunks(string corpus)
        {
            var models = Corpora.Models(SyntheticPages.ByName(corpus));
            var data = SpecGen.Generator.Catalog.CatalogBuilder.Build(models, SpecGen.Generator.Diagnostics.EffectiveSeverities.Default, System.Threading.CancellationToken.None, withApi: false).Data;
            return SpecGen.Generator.Emit.ChunkPlanner.Plan(data, SpecGen.Generator.Model.EmitOptions.AutoChunkPages);
        }

        /// <summary>
        /// What the compiler does with each generated file of a corpus on every build that writes a PDB: the text's
        /// checksum and its embedded, deflated copy (Roslyn's <c>EmbeddedText.FromSource</c>), with the text in UTF-8
        /// and in UTF-16. Three passes each, alternating.
        /// </summary>
        private static int EmbedCost(string corpus)
        {
            var texts = AutoChunks(corpus).Select(chunk => SpecGen.Generator.Emit.CatalogEmitter.EmitChunk(chunk, ChunkEmitOptions, System.Threading.CancellationToken.None)).ToArray();
            Console.WriteLine($"{texts.Length} chunks, {texts.Sum(t => (long)t.Length)} chars, UTF-8 {texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t))} bytes");
            foreach (int pass in Enumerable.Range(0, 3))
            {
                foreach (Encoding encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                {
                    long t0 = Stopwatch.GetTimestamp();
                    int checksums = 0;
                    foreach (string text in texts)
                    {
                        var source = SourceText.From(text, encoding, Microsoft.CodeAnalysis.Text.SourceHashAlgorithm.Sha256);
                        checksums += Microsoft.CodeAnalysis.EmbeddedText.FromSource("chunk.g.cs", source).Checksum.Length;
                    }

                    Console.WriteLine($"pass {pass + 1}, {encoding.WebName}: {Stopwatch.GetElapsedTime(t0).TotalMilliseconds:F0} ms ({checksums / 32} texts)");
                }
            }

            return 0;
        }

        /// <summary>
        /// The encoded size of a corpus as one catalog and in chunks of <paramref name="perChunk"/> pages (as
        /// <c>SpecGenChunkPages</c> would plan them): tables and string bytes summed over the chunks, against one catalog's.
        /// </summary>
        private static int ChunkSizes(string corpus, int perChunk)
        {
            var pages = SyntheticPages.ByName(corpus);
            var models = Corpora.Models(pages);
            var data = SpecGen.Generator.Catalog.CatalogBuilder.Build(models, SpecGen.Generator.Diagnostics.EffectiveSeverities.Default, System.Threading.CancellationToken.None, withApi: false).Data;
            var one = SpecGen.Generator.Emit.CatalogEncoder.Encode(data, System.Threading.CancellationToken.None);
            Console.WriteLine($"one catalog: {pages.Count} pages, tables {one.Tables.Length:N0} B, strings {one.StringBytes:N0} B");
            var chunks = SpecGen.Generator.Emit.ChunkPlanner.Plan(data, perChunk);
            long tables = 0, strings = 0;
            foreach (var chunk in chunks)
            {
                var encoded = SpecGen.Generator.Emit.CatalogEncoder.Encode(chunk.Data, System.Threading.CancellationToken.None);
                tables += encoded.Tables.Length;
                strings += encoded.StringBytes;
            }

            Console.WriteLine($"{chunks.Count} chunks: tables {tables:N0} B, strings {strings:N0} B");
            Console.WriteLine("sections of one catalog: " + string.Join(", ", one.SectionSizes.Select(s => $"{s.Key} {s.Value:N0}")));
            return 0;
        }

        /// <summary>
        /// Where the generator's memory goes on a corpus: the managed heap after the page texts exist, after one
        /// GeneratorDriver run with the driver kept (what the compiler holds while it compiles), and the generated
        /// sources' size. A full collection precedes each reading, so the figures are live data, not garbage.
        /// </summary>
        /// <summary>
        /// The strings the page models hold (what the driver keeps between runs): how many, their bytes, and the bytes of
        /// the distinct ones, by where they sit, to show what sharing equal strings would save.
        /// </summary>
        private static int ModelStrings(string corpus)
        {
            var models = Corpora.Models(SyntheticPages.ByName(corpus));
            var byPlace = new System.Collections.Generic.SortedDictionary<string, (long Count, long Bytes, System.Collections.Generic.HashSet<string> Distinct)>(StringComparer.Ordinal);
            var all = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            var seen = new System.Collections.Generic.HashSet<string>(System.Collections.Generic.ReferenceEqualityComparer.Instance);
            void Add(string place, string? value)
            {
                if (value is null || !seen.Add(value))
                {
                    return; // each string object once, wherever it is referenced
                }

                if (!byPlace.TryGetValue(place, out var entry))
                {
                    entry = (0, 0, new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal));
                }

                entry.Distinct.Add(value);
                all.Add(value);
                byPlace[place] = (entry.Count + 1, entry.Bytes + 22 + (2L * value.Length), entry.Distinct);
            }

            foreach (var page in models)
            {
                Add("page path, package, tag", page.FilePath);
                Add("page path, package, tag", page.Package);
                Add("page path, package, tag", page.Tag);
                foreach (var spec in page.Specs)
                {
                    foreach (var value in spec.Values)
                    {
                        Add("spec values", value.Text);
                        foreach (string item in value.Items)
                        {
                            Add("spec value items", item);
                        }
                    }
                }

                foreach (var compiler in page.Compilers)
                {
                    Add("compilers", compiler.Text);
                    Add("compilers", compiler.Name);
                    Add("compilers", compiler.Version);
                }

                foreach (var variant in page.Variants)
                {
                    Add("variants", variant.Text);
                    Add("variants", variant.Name);
                    foreach (string value in variant.Values)
                    {
                        Add("variants", value);
                    }
                }

                foreach (var name in page.Names)
                {
                    Add("names", name.Name);
                }

                foreach (string version in page.Versions)
                {
                    Add("versions", version);
                }
            }

            long total = 0, distinct = 0;
            foreach (var (place, entry) in byPlace)
            {
                long distinctBytes = entry.Distinct.Sum(v => 22 + (2L * v.Length));
                total += entry.Bytes;
                distinct += distinctBytes;
                Console.WriteLine($"{place}: {entry.Count} strings, {entry.Bytes / 1024} KB; {entry.Distinct.Count} distinct, {distinctBytes / 1024} KB");
            }

            Console.WriteLine($"{corpus}: {seen.Count} string objects, {total / 1024} KB; distinct over all places {all.Count}, {all.Sum(v => 22 + (2L * v.Length)) / 1024} KB");
            return 0;
        }

        /// <summary>
        /// Page reading alone (<c>PageReader.Read</c> on every page of a corpus, texts in memory, no driver), round by round
        /// in one process: the first round is what a fresh compiler pays (the JIT, the heap growing), the later ones the steady rate.
        /// </summary>
        private static int ReadPages(string corpus, int rounds)
        {
            var pages = SyntheticPages.ByName(corpus);
            SourceText[] texts = pages.Select(p => SourceText.From(p.Text)).ToArray();
            long bytes = pages.Sum(p => (long)Encoding.UTF8.GetByteCount(p.Text));
            var options = new SpecGen.Generator.Model.ReadOptions(SpecGen.Generator.Model.ReadOptions.DefaultMaxPageSize);
            for (int round = 0; round < rounds; round++)
            {
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
                TimeSpan paused = GC.GetTotalPauseDuration();
                long start = Stopwatch.GetTimestamp();
                int specs = 0;
                for (int i = 0; i < texts.Length; i++)
                {
                    specs += SpecGen.Generator.Pages.PageReader.Read("/pages/" + pages[i].RelativePath, texts[i], options, System.Threading.CancellationToken.None).Page?.Specs.Count ?? 0;
                }

                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                Console.WriteLine($"{corpus} round {round + 1}: {pages.Count} pages, {specs} specs in {ms:F0} ms ({bytes / 1e6 / (ms / 1000):F1} MB/s), allocated {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:F0} MB, {GC.CollectionCount(0) - gen0} GCs ({GC.CollectionCount(2) - gen2} of gen 2), GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms");
            }

            return 0;
        }

        /// <summary>
        /// The generator's live memory on a corpus: the heap with the page texts, then what the driver keeps after a run.
        /// With <c>--pause</c> the process then waits for a line on standard input, so that a heap dump can be taken
        /// (<c>dotnet-gcdump collect -p PID</c>).
        /// </summary>
        private static int GeneratorMemory(string corpus, bool pause)
        {
            var pages = SyntheticPages.ByName(corpus);
            long pageChars = pages.Sum(p => (long)p.Text.Length);
            Microsoft.CodeAnalysis.AdditionalText[] texts = pages.Select(p => (Microsoft.CodeAnalysis.AdditionalText)new MemoryAdditionalText("/pages/" + p.RelativePath, p.Text)).ToArray();
            long baseline = GC.GetTotalMemory(forceFullCollection: true);
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Consumer", references: new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            Microsoft.CodeAnalysis.GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
                new[] { Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(new SpecGen.Generator.SpecGenGenerator()) },
                texts,
                new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest),
                new TestOptionsProvider(new System.Collections.Generic.Dictionary<string, string> { ["RootNamespace"] = "Consumer" }));
            driver = driver.RunGenerators(compilation);
            var result = driver.GetRunResult();
            long generatedChars = result.GeneratedTrees.Sum(t => (long)t.Length);
            long afterRun = GC.GetTotalMemory(forceFullCollection: true);
            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine($"{corpus}: {pages.Count} pages, {pageChars} page chars; live heap with the page texts {baseline / 1024} KB; after the run, driver kept: {afterRun / 1024} KB ({(afterRun - baseline) / (double)pageChars:F1} bytes per page char); generated {generatedChars} chars in {result.GeneratedTrees.Length} files; peak working set {peak / 1024} KB");
            if (pause)
            {
                Console.WriteLine($"process {Environment.ProcessId} paused: take a heap dump, then press Enter");
                Console.ReadLine();
            }

            GC.KeepAlive(driver);
            GC.KeepAlive(texts);
            return 0;
        }

        /// <summary>
        /// Where a re-run's time goes: the driver runs the corpus once, then (six times each by default) after one page
        /// is edited and after a one-line C# edit; for the last of each, every tracked step's time and run reasons.
        /// With more edits than the default six, each kind's median over its later edits too: the driver's own code runs
        /// at the JIT's first tier until it has been called often enough, which a long-lived compiler server passes.
        /// </summary>
        private static int GeneratorSteps(string corpus, int edits)
        {
            var pages = SyntheticPages.ByName(corpus);
            Microsoft.CodeAnalysis.AdditionalText[] texts = pages.Select(p => (Microsoft.CodeAnalysis.AdditionalText)new MemoryAdditionalText("/pages/" + p.RelativePath, p.Text)).ToArray();
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Consumer", references: new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            Microsoft.CodeAnalysis.AdditionalText original = texts[texts.Length / 2];
            var edited = new MemoryAdditionalText(original.Path, original.GetText()!.ToString().Replace("\"size\": \"-\"", "\"size\": \"4096\"", StringComparison.Ordinal));
            // The floor of a page edit: a page whose text changes but whose model does not (the title's double quotes become single ones), so every step after the page's own read is reused.
            string text = original.GetText()!.ToString();
            int title = text.IndexOf("title: \"", StringComparison.Ordinal) + 7;
            int titleEnd = text.IndexOf('"', title + 1);
            var touched = new MemoryAdditionalText(original.Path, text.Substring(0, title) + "'" + text.Substring(title + 1, titleEnd - title - 1) + "'" + text.Substring(titleEnd + 1));
            Microsoft.CodeAnalysis.Compilation[] programs = new[] { "static class P { static void M() { } }", "static class P { static void M() { int x = 1; } }" }
                .Select(t => (Microsoft.CodeAnalysis.Compilation)compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(t))).ToArray();

            // Timed without step tracking (which records every step's inputs and outputs, 6,000 entries each), then once with it for the run reasons.
            foreach (bool tracked in new[] { false, true })
            {
                Microsoft.CodeAnalysis.GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
                    new[] { Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(new SpecGen.Generator.SpecGenGenerator()) },
                    texts,
                    new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest),
                    new TestOptionsProvider(new System.Collections.Generic.Dictionary<string, string> { ["RootNamespace"] = "Consumer" }),
                    new Microsoft.CodeAnalysis.GeneratorDriverOptions(Microsoft.CodeAnalysis.IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: tracked));
                string mode = tracked ? "tracked" : "untracked";
                long start = Stopwatch.GetTimestamp();
                driver = driver.RunGenerators(programs[0]);
                Console.WriteLine($"{corpus} ({mode}): first run {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms, {driver.GetRunResult().GeneratedTrees.Length} files");
                if (tracked)
                {
                    PrintSteps(driver);
                }
                // The compiler server's kept driver: every build hands it a new file object for every page (here new objects whose
                // texts are new copies of the same characters: the files' reading and UTF-8 decoding are not in these figures),
                // with SpecGen.stamps or without it.
                string stamps = SpecGen.Generator.Model.InputList.StampsHeader + "\n" + string.Concat(texts.Select(t => "2026-12-07 00:00:00.0000000|" + t.Path + "\n"));
                Microsoft.CodeAnalysis.AdditionalText[] ServerTexts(bool stamped) => texts
                    .Select(t => (Microsoft.CodeAnalysis.AdditionalText)new FreshText(t.Path, t.GetText()!.ToString()))
                    .Concat(stamped ? new Microsoft.CodeAnalysis.AdditionalText[] { new MemoryAdditionalText("/obj/" + SpecGen.Generator.Model.InputList.StampsFileName, stamps) } : Array.Empty<Microsoft.CodeAnalysis.AdditionalText>())
                    .ToArray();
                // The server's kinds untracked only: in a tracked driver (Microsoft.CodeAnalysis 4.14 and 5.9) a run after the number of
                // files changed and then every file object was renewed came back with no pages at all (no catalog). A ten-line generator
                // (additional texts, Select, Combine with one value from ParseOptionsProvider, Collect) does the same: Roslyn's tracked mode.
                foreach (string kind in tracked ? new[] { "page edit", "page touch", "C# edit" } : new[] { "page edit", "page touch", "C# edit", "server C# edit, no stamps", "server C# edit, stamps" })
                {
                    var times = new List<double>();
                    int[] collections = { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
                    for (int i = 0; i < (tracked ? 2 : edits); i++)
                    {
                        start = Stopwatch.GetTimestamp();
                        if (kind == "page edit")
                        {
                            driver = i % 2 == 0 ? driver.ReplaceAdditionalText(original, edited).RunGenerators(programs[0]) : driver.ReplaceAdditionalText(edited, original).RunGenerators(programs[0]);
                        }
                        else if (kind == "page touch")
                        {
                            driver = i % 2 == 0 ? driver.ReplaceAdditionalText(original, touched).RunGenerators(programs[0]) : driver.ReplaceAdditionalText(touched, original).RunGenerators(programs[0]);
                        }
                        else if (kind.StartsWith("server", StringComparison.Ordinal))
                        {
                            driver = driver.ReplaceAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create(ServerTexts(stamped: kind.EndsWith(", stamps", StringComparison.Ordinal)))).RunGenerators(programs[(i + 1) % 2]);
                        }
                        else
                        {
                            driver = driver.RunGenerators(programs[(i + 1) % 2]);
                        }

                        times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        Console.WriteLine($"{kind} {i + 1} ({mode}): {times[i]:F1} ms, {driver.GetRunResult().GeneratedTrees.Length} files");
                    }

                    if (!tracked && edits > 6)
                    {
                        List<double> later = times.Skip(edits / 2).OrderBy(t => t).ToList();
                        Console.WriteLine($"{kind} ({mode}): median of edits {edits / 2 + 1}-{edits} {later[later.Count / 2]:F1} ms"
                            + $" (collections during the {edits} edits, gen 0/1/2: {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]})");
                    }

                    if (tracked)
                    {
                        PrintSteps(driver);
                    }

                    // An odd number of edits or touches leaves the changed page in place; the next kind starts from the original
                    // (after the figures above, so they count only the edits).
                    if (times.Count % 2 == 1 && (kind == "page edit" || kind == "page touch"))
                    {
                        driver = driver.ReplaceAdditionalText(kind == "page edit" ? edited : touched, original).RunGenerators(programs[0]);
                    }
                }
            }

            return 0;
        }

        /// <summary>Each tracked step of the driver's last run: its time summed over its entries, and its outputs' run reasons.</summary>
        private static void PrintSteps(Microsoft.CodeAnalysis.GeneratorDriver driver)
        {
            foreach (var step in driver.GetRunResult().Results.Single().TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                double ms = step.Value.Sum(r => r.ElapsedTime.TotalMilliseconds);
                string reasons = string.Join(",", step.Value.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).Select(g => g.Key + "x" + g.Count()));
                Console.WriteLine($"  {step.Key}: {ms:F1} ms ({reasons})");
            }
        }

        private static string FirstHash(string page)
        {
            int at = page.IndexOf("\"hash\": \"", StringComparison.Ordinal) + 9;
            return page.Substring(at, 32);
        }

        /// <summary>A file object as the compiler server makes one per build: its text made anew (a copy of the characters, as a file's decoding makes) when asked for.</summary>
        private sealed class FreshText : Microsoft.CodeAnalysis.AdditionalText
        {
            private readonly string _content;

            public FreshText(string path, string content)
            {
                Path = path;
                _content = content;
            }

            public override string Path { get; }

            public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default)
                => Microsoft.CodeAnalysis.Text.SourceText.From(new string(_content.AsSpan()), System.Text.Encoding.UTF8);
        }
    }
}
