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
        [InlineData("/p/obj/Release/net10.0/SpecGen.stamps", true)]
        [InlineData("C:\\p\\obj\\SPECGEN.STAMPS", true)]
        [InlineData("/p/obj/SpecGen.stamps.old", false)]
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
    
        [Fact]
        public void Stamps_are_read_whole_from_their_own_file_and_count_in_equality()
        {
            string stamps = InputList.StampsHeader + "\r\n"
                + "2026-12-07 01:10:03.4430643|/home/u/C# work;1|x/pages/tag/cmake/specs.md\r\n"
                + "2026-12-07 01:10:04.0000000|C:\\pages\\tag\\zlib\\specs.md\n"
                + "no bar here\n"
                + "|/no/stamp.md\n"
                + "2026-12-07 01:10:05.0000000|\n";
            string list = GeneratorHarness.InputListText(new[] { "/home/u/C# work;1|x/pages/tag/cmake/specs.md", "C:\\pages\\tag\\zlib\\specs.md" }, Array.Empty<string>());
            InputList both = InputList.From(new[] { SourceText.From(list), SourceText.From(stamps) });

            Assert.Equal("2026-12-07 01:10:03.4430643", both.StampOf("/home/u/C# work;1|x/pages/tag/cmake/specs.md"));
            Assert.Equal("2026-12-07 01:10:04.0000000", both.StampOf("C:/pages/tag/zlib/specs.md"));
            Assert.Null(both.StampOf("/no/stamp.md"));
            Assert.Equal(2, both.Stamps.Count);
            Assert.Equal(2, both.Pages.Count);

            // The list alone (a design-time build) has no stamps and is not equal; a new stamp makes a list unequal.
            InputList listOnly = InputList.From(new[] { SourceText.From(list) });
            Assert.Null(listOnly.StampOf("C:/pages/tag/zlib/specs.md"));
            Assert.NotEqual(listOnly, both);
            Assert.Equal(both, InputList.From(new[] { SourceText.From(stamps), SourceText.From(list) }));
            Assert.NotEqual(both, InputList.From(new[] { SourceText.From(list), SourceText.From(stamps.Replace("01:10:04.0000000", "01:10:04.0000001")) }));

            // Stamps under the list's header are not stamps, and a stamps file's lines are not pages.
            Assert.Null(InputList.From(new[] { SourceText.From(InputList.Header + "\n2026-12-07 01:10:04.0000000|/a/specs.md\n") }).StampOf("/a/specs.md"));
            Assert.Empty(InputList.From(new[] { SourceText.From(InputList.StampsHeader + "\npage /a/specs.md\n") }).Pages);
        }

        [Fact]
        public void A_kept_driver_given_new_files_reads_only_pages_whose_stamp_changed()
        {
            string list = GeneratorHarness.InputListText(new[] { Gast.Path, Zlib.Path }, Array.Empty<string>());
            var reads = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            string zlibText = Zlib.Text;
            string zlibStamp = "2026-12-07 01:00:00.0000000";
            AdditionalText[] Texts(bool stamped) => new AdditionalText[]
            {
                new CountingText(Gast.Path, Gast.Text, reads),
                new CountingText(Zlib.Path, zlibText, reads),
                new MemoryAdditionalText("/obj/" + InputList.FileName, list),
            }.Concat(stamped
                ? new AdditionalText[] { new MemoryAdditionalText("/obj/" + InputList.StampsFileName, InputList.StampsHeader + "\n2026-12-07 00:00:00.0000000|" + Gast.Path + "\n" + zlibStamp + "|" + Zlib.Path + "\n") }
                : Array.Empty<AdditionalText>()).ToArray();

            Compilation compilation = GeneratorHarness.NewCompilation();
            GeneratorDriver driver = GeneratorHarness.CreateDriver(Texts(stamped: true), isPage: _ => false).RunGenerators(compilation);
            Assert.Equal(2, reads.Count);

            // A C# edit in the compiler server: new file objects, the same stamps: no page is read.
            reads.Clear();
            driver = driver.ReplaceAdditionalTexts(ImmutableArray.Create(Texts(stamped: true))).RunGenerators(GeneratorHarness.NewCompilation(sources: "class Edited { }"));
            Assert.Empty(reads);
            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            Assert.All(result.TrackedSteps[PipelineSteps.PageTexts].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

            // One page edited: a new stamp, and only that page is read; the catalog has its new text.
            reads.Clear();
            zlibText = Zlib.Text.Replace("1.3.1", "1.3.2");
            Assert.NotEqual(Zlib.Text, zlibText);
            zlibStamp = "2026-12-07 01:00:01.0000000";
            GeneratorOutput edited = GeneratorHarness.Run(driver.ReplaceAdditionalTexts(ImmutableArray.Create(Texts(stamped: true))), GeneratorHarness.NewCompilation());
            Assert.Equal(new[] { Zlib.Path }, reads.Keys.ToArray());
            Assert.Contains("1.3.2", GeneratorHarness.LoadCatalog(edited.Compilation).Where(package: "zlib").ToArray().Select(s => s.Version.ToString()));

            // Without stamps (an IDE's compilation) new file objects are read again, and compared by content.
            reads.Clear();
            driver = edited.Driver.ReplaceAdditionalTexts(ImmutableArray.Create(Texts(stamped: false))).RunGenerators(GeneratorHarness.NewCompilation());
            Assert.Equal(2, reads.Count);
        }

        /// <summary>An additional file in memory that counts how often its text is taken.</summary>
        private sealed class CountingText : AdditionalText
        {
            private readonly SourceText _text;
            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _reads;

            public CountingText(string path, string text, System.Collections.Concurrent.ConcurrentDictionary<string, int> reads)
            {
                Path = path;
                _text = SourceText.From(text);
                _reads = reads;
            }

            public override string Path { get; }

            public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default)
            {
                _reads.AddOrUpdate(Path, 1, (_, n) => n + 1);
                return _text;
            }
        }
    }
}
