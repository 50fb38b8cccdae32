extern alias Generator;

using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Generator::SpecGen.Generator;
using Generator::SpecGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Scale;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// The list SpecGen.targets writes (SpecGen.inputs) decides which additional files are pages and lockfiles, with no
    /// item metadata: a listed file is read, an unlisted one never is; paths are taken whole, whatever characters they
    /// hold; a file of that name without the header lists nothing; an equal list from a new text reruns no page step.
    /// </summary>
    public class InputListTests
    {
        private static readonly TestPage Gast = TestPaths.CorpusPage("develop-2025-04-20", "py-gast");
        private static readonly TestPage Zlib = TestPaths.CorpusPage("develop-2025-04-20", "zlib");

        [Theory]
        [InlineData("/p/obj/Release/net10.0/SpecGen.inputs", true)]
        [InlineData("SpecGen.inputs", true)]
        [InlineData("C:\\p\\obj\\specgen.INPUTS", true)]
        [InlineData("/p/obj/SpecGen.inputs.bak", false)]
        [InlineData("/p/obj/MySpecGen.inputs", false)]
        [InlineData("/p/SpecGen.inputs/specs.md", false)]
        public void A_list_is_known_by_its_file_name(string path, bool isList)
        {
            Assert.Equal(isList, InputList.IsListFile(path));
        }

        [Fact]
        public void Each_line_names_a_page_or_a_lockfile_with_its_whole_path()
        {
            string text = InputList.Header + "\r\n"
                + "page /home/u/C# work;1/pages/tag/cmake/specs.md\r\n"
                + "page C:\\pages\\tag\\zlib\\specs.md\n"
                + "lockfile /env/spack.lock\n"
                + "unknown /x\n"
                + "\n"
                + "page  /two spaces.md\n";
            InputList list = InputList.From(new[] { SourceText.From(text) });

            Assert.Equal(new[] { " /two spaces.md", "/home/u/C# work;1/pages/tag/cmake/specs.md", "C:/pages/tag/zlib/specs.md" }, list.Pages);
            Assert.Equal(new[] { "/env/spack.lock" }, list.Lockfiles);
            Assert.True(list.IsPage("/home/u/C# work;1/pages/tag/cmake/specs.md"));
            Assert.True(list.IsPage("C:\\pages\\tag\\zlib\\specs.md"));
            Assert.True(list.IsPage("C:/pages/tag/zlib/specs.md"));
            Assert.False(list.IsPage("/home/u/C# work;1/pages/tag/cmake/specs.md.bak"));
            Assert.False(list.IsPage("/env/spack.lock"));
            Assert.True(list.IsLockfile("/env/spack.lock"));
            Assert.False(list.IsLockfile("/x"));
        }

        [Fact]
        public void A_text_without_the_header_lists_nothing_and_lists_merge()
        {
            Assert.Same(InputList.Empty, InputList.From(new[] { SourceText.From("page /a/specs.md\n") }));
            Assert.Same(InputList.Empty, InputList.From(new SourceText?[] { null, SourceText.From(string.Empty) }));
            InputList both = InputList.From(new[] { SourceText.From(InputList.Header + "\npage /b\n"), SourceText.From(InputList.Header + "\npage /a\npage /b\n") });
            Assert.Equal(new[] { "/a", "/b" }, both.Pages);
            Assert.Equal(InputList.From(new[] { SourceText.From(InputList.Header + "\npage /a\npage /b\n") }), both);
            Assert.NotEqual(InputList.From(new[] { SourceText.From(InputList.Header + "\npage /a\n") }), both);
        }

        [Fact]
        public void The_generator_reads_the_listed_files_and_no_other()
        {
            AdditionalText[] texts =
            {
                new MemoryAdditionalText(Gast.Path, Gast.Text),
                new MemoryAdditionalText(Zlib.Path, Zlib.Text),
                new MemoryAdditionalText("/obj/" + InputList.FileName, GeneratorHarness.InputListText(new[] { Gast.Path }, Array.Empty<string>())),
            };

            GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(texts, isPage: _ => false), GeneratorHarness.NewCompilation());
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(output.Compilation);

            Assert.Empty(output.Errors);
            Assert.Equal(new[] { "py-gast" }, catalog.Packages.ToArray());
            GeneratorRunResult result = output.Driver.GetRunResult().Results.Single();
            Assert.Single(result.TrackedSteps[PipelineSteps.PageTexts].SelectMany(s => s.Outputs));
        }

        [Fact]
        public void Without_the_header_the_generator_reads_nothing()
        {
            AdditionalText[] texts =
            {
                new MemoryAdditionalText(Gast.Path, Gast.Text),
                new MemoryAdditionalText("/obj/" + InputList.FileName, "page " + Gast.Path + "\n"),
            };

            GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(texts, isPage: _ => false), GeneratorHarness.NewCompilation());
            Assert.Empty(output.Sources);
        }

        [Fact]
        public void An_equal_list_in_a_new_text_reruns_no_page_step()
        {
            string list = GeneratorHarness.InputListText(new[] { Gast.Path, Zlib.Path }, Array.Empty<string>());
            AdditionalText[] Texts() => new AdditionalText[]
            {
                new MemoryAdditionalText(Gast.Path, Gast.Text),
                new MemoryAdditionalText(Zlib.Path, Zlib.Text),
                new MemoryAdditionalText("/obj/" + InputList.FileName, list),
            };

            Compilation compilation = GeneratorHarness.NewCompilation();
            GeneratorDriver driver = GeneratorHarness.CreateDriver(Texts(), isPage: _ => false).RunGenerators(compilation);
            driver = driver.ReplaceAdditionalTexts(ImmutableArray.Create(Texts())).RunGenerators(compilation);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            Assert.All(result.TrackedSteps[PipelineSteps.InputList].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
            var pages = result.TrackedSteps[PipelineSteps.PageResults].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
            Assert.Equal(2, pages.Length);
            Assert.All(pages, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }
    }
}
