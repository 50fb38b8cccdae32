extern alias Generator;

using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Infrastructure.PageEdit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>One test (or more) per diagnostic ID: the page that triggers it, the exact place, and a near miss that doesn't.</summary>
    public class DiagnosticTests
    {
        private static TestPage Edit(string find, string replacement, int occurrence = 0)
        {
            return Zlib with { Text = Replace(Zlib.Text, find, replacement, occurrence) };
        }

        private static SpecCatalog CatalogOf(params TestPage[] pages) => GeneratorHarness.CompileCatalog(pages);

        [Fact]
        public void The_unedited_page_has_no_diagnostics()
        {
            Assert.Empty(GeneratorHarness.Run(new[] { Zlib }).Diagnostics);
        }

        [Theory]
        [InlineData("# Title\n\nJust markdown.", "# Title")]
        [InlineData("---\ntitle: \"zlib\"\nlayout: cache\n", "---")]
        [InlineData("", "")]
        [InlineData("title: \"zlib\"\n---\n", "title: \"zlib\"")]
        public void SPG0001_text_without_front_matter(string text, string firstLine)
        {
            var page = TestPage.Create("v1", "zlib", text);
            Diagnostic d = AssertSingleAt("SPG0001", page, firstLine);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        }

        [Fact]
        public void SPG0001_not_reported_for_a_markdown_body_after_the_front_matter()
        {
            var page = Zlib with { Text = Zlib.Text + "\n\n# Notes\n\nSome *markdown* body: [x]: y\n---\nmore" };
            Assert.Empty(GeneratorHarness.Run(new[] { page }).Diagnostics);
            Assert.Equal(3, CatalogOf(page).Count);
        }

        [Fact]
        public void SPG0001_a_file_that_cannot_be_read()
        {
            GeneratorOutput output = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new AdditionalText[] { new UnreadableText("/pages/v1/gone/specs.md", null), new UnreadableText("/pages/v1/locked/specs.md", new System.IO.IOException("Permission denied")) }),
                GeneratorHarness.NewCompilation());

            Assert.Equal(
                new[] { "/pages/v1/gone/specs.md: Not a cache page: the file could not be read", "/pages/v1/locked/specs.md: Not a cache page: the file could not be read: Permission denied" },
                output.Diagnostics.Select(d => d.Location.GetLineSpan().Path + ": " + d.GetMessage()).ToArray());
            Assert.All(output.Diagnostics, d => Assert.Equal("SPG0001", d.Id));
            Assert.Empty(GeneratorHarness.LoadCatalog(output.Compilation));
        }

        [Fact]
        public void SPG0000_an_unexpected_exception_is_reported_at_the_page_never_thrown()
        {
            var text = new ThrowingText(Zlib.Text);
            GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new AdditionalText[] { new global::SpecGen.Scale.MemoryAdditionalText(Zlib.Path, text) }), GeneratorHarness.NewCompilation());

            Diagnostic d = Assert.Single(output.Diagnostics);
            Assert.Equal("SPG0000", d.Id);
            Assert.Equal(Zlib.Path, d.Location.GetLineSpan().Path);
            Assert.Equal("SpecGen could not process this page: InvalidOperationException: the text broke", d.GetMessage());
            Assert.Empty(GeneratorHarness.LoadCatalog(output.Compilation));
        }

        [Fact]
        public void SPG0002_yaml_syntax_error_at_the_parser_position()
        {
            TestPage page = Edit("layout: cache", "layout: [cache");
            Diagnostic d = AssertSingleAt("SPG0002", page, "[");
            Assert.Equal("YAML syntax error: this list is never closed: the front matter ends before its ']'", d.GetMessage());
        }

        /// <summary>What YAML forbids and YamlDotNet alone would let through, each reported where it is.</summary>
        [Theory]
        [InlineData("\"versions\": [\"1.3.1\"]}", "\"versions\": [\"1.3.1\"] x}", "x", "did not find the expected ',' or ':' before this item of a flow list or mapping")]
        [InlineData("\"os\": \"sequoia\"", "\"os\" \"sequoia\"", "\"sequoia\"", "did not find the expected ',' or ':' before this item of a flow list or mapping")]
        [InlineData("\"os\": \"sequoia\"", "\"os\"\n: \"sequoia\"", "\"sequoia\"", "did not find the expected ',' or ':' before this item of a flow list or mapping")]
        [InlineData("\"os\": \"sequoia\", ", "\"os\": \"sequoia\", : \"sequoia\", ", " \"sequoia\"", "did not find the expected value here")]
        [InlineData("\"size\": \"-\"", "\"size\": \"-\"\u0004", "\u0004", "the page holds the character U+0004, which YAML does not allow (write it as an escape inside a double-quoted string)")]
        public void SPG0002_what_yaml_forbids_is_refused_at_its_place(string find, string replacement, string token, string message)
        {
            TestPage page = Edit(find, replacement);
            int at = IndexOf(page.Text, replacement) + replacement.LastIndexOf(token, System.StringComparison.Ordinal);
            int occurrence = 0;
            for (int i = page.Text.IndexOf(token, System.StringComparison.Ordinal); i >= 0 && i < at; i = page.Text.IndexOf(token, i + 1, System.StringComparison.Ordinal))
            {
                occurrence++;
            }

            Diagnostic d = AssertSingleAt("SPG0002", page, token, occurrence);
            Assert.Equal("YAML syntax error: " + message, d.GetMessage());
        }

        [Fact]
        public void SPG0002_a_tab_indented_block_mapping()
        {
            TestPage page = Zlib with { Text = "---\ntitle: zlib\nmeta:\n\tnum_specs: 1\n---" };
            Diagnostic d = Assert.Single(Find("SPG0002", page));
            Assert.Equal((4, 1, 4, 2), SpanOf(d.Location));
        }

        [Fact]
        public void SPG0003_missing_top_level_key_at_the_opening_line()
        {
            TestPage page = Edit("title: \"zlib\"\n", string.Empty);
            Diagnostic d = AssertSingleAt("SPG0003", page, "---");
            Assert.Contains("'title'", d.GetMessage());
        }

        [Fact]
        public void SPG0003_missing_meta_key_at_the_meta_key()
        {
            TestPage page = Edit("\"num_specs\": 3, ", string.Empty);
            Diagnostic d = AssertSingleAt("SPG0003", page, "meta");
            Assert.Equal("Required key 'num_specs' is missing from meta", d.GetMessage());
        }

        [Fact]
        public void SPG0003_missing_spec_key_at_the_spec()
        {
            TestPage page = Edit("\"os\": \"sequoia\", ", string.Empty);
            int start = IndexOf(page.Text, "{\"compiler\": \"apple-clang");
            int end = page.Text.IndexOf('}', start) + 1;
            Diagnostic d = AssertSingleAt("SPG0003", page, page.Text.Substring(start, end - start));
            Assert.Equal("Required key 'os' is missing from spec_details[1]", d.GetMessage());
        }

        [Fact]
        public void SPG0003_categories_without_a_tag()
        {
            TestPage page = Edit("categories: [package, develop-2025-04-20]", "categories: [package]");
            Diagnostic d = AssertSingleAt("SPG0003", page, "[package]");
            Assert.Equal("Required key 'categories[1]' is missing (the snapshot tag, as in 'categories: [package, develop-2025-04-20]')", d.GetMessage());
        }

        [Fact]
        public void SPG0004_categories_with_two_tags()
        {
            TestPage page = Edit("categories: [package, develop-2025-04-20]", "categories: [package, develop-2025-04-20, v0.23.1]");
            Diagnostic d = AssertSingleAt("SPG0004", page, "[package, develop-2025-04-20, v0.23.1]");
            Assert.StartsWith("categories must be '[package, <tag>]' with one snapshot tag, not a list", d.GetMessage());
        }

        [Fact]
        public void SPG0003_not_reported_for_a_missing_tarball()
        {
            Assert.DoesNotContain("tarball", Zlib.Text);
            Assert.Empty(GeneratorHarness.Run(new[] { Zlib }).Diagnostics);
            SpecCatalog catalog = CatalogOf(Zlib);
            Assert.Equal(3, catalog.Count);
            Assert.All(catalog, s => Assert.Null(s.Tarball));
        }

        [Theory]
        [InlineData("\"num_specs\": 3", "\"num_specs\": \"3\"", "\"3\"")]
        [InlineData("\"num_specs\": 3", "\"num_specs\": 3.5", "3.5")]
        [InlineData("\"num_specs\": 3", "\"num_specs\": -3", "-3")]
        [InlineData("\"os\": \"sequoia\"", "\"os\": [\"sequoia\"]", "[\"sequoia\"]")]
        [InlineData("\"stacks\": [\"developer-tools-darwin\", \"root\"]", "\"stacks\": \"root\"", "\"root\"")]
        [InlineData("\"e4s\": 1,", "\"e4s\": [1],", "[1]")]
        [InlineData("\"platform\": \"darwin\"", "\"platform\": null", "null")]
        [InlineData("\"platform\": \"darwin\"", "\"platform\": {\"a\": 1}", "{\"a\": 1}")]
        public void SPG0004_value_of_the_wrong_shape(string find, string replacement, string token)
        {
            TestPage page = Edit(find, replacement);
            Diagnostic d = AssertSingleIn("SPG0004", page, replacement, token);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        }

        [Fact]
        public void A_lone_surrogate_escape_is_a_yaml_error()
        {
            TestPage page = Edit("\"size\": \"-\"", "\"size\": \"\\ud800\"");
            Diagnostic d = Assert.Single(Find("SPG0002", page));
            Assert.Equal(SpanOf(page.Text, "\"\\ud800\"").Line, SpanOf(d.Location).Line);
        }

        [Fact]
        public async Task SPG0005_unknown_keys_warn_and_the_page_still_counts()
        {
            TestPage page = Edit("\"os\": \"sequoia\"", "\"os\": \"sequoia\", \"color\": \"red\"");
            page = page with { Text = Replace(page.Text, "layout: cache", "layout: cache\npermalink: /x/") };
            var permalink = SpanOf(page.Text, "permalink");
            var color = SpanOf(page.Text, "\"color\"");

            await GeneratorHarness.Verify(page).DiagnosticsOnly()
                .Expect(new DiagnosticResult("SPG0005", DiagnosticSeverity.Warning).WithSpan(page.Path, permalink.Line, permalink.Column, permalink.EndLine, permalink.EndColumn).WithArguments("permalink", string.Empty))
                .Expect(new DiagnosticResult("SPG0005", DiagnosticSeverity.Warning).WithSpan(page.Path, color.Line, color.Column, color.EndLine, color.EndColumn).WithArguments("color", " in spec_details[1]"))
                .RunAsync();
            Assert.Equal(3, CatalogOf(page).Count);
        }

        [Fact]
        public async Task SPG0024_a_target_archspec_does_not_know_warns_once_and_the_specs_stay()
        {
            TestPage page = PageEdit.Zlib with { Text = PageEdit.Zlib.Text.Replace("x86_64_v3", "zen9", System.StringComparison.Ordinal) };
            var first = SpanOf(page.Text, "\"zen9\"", 1);

            await GeneratorHarness.Verify(page).DiagnosticsOnly()
                .Expect(new DiagnosticResult("SPG0024", DiagnosticSeverity.Warning).WithSpan(page.Path, first.Line, first.Column, first.EndLine, first.EndColumn).WithArguments("zen9"))
                .RunAsync();
            SpecCatalog catalog = CatalogOf(page);
            Assert.Equal(3, catalog.Count);
            Assert.Equal(2, catalog.Query("target=zen9").Count());
            Assert.Equal(2, catalog.Where(target: "zen9").Count());
            Assert.Equal(0, catalog.Query("target=x86_64:").Count());
            Assert.Equal(3, catalog.Query("target=:").Count());
            Assert.Empty(catalog.All.RunnableOn(Microarchitecture.Parse("zen5")));

            // The constant's doc comment says so too (IntelliSense), where a known target's names its place in the graph.
            string? source = GeneratorHarness.Run(new[] { page }).Source;
            Assert.Contains("/// <summary>Target zen9: 2 specs of 1 package in 1 snapshot tag (develop-2025-04-20). archspec does not know this target (SPG0024).</summary>", source, System.StringComparison.Ordinal);
        }

        [Fact]
        public async Task SPG0024_not_reported_for_targets_archspec_knows()
        {
            TestPage page = PageEdit.Zlib with { Text = PageEdit.Zlib.Text.Replace("x86_64_v3", "zen3", System.StringComparison.Ordinal) };

            await GeneratorHarness.Verify(page).DiagnosticsOnly().RunAsync();
            SpecCatalog catalog = CatalogOf(page);
            Assert.Equal(2, catalog.All.RunnableOn(Microarchitecture.Parse("zen5")).Count());
        }

        [Theory]
        [InlineData("title: \"zlib\"", "title: \"zlib ng\"", "\"zlib ng\"")]
        [InlineData("title: \"zlib\"", "title: \"\"", "\"\"")]
        [InlineData("\"target\": \"aarch64\"", "\"target\": \"aarch64/m1\"", "\"aarch64/m1\"")]
        [InlineData("\"root\"]", "\"ro ot\"]", "\"ro ot\"", 1)]
        [InlineData("[package, develop-2025-04-20]", "[package, \"develop 2025\"]", "\"develop 2025\"")]
        [InlineData("\"platform\": \"darwin\"", "\"platform\": \"dar\\u00efwin\"", "\"dar\\u00efwin\"")]
        public void SPG0006_invalid_names(string find, string replacement, string token, int occurrence = 0)
        {
            TestPage page = Edit(find, replacement, occurrence == 0 ? 0 : occurrence);
            AssertSingleAt("SPG0006", page, token);
        }

        [Theory]
        [InlineData("\"N5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"")]
        [InlineData("\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3\"")]
        [InlineData("\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f0\"")]
        [InlineData("\"n5mtx7tcrev5nt4dbzvbri2q63mt6d31\"")]
        public void SPG0007_invalid_hash(string hash)
        {
            TestPage page = Edit("\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"", hash);
            AssertSingleAt("SPG0007", page, hash);
        }

        [Fact]
        public async Task SPG0008_duplicate_hash_in_one_page_names_both_places()
        {
            TestPage page = Edit("ond7f4eo2eiga5qnm3yuwxu5ynerhruv", "n5mtx7tcrev5nt4dbzvbri2q63mt6d3f");
            var first = SpanOf(page.Text, "\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"");
            var second = SpanOf(page.Text, "\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"", 1);

            await GeneratorHarness.Verify(page).DiagnosticsOnly()
                .Expect(new DiagnosticResult("SPG0008", DiagnosticSeverity.Error)
                    .WithSpan(page.Path, second.Line, second.Column, second.EndLine, second.EndColumn)
                    .WithSpan(page.Path, first.Line, first.Column, first.EndLine, first.EndColumn)
                    .WithArguments("n5mtx7tcrev5nt4dbzvbri2q63mt6d3f", "develop-2025-04-20", $"{page.Path}({first.Line},{first.Column})"))
                .RunAsync();
        }

        [Fact]
        public void SPG0008_duplicate_hash_across_pages_of_one_tag()
        {
            TestPage other = TestPage.Create("develop-2025-04-20", "zlib-copy", Zlib.Text.Replace("title: \"zlib\"", "title: \"zlib-copy\""));
            Diagnostic[] found = Find("SPG0008", Zlib, other);

            Assert.Equal(3, found.Length);
            Assert.All(found, d => Assert.Equal(other.Path, d.Location.GetLineSpan().Path));
            Assert.All(found, d => Assert.Equal(Zlib.Path, Assert.Single(d.AdditionalLocations).GetLineSpan().Path));
            Assert.All(found, d => Assert.Matches(@"^Hash '[a-z2-7]{32}' is listed more than once in snapshot 'develop-2025-04-20'; also at " + System.Text.RegularExpressions.Regex.Escape(Zlib.Path) + @"\(\d+,\d+\)$", d.GetMessage()));
            Assert.Equal(3, CatalogOf(Zlib).Count);
        }

        [Fact]
        public void SPG0008_not_reported_for_the_same_hash_in_another_tag()
        {
            TestPage other = TestPage.Create("develop-2025-04-13", "zlib", Zlib.Text.Replace("develop-2025-04-20", "develop-2025-04-13"));

            Assert.Empty(GeneratorHarness.Run(new[] { Zlib, other }).Diagnostics);
            Assert.Equal(6, CatalogOf(Zlib, other).Count);
        }

        [Fact]
        public async Task SPG0009_spec_count_at_the_count()
        {
            TestPage page = Edit("\"num_specs\": 3", "\"num_specs\": 4");
            var four = SpanOf(page.Text, "4", IndexOfOccurrence(page.Text, "\"num_specs\": 4", "4"));

            await GeneratorHarness.Verify(page).DiagnosticsOnly()
                .Expect(new DiagnosticResult("SPG0009", DiagnosticSeverity.Error).WithSpan(page.Path, four.Line, four.Column, four.EndLine, four.EndColumn).WithArguments("4", "3"))
                .RunAsync();
            Assert.Equal("meta.num_specs is 4 but spec_details lists 3 specs", Assert.Single(Find("SPG0009", page)).GetMessage());
        }

        [Fact]
        public void SPG0010_stack_count_that_disagrees()
        {
            TestPage page = Edit("\"e4s\": 1", "\"e4s\": 2");
            Diagnostic d = AssertSingleAt("SPG0010", page, "2", IndexOfOccurrence(page.Text, "\"e4s\": 2", "2"));
            Assert.Contains("stack 'e4s' is given 2 specs but 1 list it", d.GetMessage());
        }

        [Fact]
        public void SPG0010_stack_without_a_count()
        {
            TestPage page = Edit("\"e4s\": 1, ", string.Empty);
            Diagnostic d = AssertSingleAt("SPG0010", page, "{\"developer-tools-darwin\": 1, \"ml-linux-x86_64-rocm\": 1, \"root\": 3}");
            Assert.Contains("stack 'e4s' is listed by 1 specs but has no count", d.GetMessage());
        }

        [Theory]
        [InlineData("\"targets\": [\"aarch64\", \"x86_64_v3\"]", "\"targets\": [\"aarch64\", \"ppc64le\", \"x86_64_v3\"]", "[\"aarch64\", \"ppc64le\", \"x86_64_v3\"]", "targets", "'ppc64le' is listed but no spec has it")]
        [InlineData("\"targets\": [\"aarch64\", \"x86_64_v3\"]", "\"targets\": [\"aarch64\", \"ppc64le\", \"riscv64\", \"x86_64_v3\"]", "[\"aarch64\", \"ppc64le\", \"riscv64\", \"x86_64_v3\"]", "targets", "'ppc64le', 'riscv64' are listed but no spec has them")]
        [InlineData("\"versions\": [\"1.3.1\"]}", "\"versions\": [\"1.3.2\"]}", "[\"1.3.2\"]", "versions", "'1.3.2' is listed but no spec has it; '1.3.1' is used by specs but not listed")]
        [InlineData("\"compilers\": [\"apple-clang@16.0.0\", \"gcc@11.4.0\", \"gcc@13.2.0\"]", "\"compilers\": [\"gcc@11.4.0\", \"gcc@13.2.0\"]", "[\"gcc@11.4.0\", \"gcc@13.2.0\"]", "compilers", "'apple-clang@16.0.0' is used by specs but not listed")]
        [InlineData("\"compilers\": [\"apple-clang@16.0.0\", \"gcc@11.4.0\", \"gcc@13.2.0\"]", "\"compilers\": [\"gcc@11.4.0\"]", "[\"gcc@11.4.0\"]", "compilers", "'apple-clang@16.0.0', 'gcc@13.2.0' are used by specs but not listed")]
        [InlineData("\"oss\": [\"sequoia\", \"ubuntu22.04\", \"ubuntu24.04\"]", "\"oss\": [\"ubuntu24.04\", \"sequoia\", \"ubuntu22.04\", \"sequoia\"]", null, null, null)]
        public void SPG0011_meta_sets_compare_as_sets(string find, string replacement, string? token, string? key, string? detail)
        {
            TestPage page = Edit(find, replacement);
            if (token is null)
            {
                GeneratorOutput clean = GeneratorHarness.Run(new[] { page });
                Assert.Empty(clean.Diagnostics);
                Assert.Equal(3, GeneratorHarness.LoadCatalog(clean.Compilation).Count);
                return;
            }

            Diagnostic d = AssertSingleAt("SPG0011", page, token);
            Assert.Equal("meta." + key + " disagrees with the specs: " + detail, d.GetMessage());
        }

        [Fact]
        public void SPG0012_two_pages_for_one_package_and_tag()
        {
            var second = new TestPage("/pages/more/develop-2025-04-20/zlib/specs.md", Zlib.Text);
            Diagnostic d = AssertSingleAt("SPG0012", second, "\"zlib\"", 0, Zlib);
            Assert.Equal(Zlib.Path, Assert.Single(d.AdditionalLocations).GetLineSpan().Path);
            var title = SpanOf(Zlib.Text, "\"zlib\"");
            Assert.Equal($"Package 'zlib' already has a page in snapshot 'develop-2025-04-20', at {Zlib.Path}({title.Line},{title.Column}); this page is left out", d.GetMessage());
            Assert.Equal(3, CatalogOf(Zlib).Count);
        }

        [Fact]
        public void SPG0029_a_page_in_another_packages_folder_warns_at_its_title_and_stays()
        {
            var page = new TestPage("/pages/develop-2025-04-20/zlib-ng/specs.md", Zlib.Text);

            Diagnostic d = AssertSingleAt("SPG0029", page, "\"zlib\"");

            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal("The page is for package 'zlib' but sits in the folder 'zlib-ng'; pages sit at <tag>/<package>/specs.md, so this one belongs in 'develop-2025-04-20/zlib/specs.md'", d.GetMessage());
            Assert.Single(Find("SPG0029", page));
            Assert.Equal(3, CatalogOf(page).Count);
        }

        [Fact]
        public void SPG0029_a_page_in_another_tags_folder_warns_at_its_tag()
        {
            var page = new TestPage("/pages/v0.22.0/zlib/specs.md", Zlib.Text);

            Diagnostic d = AssertSingleAt("SPG0029", page, "develop-2025-04-20");

            Assert.Equal("The page is for snapshot tag 'develop-2025-04-20' but sits in the folder 'v0.22.0'; pages sit at <tag>/<package>/specs.md, so this one belongs in 'develop-2025-04-20/zlib/specs.md'", d.GetMessage());
        }

        [Theory]
        [InlineData("/pages/develop-2025-04-20/zlib/specs.md")]
        [InlineData("/pages/zlib.md")]
        [InlineData("specs.md")]
        public void SPG0029_not_reported_where_the_folders_agree_or_the_page_is_not_specs_md(string path)
        {
            var page = new TestPage(path, Zlib.Text);

            Assert.Empty(Find("SPG0029", page));
            Assert.Equal(3, CatalogOf(page).Count);
        }

        [Theory]
        [InlineData("layout: cache", "layout: post", "post")]
        [InlineData("categories: [package, develop-2025-04-20]", "categories: [develop-2025-04-20, package]", "[develop-2025-04-20, package]")]
        [InlineData("categories: [package, develop-2025-04-20]", "categories: [develop-2025-04-20]", "[develop-2025-04-20]")]
        public void SPG0013_unexpected_layout_or_categories_warn_and_the_page_counts(string find, string replacement, string token)
        {
            TestPage page = Edit(find, replacement);
            Diagnostic d = AssertSingleAt("SPG0013", page, token);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal(3, CatalogOf(page).Count);
        }

        [Fact]
        public void SPG0013_missing_layout()
        {
            AssertSingleAt("SPG0013", Edit("layout: cache\n", string.Empty), "---");
        }

        [Fact]
        public void SPG0014_old_page_format_says_it_has_no_hashes()
        {
            TestPage old = TestPage.Load(System.IO.Path.Combine(TestPaths.Corpus, "old-format", "_cache", "zlib", "specs.md"));
            Diagnostic d = AssertSingleAt("SPG0014", old, "spec_files");
            Assert.Contains("no hashes", d.GetMessage());
            Assert.Single(GeneratorHarness.Run(new[] { old }).Diagnostics);
        }

        [Fact]
        public void SPG0015_page_larger_than_the_limit()
        {
            var properties = new Dictionary<string, string> { ["SpecGenMaxPageSize"] = "1000" };
            Diagnostic d = Assert.Single(Find("SPG0015", properties, Zlib));
            Assert.Equal(SpanOf(Zlib.Text, "---"), SpanOf(d.Location));
            Assert.Contains("SpecGenMaxPageSize", d.GetMessage());
            Assert.Empty(Find("SPG0015", new Dictionary<string, string> { ["SpecGenMaxPageSize"] = "2000" }, Zlib));
        }

        [Fact]
        public void SPG0015_anchors_and_aliases()
        {
            TestPage page = Edit("layout: cache", "layout: &a cache");
            AssertSingleAt("SPG0015", page, "&a cache");

            string laughs = "---\ntitle: zlib\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---";
            Diagnostic d = Assert.Single(Find("SPG0015", TestPage.Create("v1", "laughs", laughs)));
            Assert.Equal(3, SpanOf(d.Location).Line);
        }

        [Fact]
        public void SPG0015_nesting_too_deep()
        {
            string deep = "---\ntitle: zlib\nmeta: " + new string('[', 200) + new string(']', 200) + "\n---";
            Diagnostic d = Assert.Single(Find("SPG0015", TestPage.Create("v1", "deep", deep)));
            Assert.Equal(3, SpanOf(d.Location).Line);
        }

        [Theory]
        [InlineData("\"gcc@13.2.0\"", "\"gcc\"", 1)]
        [InlineData("\"gcc@13.2.0\"", "\"gcc@\"", 1)]
        [InlineData("\"gcc@13.2.0\"", "\"@13.2.0\"", 1)]
        [InlineData("\"gcc@13.2.0\"", "\"gcc@13 2\"", 1)]
        [InlineData("\"+pic\"", "\"+\"", 0)]
        [InlineData("\"+pic\"", "\"pic\"", 0)]
        [InlineData("\"+pic\"", "\"cflags=\"", 0)]
        [InlineData("\"+pic\"", "\"a=b,,c\"", 0)]
        [InlineData("\"+pic\"", "\"cflags='-O2\"", 0)]
        [InlineData("\"+pic\"", "\"cflags=-O2 -g\"", 0)]
        [InlineData("\"versions\": [\"1.3.1\"]}", "\"versions\": [\"1.3.1\", \"1.3.2\"]}", 1)]
        [InlineData("\"versions\": [\"1.3.1\"]}", "\"versions\": []}", 1)]
        [InlineData("\"versions\": [\"1.3.1\"]}", "\"versions\": [\"1.3 .1\"]}", 1)]
        public void SPG0016_malformed_compiler_variant_or_version(string find, string replacement, int occurrence)
        {
            TestPage page = Edit(find, replacement, occurrence);
            string token = replacement.StartsWith("\"versions\"", System.StringComparison.Ordinal)
                ? (replacement.Contains(", ") ? "[\"1.3.1\", \"1.3.2\"]" : replacement.Contains("[]") ? "[]" : "\"1.3 .1\"")
                : replacement;
            Diagnostic d = AssertSingleAt("SPG0016", page, token);
            Assert.StartsWith("Malformed ", d.GetMessage());
        }

        [Theory]
        [InlineData("\"gcc@13.2.0\"", "\"gcc@=13.2.0\"")]
        [InlineData("\"gcc@13.2.0\"", "\"intel-oneapi-compilers@2025.1.0\"")]
        [InlineData("\"gcc@13.2.0\"", "\"none\"")]
        [InlineData("\"+pic\"", "\"languages:='c,c++,fortran'\"")]
        [InlineData("\"+pic\"", "\"cflags='-O2 -g'\"")]
        [InlineData("\"+pic\"", "\"~ipo\"")]
        [InlineData("\"+pic\"", "\"patches=0d13622,cc6112d\"")]
        public void SPG0016_not_reported_for_the_forms_the_format_has(string find, string replacement)
        {
            // A compiler changes in the spec and in meta.compilers alike; a variant is in no meta set.
            TestPage page = find == "\"+pic\""
                ? Edit(find, replacement)
                : Zlib with { Text = Replace(Replace(Zlib.Text, find, replacement, 1), find, replacement, 0) };

            GeneratorOutput output = GeneratorHarness.Run(new[] { page });
            Assert.Empty(output.Diagnostics);
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(output.Compilation);
            Assert.Equal(3, catalog.Count);
            Assert.Contains(catalog, spec => spec.Compiler.Text == replacement.Trim('"') || spec.Variants.Any(v => v.Text == replacement.Trim('"')));
        }

        [Fact]
        public void SPG0017_names_that_map_to_one_identifier()
        {
            TestPage other = TestPage.Create("develop-2025-04-13", "zlib_ng", TestPaths.CorpusPage("develop-2025-04-20", "zlib-ng").Text
                .Replace("title: \"zlib-ng\"", "title: \"zlib_ng\"").Replace("develop-2025-04-20", "develop-2025-04-13"));
            TestPage first = TestPaths.CorpusPage("develop-2025-04-20", "zlib-ng");
            Diagnostic d = AssertSingleAt("SPG0017", other, "\"zlib_ng\"", 0, first);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Contains("'zlib_ng' is named 'ZlibNg_2'", d.GetMessage());
        }

        [Fact]
        public void SPG0017_is_reported_at_the_colliding_name_not_at_the_first_name_of_its_kind()
        {
            // ubuntu24.04 (the first spec's OS) and ubuntu24_04 (a later spec's, once ubuntu22.04) are both Ubuntu24_04;
            // the ordinally later one is renamed, and the warning points at it in spec_details, not at the page's first
            // operating system.
            TestPage page = Zlib with { Text = Zlib.Text.Replace("ubuntu22.04", "ubuntu24_04", System.StringComparison.Ordinal) };
            Diagnostic d = AssertSingleAt("SPG0017", page, "\"ubuntu24_04\"", 1);
            Assert.Contains("'ubuntu24_04' is named 'Ubuntu24_04_2'", d.GetMessage());
        }

        [Fact]
        public void SPG0017_points_at_the_first_page_in_catalog_order_by_package_not_by_path()
        {
            // Two packages of one tag, both with the renamed OS; zlib-a's page lies under a path that sorts after zlib-b's.
            // The catalog orders pages by tag, then package, then path: the warning is at zlib-a's occurrence.
            string Page(string package, bool reverseHashes)
            {
                string text = Zlib.Text.Replace("title: \"zlib\"", "title: \"" + package + "\"", System.StringComparison.Ordinal).Replace("ubuntu22.04", "ubuntu24_04", System.StringComparison.Ordinal);
                return reverseHashes ? WithOwnHashes(text) : text;
            }

            var a = new TestPage("/pages/z/develop-2025-04-20/zlib-a/specs.md", Page("zlib-a", reverseHashes: false));
            var b = new TestPage("/pages/a/develop-2025-04-20/zlib-b/specs.md", Page("zlib-b", reverseHashes: true));
            AssertSingleAt("SPG0017", a, "\"ubuntu24_04\"", 1, b);
        }

        [Theory]
        [InlineData("\"size\": \"-\"", "\"size\": \"12kb\"", "\"12kb\"")]
        [InlineData("\"size\": \"-\"", "\"size\": -1", "-1")]
        [InlineData("\"size\": \"-\"", "\"size\": \"\"", "\"\"")]
        [InlineData("\"size\": \"-\"", "\"size\": \"9223372036854775808\"", "\"9223372036854775808\"")]
        [InlineData("\"size\": \"-\"", "\"size\": 99999999999999999999", "99999999999999999999")]
        [InlineData("\"size\": \"-\"", "\"size\": \"-\", \"tarball\": \"not a url\"", "\"not a url\"")]
        [InlineData("\"size\": \"-\"", "\"size\": \"-\", \"tarball\": \"binaries/zlib.spack\"", "\"binaries/zlib.spack\"")]
        public void SPG0018_invalid_size_or_tarball(string find, string replacement, string token)
        {
            AssertSingleAt("SPG0018", Edit(find, replacement), token);
        }

        [Fact]
        public void SPG0018_a_size_beyond_what_a_long_holds_says_so()
        {
            Diagnostic d = AssertSingleAt("SPG0018", Edit("\"size\": \"-\"", "\"size\": 9223372036854775808"), "9223372036854775808");
            Assert.Equal("spec_details[0].size is '9223372036854775808', more bytes than a size can hold (at most 9223372036854775807)", d.GetMessage());
            SpecCatalog catalog = CatalogOf(Edit("\"size\": \"-\"", "\"size\": 9223372036854775807"));
            Assert.Equal(long.MaxValue, catalog[0].Size);
        }

        [Fact]
        public void SPG0018_not_reported_for_a_size_in_bytes_or_an_absolute_tarball_url()
        {
            TestPage page = Edit("\"size\": \"-\"", "\"size\": 123456, \"tarball\": \"https://binaries.spack.io/x/zlib.spack\"");
            page = page with { Text = Replace(page.Text, "\"size\": \"-\"", "\"size\": \"789\"") };
            Assert.Empty(GeneratorHarness.Run(new[] { page }).Diagnostics);
            SpecCatalog catalog = CatalogOf(page);
            Assert.Equal(123456, catalog[0].Size);
            Assert.True(catalog[0].SizeWrittenAsNumber);
            Assert.Equal(789, catalog[1].Size);
            Assert.False(catalog[1].SizeWrittenAsNumber);
            Assert.Equal("https://binaries.spack.io/x/zlib.spack", catalog[0].Tarball);
        }

        [Fact]
        public void SPG0019_duplicate_key_names_both_places()
        {
            TestPage page = Edit("\"os\": \"sequoia\"", "\"os\": \"sequoia\", \"os\": \"sonoma\"");
            Diagnostic d = AssertSingleAt("SPG0019", page, "\"os\"", 2);
            Assert.Equal(SpanOf(page.Text, "\"os\"", 1), SpanOf(Assert.Single(d.AdditionalLocations)));
        }

        [Theory]
        [InlineData("SpecGenClassName", "Spack Cache", "'SpackCache'")]
        [InlineData("SpecGenClassName", "class", "'SpackCache'")]
        [InlineData("SpecGenNamespace", "My..Tools", "the global namespace")]
        [InlineData("SpecGenNamespace", "1Tools", "the global namespace")]
        [InlineData("SpecGenMaxPageSize", "16MB", "'16777216'")]
        [InlineData("SpecGenMaxPageSize", "0", "'16777216'")]
        [InlineData("SpecGenPublic", "yes", "'false'")]
        [InlineData("SpecGenChunkPages", "-5", "the default")]
        public void SPG0020_invalid_settings_fall_back_to_the_default(string property, string value, string used)
        {
            var properties = new Dictionary<string, string> { [property] = value };
            Diagnostic d = Assert.Single(Find("SPG0020", properties, Zlib));

            Assert.Equal(Location.None, d.Location);
            Assert.Equal($"The MSBuild property {property} is '{value}': " + (property == "SpecGenMaxPageSize" ? "it is not a positive whole number of characters" : property == "SpecGenClassName" ? "it is not a C# identifier" : property == "SpecGenPublic" ? "it is neither true nor false" : property == "SpecGenChunkPages" ? "it is not a whole number of pages from 0 to 2147483647" : "it is not a C# namespace name") + $"; until it is fixed, the catalog is generated with {used} in its place", d.GetMessage());
            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib }, properties);
            Assert.Equal(3, GeneratorHarness.LoadCatalog(output.Compilation).Count);
        }

        [Fact]
        public void SPG0020_not_reported_for_valid_settings()
        {
            var properties = new Dictionary<string, string> { ["SpecGenClassName"] = "Cache", ["SpecGenNamespace"] = "My.Tools", ["SpecGenMaxPageSize"] = "5000", ["SpecGenPublic"] = "True", ["SpecGenMaxCatalogSize"] = "100000" };
            Assert.Empty(GeneratorHarness.Run(new[] { Zlib }, properties).Diagnostics);
        }

        [Theory]
        [InlineData(null, false)]
        [InlineData("false", false)]
        [InlineData("true", true)]
        [InlineData("TRUE", true)]
        public void SpecGenPublic_makes_the_class_public(string? value, bool isPublic)
        {
            var properties = new Dictionary<string, string>();
            if (value is not null)
            {
                properties["SpecGenPublic"] = value;
            }

            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib }, properties);
            Assert.Empty(output.Diagnostics);
            System.Type type = GeneratorHarness.Emit(output.Compilation).GetTypes().Single(t => t.Name == "SpackCache");
            Assert.Equal(isPublic, type.IsPublic);
            Assert.True(type.GetNestedType("Packages")!.IsNestedPublic);

            // A partial declaration of the user's still works with it.
            string declaration = (isPublic ? "public " : string.Empty) + "static partial class SpackCache { public static int Extra => Catalog.Count; }";
            GeneratorOutput partial = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { Zlib }, properties), GeneratorHarness.NewCompilation("Consumer", declaration));
            Assert.Empty(partial.Diagnostics);
            Assert.Empty(partial.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        [Fact]
        public void SPG0015_a_page_set_too_large_for_one_compilation_says_to_split_it()
        {
            var properties = new Dictionary<string, string> { ["SpecGenMaxCatalogSize"] = (Zlib.Text.Length + 10).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            TestPage pyGast = TestPage.Create("develop-2025-04-20", "py-gast", TestPaths.CorpusPage("develop-2025-04-20", "py-gast").Text);
            Assert.Empty(GeneratorHarness.Run(new[] { Zlib }, properties).Diagnostics);
            var exactly = new Dictionary<string, string> { ["SpecGenMaxCatalogSize"] = Zlib.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            Assert.Empty(GeneratorHarness.Run(new[] { Zlib }, exactly).Diagnostics);

            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, pyGast }, properties);
            Diagnostic d = Assert.Single(output.Diagnostics);
            Assert.Equal("SPG0015", d.Id);
            Assert.DoesNotContain("public const string Zlib = ", output.Source ?? string.Empty, System.StringComparison.Ordinal);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Equal(Location.None, d.Location);
            Assert.StartsWith(
                "Resource limit: 2 pages of " + (Zlib.Text.Length + pyGast.Text.Length) + " characters in all are more than this compilation can hold (SpecGenMaxCatalogSize: " + (Zlib.Text.Length + 10)
                + "). Split the pages into catalog libraries, one project per snapshot tag with <SpecGenPublic>true</SpecGenPublic>, and combine them with SpecCatalog.Combine (README: Large catalogs); or, on a machine with the memory for it, raise SpecGenMaxCatalogSize",
                d.GetMessage(),
                System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_page_with_an_error_contributes_nothing_and_the_others_everything()
        {
            TestPage broken = TestPage.Create("develop-2025-04-20", "py-gast", TestPaths.CorpusPage("develop-2025-04-20", "py-gast").Text.Replace("\"num_specs\": 24", "\"num_specs\": 23"));
            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, broken });

            Assert.Single(output.Errors);
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(output.Compilation);
            Assert.Equal(3, catalog.Count);
            Assert.Equal(new[] { "zlib" }, catalog.Packages.ToArray());
        }

        [Fact]
        public void Every_descriptor_has_a_help_link_to_its_section_of_the_docs()
        {
            string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics.md"));
            string props = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
            string repository = System.Text.RegularExpressions.Regex.Match(props, "<SpecGenRepositoryUrl>(.*)</SpecGenRepositoryUrl>").Groups[1].Value;
            Assert.StartsWith("https://", repository);
            foreach (DiagnosticDescriptor descriptor in Generator::SpecGen.Generator.Diagnostics.DiagnosticDescriptors.All)
            {
                Assert.Equal(repository + "/blob/main/docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
                Assert.Contains("## " + descriptor.Id, docs);
                // The summary table's row, with the default severity.
                Assert.Contains("| [" + descriptor.Id + "](#" + descriptor.Id.ToLowerInvariant() + ") | " + descriptor.DefaultSeverity.ToString().ToLowerInvariant() + " | ", docs);
            }
        }

        [Fact]
        public void Every_property_the_generator_reads_is_visible_to_the_compiler()
        {
            string props = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepositoryRoot, "src", "Package", "build", "SpecGen.props"));
            Assert.NotEmpty(Generator::SpecGen.Generator.Settings.Properties);
            foreach (string property in Generator::SpecGen.Generator.Settings.Properties)
            {
                Assert.Contains("<CompilerVisibleProperty Include=\"" + property + "\" />", props);
            }
        }

        [Fact]
        public void Every_descriptor_is_tracked_in_the_release_files()
        {
            string root = System.IO.Path.Combine(TestPaths.RepositoryRoot, "src", "Generator");
            string tracked = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "AnalyzerReleases.Shipped.md"))
                + System.IO.File.ReadAllText(System.IO.Path.Combine(root, "AnalyzerReleases.Unshipped.md"));
            foreach (DiagnosticDescriptor descriptor in Generator::SpecGen.Generator.Diagnostics.DiagnosticDescriptors.All)
            {
                Assert.Contains(descriptor.Id + " | SpecGen | " + descriptor.DefaultSeverity, tracked);
            }
        }

        /// <summary>A file whose text is null (the compiler could not read it) or whose reading throws.</summary>
        internal sealed class UnreadableText : AdditionalText
        {
            private readonly System.Exception? _error;

            public UnreadableText(string path, System.Exception? error)
            {
                Path = path;
                _error = error;
            }

            public override string Path { get; }

            public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) => _error is null ? null : throw _error;
        }

        /// <summary>A text that breaks when SpecGen copies it out: the kind of failure nothing in SpecGen expects.</summary>
        private sealed class ThrowingText : Microsoft.CodeAnalysis.Text.SourceText
        {
            private readonly string _text;

            public ThrowingText(string text)
            {
                _text = text;
            }

            public override System.Text.Encoding? Encoding => System.Text.Encoding.UTF8;

            public override int Length => _text.Length;

            public override char this[int position] => _text[position];

            public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
            {
                if (count > 100)
                {
                    throw new System.InvalidOperationException("the text broke");
                }

                _text.CopyTo(sourceIndex, destination, destinationIndex, count);
            }
        }

        /// <summary>The occurrence index of <paramref name="token"/> at the position where <paramref name="context"/> ends with it.</summary>
        private static int IndexOfOccurrence(string text, string context, string token)
        {
            int at = IndexOf(text, context) + context.Length - token.Length;
            int occurrence = 0;
            for (int i = text.IndexOf(token, System.StringComparison.Ordinal); i >= 0 && i < at; i = text.IndexOf(token, i + 1, System.StringComparison.Ordinal))
            {
                occurrence++;
            }

            return occurrence;
        }
    }
}
