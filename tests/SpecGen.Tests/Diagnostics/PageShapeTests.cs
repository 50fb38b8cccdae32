using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Infrastructure.PageEdit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>
    /// One page's reading, part by part, where the per-ID tests leave it open (found by mutation testing of Pages/):
    /// each value of the wrong shape and each missing key is reported once, with its whole message and place, and no
    /// finding follows from it; the layout, categories and folder checks word what they found; a page left out names
    /// its first cause. Every expectation is the message a user reads for that damage.
    /// </summary>
    public class PageShapeTests
    {
        private const string StackCounts = "{\"developer-tools-darwin\": 1, \"e4s\": 1, \"ml-linux-x86_64-rocm\": 1, \"root\": 3}";

        /// <summary>Zlib's page with every line that starts with <paramref name="prefix"/> replaced.</summary>
        private static string WithLine(string prefix, string replacement) =>
            string.Join("\n", Zlib.Text.Split('\n').Select(l => l.StartsWith(prefix, StringComparison.Ordinal) ? replacement : l));

        private static string Edited(string find, string replacement, int occurrence = 0) => Replace(Zlib.Text, find, replacement, occurrence);

        public static TheoryData<string, string, string> Damaged => new TheoryData<string, string, string>
        {
            // The front matter and its top-level keys.
            { "---\njust text\n---\n", "SPG0004", "(2,1): the front matter must be a mapping of keys (title, layout, categories, meta, spec_details), not a string ('just text')" },
            { "---\n- a\n---\n", "SPG0004", "(2,1): the front matter must be a mapping of keys (title, layout, categories, meta, spec_details), not a list" },
            { Edited("layout: cache\n", "layout: cache\n~: 1\n"), "SPG0004", "(4,1): a key of the front matter must be a string, not null" },
            { Edited("layout: cache\n", "layout: cache\nlayout: cache\n"), "SPG0019", "(4,1): Key 'layout' appears more than once" },
            { WithLine("title:", string.Empty), "SPG0003", "(1,1): Required key 'title' is missing" },
            { WithLine("categories:", string.Empty), "SPG0003", "(1,1): Required key 'categories' is missing" },
            { WithLine("meta:", string.Empty), "SPG0003", "(1,1): Required key 'meta' is missing" },
            { WithLine("spec_details:", string.Empty), "SPG0003", "(1,1): Required key 'spec_details' is missing" },
            { Edited("[package, develop-2025-04-20]", "3"), "SPG0004", "(4,13): categories must be a list of strings, not a number ('3')" },
            { Edited("layout: cache\n", "layout: cache\n: 1\n"), "SPG0004", "(4,3): a key of the front matter must be a string, not missing (this value has no key)" },
            { Edited("[package, develop-2025-04-20]", "[package]"), "SPG0003", "(4,13): Required key 'categories[1]' is missing (the snapshot tag, as in 'categories: [package, develop-2025-04-20]')" },

            // meta.
            { WithLine("meta:", "meta: 3"), "SPG0004", "(5,7): meta must be a mapping, not a number ('3')" },
            { Edited(StackCounts, "[1]"), "SPG0004", "(5,111): meta.num_specs_by_stack must be a mapping of stack names to counts, not a list" },
            { Edited("\"num_specs\": 3", "\"num_specs\": \"x\""), "SPG0004", "(5,86): meta.num_specs must be a whole number such as 3, not a string ('x')" },
            // A bad count among good ones: the counts are not compared with the specs, so no SPG0010 follows for e4s.
            { Edited("\"e4s\": 1,", "\"e4s\": \"x\","), "SPG0004", "(5,148): meta.num_specs_by_stack.e4s must be a whole number such as 3, not a string ('x')" },
            { Edited("\"num_specs\": 3", "\"num_specs\": 3, \"extra\": 1"), "SPG0005", "(5,89): Unknown key 'extra' in meta is ignored" },

            // spec_details and a spec.
            { WithLine("spec_details:", "spec_details: 3"), "SPG0004", "(6,15): spec_details must be a list of specs, not a number ('3')" },
            { WithLine("spec_details:", "spec_details: [3]"), "SPG0004", "(6,16): spec_details[0] must be a mapping of spec fields, not a number ('3')" },
            { Edited("{\"compiler\"", "{: 1, \"compiler\""), "SPG0004", "(6,19): a key of spec_details[0] must be a string, not missing (this value has no key)" },
            { Edited("{\"compiler\"", "{[1]: 2, \"compiler\""), "SPG0004", "(6,17): a key of spec_details[0] must be a string, not a list" },
            { Edited("\"stacks\": [\"ml-linux-x86_64-rocm\", \"root\"]", "\"stacks\": \"root\""), "SPG0004", "(6,152): spec_details[0].stacks must be a list of strings, not a string ('root')" },
            { Edited("\"hash\": \"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\", ", string.Empty), "SPG0003", "(6,16): Required key 'hash' is missing from spec_details[0]" },
        };

        public static TheoryData<string, string, string> Malformed => new TheoryData<string, string, string>
        {
            // Each field kind's own words for a value it refuses (the first spec's values).
            { Edited("\"compiler\": \"gcc@13.2.0\"", "\"compiler\": \"gcc\""), "SPG0016", "(6,29): Malformed compiler 'gcc': expected 'name@version', 'name@=version' or 'none'" },
            { Edited("\"+optimize\", \"+pic\"", "\"+optimize\", \"pic\""), "SPG0016", "(6,260): Malformed variant 'pic': expected '+name', '~name', 'name=value' or 'name:=value'" },
            { Edited("\"versions\": [\"1.3.1\"]", "\"versions\": [\"1.3 1\"]", 1), "SPG0016", "(6,293): Malformed version '1.3 1': it contains U+0020 (a version holds letters, digits, '.', '-', '_' and, after its first character, '=')" },
            { Edited("\"versions\": [\"1.3.1\"]", "\"versions\": [\"1.3.1\", \"1.3.2\"]", 1), "SPG0016", "(6,292): Malformed version list '[1.3.1, 1.3.2]': it holds 2 versions; a spec has exactly one" },
            { Edited("\"size\": \"-\"", "\"size\": \"12a\""), "SPG0018", "(6,137): spec_details[0].size is '12a', neither '-' nor a non-negative whole number of bytes" },
            { Edited("\"os\": \"ubuntu24.04\"", "\"os\": \"ubuntu 24.04\""), "SPG0006", "(6,93): Operating system 'ubuntu 24.04' is not a valid name: it contains U+0020 (only letters, digits, '-', '_' and '.' are allowed)" },
            { Edited("\"stacks\": [\"ml-linux-x86_64-rocm\", \"root\"]", "\"stacks\": [\"ml-linux-x86_64-rocm\", \"ro ot\"]"), "SPG0006", "(6,177): Stack 'ro ot' is not a valid name: it contains U+0020 (only letters, digits, '-', '_' and '.' are allowed)" },
            { Edited("n5mtx7tcrev5nt4dbzvbri2q63mt6d3f", "n5mtx7tcrev5nt4dbzvbri2q63mt6d31"), "SPG0007", "(6,51): Hash 'n5mtx7tcrev5nt4dbzvbri2q63mt6d31' is not a Spack hash: it contains '1' (a hash is 32 characters of 'a'-'z' and '2'-'7')" },
        };

        [Theory]
        [MemberData(nameof(Malformed))]
        public void A_malformed_value_is_reported_once_in_its_kinds_words(string text, string id, string placeAndMessage)
        {
            A_damaged_part_is_reported_once_at_its_place(text, id, placeAndMessage);
        }

        [Fact]
        public void A_tarball_that_is_no_url_is_reported_in_its_kinds_words()
        {
            TestPage page = Zlib with { Text = Edited("\"size\": \"-\"", "\"size\": \"-\", \"tarball\": \"not a url\"") };
            Diagnostic d = Assert.Single(GeneratorHarness.Run(new[] { page }).Diagnostics);
            Assert.Equal("SPG0018: spec_details[0].tarball is 'not a url': it contains U+0020", d.Id + ": " + d.GetMessage());
        }

        [Fact]
        public void Missing_required_keys_of_a_spec_are_reported_in_key_order()
        {
            TestPage page = Zlib with { Text = Edited("\"target\": \"x86_64_v3\", ", string.Empty).Replace("{\"compiler\": \"gcc@13.2.0\", \"hash\": \"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\", ", "{\"hash\": \"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\", ", StringComparison.Ordinal) };
            Assert.Equal(
                new[] { "Required key 'compiler' is missing from spec_details[0]", "Required key 'target' is missing from spec_details[0]" },
                GeneratorHarness.Run(new[] { page }).Diagnostics.Where(d => d.Id == "SPG0003").Select(d => d.GetMessage()));
        }

        [Theory]
        [MemberData(nameof(Damaged))]
        public void A_damaged_part_is_reported_once_at_its_place(string text, string id, string placeAndMessage)
        {
            Diagnostic d = Assert.Single(GeneratorHarness.Run(new[] { Zlib with { Text = text } }).Diagnostics);
            Assert.Equal(id + " " + placeAndMessage, d.Id + " " + Place(d) + ": " + d.GetMessage());
        }

        [Fact]
        public void A_repeated_unknown_key_is_reported_as_repeated_and_unknown_once()
        {
            TestPage page = Zlib with { Text = Edited("\"num_specs\": 3", "\"num_specs\": 3, \"extra\": 1, \"extra\": 2") };
            Assert.Equal(
                new[] { "SPG0019 (5,101): Key 'extra' appears more than once in meta", "SPG0005 (5,89): Unknown key 'extra' in meta is ignored" },
                GeneratorHarness.Run(new[] { page }).Diagnostics.Select(d => d.Id + " " + Place(d) + ": " + d.GetMessage()));
        }

        [Fact]
        public void A_hash_listed_twice_in_a_page_without_a_tag_is_reported_with_an_unknown_tag()
        {
            string text = Edited("[package, develop-2025-04-20]", "[package]").Replace("ond7f4eo2eiga5qnm3yuwxu5ynerhruv", "n5mtx7tcrev5nt4dbzvbri2q63mt6d3f", StringComparison.Ordinal);
            Assert.Equal(
                new[]
                {
                    "SPG0003 (4,13): Required key 'categories[1]' is missing (the snapshot tag, as in 'categories: [package, develop-2025-04-20]')",
                    "SPG0008 (6,347): Hash 'n5mtx7tcrev5nt4dbzvbri2q63mt6d3f' is listed more than once in snapshot '?'; also at " + Zlib.Path + "(6,51)",
                },
                GeneratorHarness.Run(new[] { Zlib with { Text = text } }).Diagnostics.Select(d => d.Id + " " + Place(d) + ": " + d.GetMessage()));
        }

        [Fact]
        public void Empty_front_matter_is_a_mapping_without_keys()
        {
            string[] found = GeneratorHarness.Run(new[] { Zlib with { Text = "---\n---\n" } }).Diagnostics.Select(d => d.Id + ": " + d.GetMessage()).ToArray();
            Assert.Contains("SPG0003: Required key 'title' is missing", found);
            Assert.Contains("SPG0013: The page has no 'layout' key; cache pages use 'layout: cache'", found);
            Assert.DoesNotContain(found, f => f.StartsWith("SPG0004", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(60, false)]
        [InlineData(61, true)]
        public void A_layout_is_quoted_whole_up_to_sixty_characters(int length, bool cut)
        {
            string layout = new string('x', length);
            Diagnostic d = Assert.Single(GeneratorHarness.Run(new[] { Zlib with { Text = Edited("layout: cache\n", "layout: " + layout + "\n") } }).Diagnostics);
            string quoted = cut ? layout.Substring(0, 60) + "..." : layout;
            Assert.Equal("SPG0013 (3,9): layout is '" + quoted + "'; cache pages use 'layout: cache'", d.Id + " " + Place(d) + ": " + d.GetMessage());
            Assert.Equal(3, GeneratorHarness.CompileCatalog(new[] { Zlib with { Text = Edited("layout: cache\n", "layout: " + layout + "\n") } }).Count);
        }

        [Fact]
        public void A_page_without_layout_is_warned_and_kept()
        {
            TestPage page = Zlib with { Text = WithLine("layout:", string.Empty) };
            Diagnostic d = Assert.Single(GeneratorHarness.Run(new[] { page }).Diagnostics);
            Assert.Equal("SPG0013 (1,1): The page has no 'layout' key; cache pages use 'layout: cache'", d.Id + " " + Place(d) + ": " + d.GetMessage());
            Assert.Equal(3, GeneratorHarness.CompileCatalog(new[] { page }).Count);
        }

        [Theory]
        [InlineData("[develop-2025-04-20, package]")]
        [InlineData("[develop-2025-04-20]")]
        public void Categories_in_another_form_are_warned_and_the_tag_is_used(string categories)
        {
            TestPage page = Zlib with { Text = Edited("[package, develop-2025-04-20]", categories) };
            Diagnostic d = Assert.Single(GeneratorHarness.Run(new[] { page }).Diagnostics);
            Assert.Equal("SPG0013 (4,13): categories should be '[package, develop-2025-04-20]'; the tag 'develop-2025-04-20' is used", d.Id + " " + Place(d) + ": " + d.GetMessage());
            Assert.Equal(new[] { "develop-2025-04-20" }, GeneratorHarness.CompileCatalog(new[] { page }).Select(s => s.Tag).Distinct());
        }

        [Fact]
        public void A_tag_that_is_no_name_leaves_the_page_out_even_as_a_warning_and_is_not_compared_with_its_folder()
        {
            // The page sits in another tag's folder: a tag that is no name is not a tag, so SPG0029 does not follow.
            TestPage page = new TestPage("/pages/v9/zlib/specs.md", Edited("[package, develop-2025-04-20]", "[package, \"develop 2025\"]"));
            var severities = new Dictionary<string, ReportDiagnostic> { ["SPG0006"] = ReportDiagnostic.Warn };
            GeneratorOutput output = GeneratorHarness.Run(new[] { page }, severities: severities);
            Assert.Equal(new[] { "SPG0006", "SPG0025" }, output.Diagnostics.Select(d => d.Id));
            Assert.StartsWith("Snapshot tag 'develop 2025' is not a valid name", output.Diagnostics[0].GetMessage(), StringComparison.Ordinal);
            Assert.Empty(GeneratorHarness.LoadCatalog(output.Compilation));
        }

        [Fact]
        public void A_page_left_out_names_its_first_cause()
        {
            // No title (read first), then spec_details of the wrong shape: both made warnings, so SPG0025 says why.
            TestPage page = Zlib with { Text = WithLine("spec_details:", "spec_details: 3").Replace("title: \"zlib\"\n", string.Empty, StringComparison.Ordinal) };
            var severities = new Dictionary<string, ReportDiagnostic> { ["SPG0003"] = ReportDiagnostic.Warn, ["SPG0004"] = ReportDiagnostic.Warn };
            GeneratorOutput output = GeneratorHarness.Run(new[] { page }, severities: severities);
            Diagnostic leftOut = Assert.Single(output.Diagnostics, d => d.Id == "SPG0025");
            Assert.Equal("This page cannot be read, so it is left out of the catalog: SPG0003: Required key 'title' is missing", leftOut.GetMessage());
            Assert.Equal("(1,1)", Place(leftOut));
        }

        [Theory]
        [InlineData("v9/zlib/specs.md", "SPG0029 (4,23): The page is for snapshot tag 'develop-2025-04-20' but sits in the folder 'v9'; pages sit at <tag>/<package>/specs.md, so this one belongs in 'develop-2025-04-20/zlib/specs.md'")]
        [InlineData("zlib/specs.md", null)]
        public void A_relative_path_of_three_parts_is_checked_against_its_folders(string path, string? expected)
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { new TestPage(path, Zlib.Text) });
            Assert.Equal(expected is null ? Array.Empty<string>() : new[] { expected }, output.Diagnostics.Select(d => d.Id + " " + Place(d) + ": " + d.GetMessage()));
        }

        [Fact]
        public void The_first_microarchitecture_archspec_lists_is_a_known_target()
        {
            // x86 is the first name of archspec's JSON (index 0 of the graph): known, so no SPG0024.
            TestPage page = Zlib with { Text = Edited("\"target\": \"aarch64\"", "\"target\": \"x86\"").Replace("\"targets\": [\"aarch64\", \"x86_64_v3\"]", "\"targets\": [\"x86\", \"x86_64_v3\"]", StringComparison.Ordinal) };
            Assert.Empty(GeneratorHarness.Run(new[] { page }).Diagnostics);
            Assert.Contains(GeneratorHarness.CompileCatalog(new[] { page }), s => s.Target == "x86");
        }

        [Theory]
        [InlineData(0, false)]
        [InlineData(1, true)]
        public void A_page_of_exactly_the_size_limit_is_read(int over, bool refused)
        {
            var properties = new Dictionary<string, string> { ["SpecGenMaxPageSize"] = (Zlib.Text.Length - over).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib }, properties);
            Assert.Equal(refused ? new[] { "SPG0015" } : Array.Empty<string>(), output.Diagnostics.Select(d => d.Id));
        }

        private static string Place(Diagnostic d)
        {
            (int line, int column, _, _) = SpanOf(d.Location);
            return "(" + line + "," + column + ")";
        }
    }
}
