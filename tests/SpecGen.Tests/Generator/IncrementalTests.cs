extern alias Generator;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Generator::SpecGen.Generator;
using SpecGen.Scale;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    public class IncrementalTests
    {
        private static readonly TestPage[] Pages =
        {
            TestPaths.CorpusPage("develop-2025-04-20", "py-gast"),
            TestPaths.CorpusPage("develop-2025-04-20", "zlib"),
            TestPaths.CorpusPage("v0.22.0", "bc"),
        };

        private readonly AdditionalText[] _texts = Pages.Select(p => (AdditionalText)new MemoryAdditionalText(p.Path, p.Text)).ToArray();

        [Fact]
        public void Editing_one_page_reruns_only_that_page()
        {
            (GeneratorDriver driver, Compilation compilation) = FirstRun();
            string edited = Pages[1].Text.Replace("\"size\": \"-\"", "\"size\": \"1234\"");
            Assert.NotEqual(Pages[1].Text, edited);

            driver = driver.ReplaceAdditionalText(_texts[1], new MemoryAdditionalText(Pages[1].Path, edited)).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            IncrementalStepRunReason[] pages = Reasons(result, PipelineSteps.PageResults);
            Assert.Equal(3, pages.Length);
            Assert.Equal(IncrementalStepRunReason.Modified, pages[1]);
            Assert.True(IsReused(pages[0]) && IsReused(pages[2]), string.Join(", ", pages));
            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, PipelineSteps.CatalogData).Single());

            // Only data changed: the API source (constants and docs) is not emitted again.
            Assert.True(IsReused(Reasons(result, PipelineSteps.ApiSource).Single()));
            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, PipelineSteps.DataSource).Single());
            Assert.Contains(IncrementalStepRunReason.Modified, result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason));
        }

        /// <summary>
        /// The compiler server keeps a driver between builds (the <c>enable-generator-cache</c> feature SpecGen.props sets)
        /// and hands it a new AdditionalText for every file on every build: unchanged pages must not be read again.
        /// </summary>
        [Fact]
        public void New_file_objects_for_unchanged_pages_read_only_the_edited_page_again()
        {
            (GeneratorDriver driver, Compilation compilation) = FirstRun();
            AdditionalText[] fresh = Pages.Select(p => (AdditionalText)new MemoryAdditionalText(p.Path, p.Text)).ToArray();
            fresh[1] = new MemoryAdditionalText(Pages[1].Path, Pages[1].Text.Replace("\"size\": \"-\"", "\"size\": \"1234\"", StringComparison.Ordinal));

            driver = driver.ReplaceAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create(fresh)).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            Assert.Equal(new[] { IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged }, Reasons(result, PipelineSteps.PageTexts));
            IncrementalStepRunReason[] pages = Reasons(result, PipelineSteps.PageResults);
            Assert.Equal(IncrementalStepRunReason.Modified, pages[1]);
            Assert.True(IsReused(pages[0]) && IsReused(pages[2]), string.Join(", ", pages));

            // The same files again: nothing is read, nothing is emitted.
            fresh = fresh.Select(t => (AdditionalText)new MemoryAdditionalText(t.Path, t.GetText()!.ToString())).ToArray();
            driver = driver.ReplaceAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create(fresh)).RunGenerators(compilation);
            result = driver.GetRunResult().Results.Single();
            Assert.All(Reasons(result, PipelineSteps.PageResults), r => Assert.True(IsReused(r), r.ToString()));
            Assert.True(IsReused(Reasons(result, PipelineSteps.DataSource).Single()));
        }

        [Fact]
        public void Moving_text_without_changing_data_emits_no_new_source()
        {
            (GeneratorDriver driver, Compilation compilation) = FirstRun();
            string moved = Pages[0].Text.Replace("title: \"py-gast\"", "title:    \"py-gast\"");

            driver = driver.ReplaceAdditionalText(_texts[0], new MemoryAdditionalText(Pages[0].Path, moved)).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, PipelineSteps.PageResults)[0]);
            Assert.True(IsReused(Reasons(result, PipelineSteps.CatalogData).Single()));
            // The source output's input (catalog data, emit options) is reused, so no source is emitted again.
            Assert.True(IsReused(Reasons(result, PipelineSteps.DataSource).Single()));
        }

        [Fact]
        public void A_second_run_with_nothing_changed_is_all_cached()
        {
            (GeneratorDriver driver, Compilation compilation) = FirstRun();

            driver = driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Unrelated {}")));
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            Assert.All(Reasons(result, PipelineSteps.PageResults), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
            Assert.All(Reasons(result, PipelineSteps.CatalogData), r => Assert.True(IsReused(r)));
        }

        /// <summary>
        /// The edit a developer makes all day, a line of C#: no page is read again, no catalog step runs on new input,
        /// and no source is emitted again (the only step that runs is the severities', which reads the compilation's
        /// options and finds them unchanged).
        /// </summary>
        [Fact]
        public void A_csharp_edit_reruns_no_page_step_and_emits_no_source()
        {
            Compilation before = GeneratorHarness.NewCompilation("Consumer", "static class Program { static int Main() => 0; }");
            GeneratorDriver driver = GeneratorHarness.CreateDriver(_texts).RunGenerators(before);
            SyntaxTree program = before.SyntaxTrees.Single();
            Compilation after = before.ReplaceSyntaxTree(program, program.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("static class Program { static int Main() => 1; }")));

            driver = driver.RunGenerators(after);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            foreach (string step in new[] { PipelineSteps.PageFiles, PipelineSteps.PageResults, PipelineSteps.HasPages, PipelineSteps.Settings, PipelineSteps.ReadOptions, PipelineSteps.EmitOptions })
            {
                Assert.All(Reasons(result, step), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
            }

            Assert.All(Reasons(result, PipelineSteps.Severities), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
            foreach (string step in new[] { PipelineSteps.CatalogPages, PipelineSteps.Catalog, PipelineSteps.CatalogData, PipelineSteps.ApiModel, PipelineSteps.ApiSource, PipelineSteps.DataSource, PipelineSteps.PageDiagnostics })
            {
                IncrementalStepRunReason[] reasons = Reasons(result, step);
                Assert.NotEmpty(reasons);
                Assert.All(reasons, r => Assert.True(IsReused(r), step + ": " + r));
            }

            Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);
        }

        [Fact]
        public void Editing_a_lockfile_reruns_no_page_step()
        {
            (GeneratorDriver driver, Compilation compilation, AdditionalText lockText, string json) = FirstRunWithLockfile();
            string edited = json.Replace("\"version\":\"1.3.1\"", "\"version\":\"1.3.2\"", StringComparison.Ordinal);
            Assert.NotEqual(json, edited);

            driver = driver.ReplaceAdditionalText(lockText, new MemoryAdditionalText(lockText.Path, edited)).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            Assert.All(Reasons(result, PipelineSteps.PageResults), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
            Assert.All(Reasons(result, PipelineSteps.CatalogPages), r => Assert.True(IsReused(r)));
            Assert.True(IsReused(Reasons(result, PipelineSteps.Catalog).Single()));
            Assert.True(IsReused(Reasons(result, PipelineSteps.CatalogData).Single()));
            Assert.True(IsReused(Reasons(result, PipelineSteps.ApiSource).Single()));
            Assert.True(IsReused(Reasons(result, PipelineSteps.DataSource).Single()));
            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, PipelineSteps.Lockfiles).Single());
            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, PipelineSteps.Coverage).Single());
        }

        [Fact]
        public void Editing_a_page_checks_the_lockfile_again_without_reading_it_again()
        {
            (GeneratorDriver driver, Compilation compilation, _, _) = FirstRunWithLockfile();
            string edited = Pages[1].Text.Replace("\"size\": \"-\"", "\"size\": \"1234\"");

            driver = driver.ReplaceAdditionalText(_texts[1], new MemoryAdditionalText(Pages[1].Path, edited)).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            Assert.Equal(IncrementalStepRunReason.Cached, Reasons(result, PipelineSteps.Lockfiles).Single());
            Assert.Equal(IncrementalStepRunReason.Modified, Reasons(result, PipelineSteps.CatalogData).Single());
            Assert.True(Reasons(result, PipelineSteps.Coverage).Single() is IncrementalStepRunReason.Modified or IncrementalStepRunReason.Unchanged);
        }

        [Fact]
        public void A_second_run_with_a_lockfile_and_nothing_changed_is_all_cached()
        {
            (GeneratorDriver driver, Compilation compilation, _, _) = FirstRunWithLockfile();

            driver = driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Unrelated {}")));
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            Assert.Equal(IncrementalStepRunReason.Cached, Reasons(result, PipelineSteps.Lockfiles).Single());
            Assert.True(IsReused(Reasons(result, PipelineSteps.Coverage).Single()));
        }

        /// <summary>The pages and a lockfile of zlib's binaries, one of them changed (so SPG0026 is reported).</summary>
        private (GeneratorDriver, Compilation, AdditionalText, string) FirstRunWithLockfile()
        {
            OracleSpec[] zlib = PageOracle.Read(Pages[1].Text).ToArray();
            var lockfile = new SyntheticLockfile(version: 4);
            lockfile.Add(zlib[0]);
            lockfile.Add(zlib[1] with { Os = "centos4" }, lockfile.NewKey());
            string json = lockfile.Json();
            var lockText = new MemoryAdditionalText("/env/spack.lock", json);
            Compilation compilation = GeneratorHarness.NewCompilation();
            GeneratorDriver driver = GeneratorHarness.CreateDriver(_texts.Append(lockText)).RunGenerators(compilation);
            Assert.Single(driver.GetRunResult().Diagnostics, d => d.Id == "SPG0026");
            return (driver, compilation, lockText, json);
        }

        /// <summary>Cached (not run) or Unchanged (run, same value): either way nothing downstream runs again.</summary>
        private static bool IsReused(IncrementalStepRunReason reason) => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

        private (GeneratorDriver, Compilation) FirstRun()
        {
            Compilation compilation = GeneratorHarness.NewCompilation();
            GeneratorDriver driver = GeneratorHarness.CreateDriver(_texts).RunGenerators(compilation);
            return (driver, compilation);
        }

        private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step)
        {
            return result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        }
    }
}
