extern alias Generator;

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Generator::SpecGen.Generator.Diagnostics;
using Generator::SpecGen.Generator.Model;
using Generator::SpecGen.Generator.Pages;
using Generator::SpecGen.Generator.Parsing;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Infrastructure.PageEdit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>
    /// The reader's own words and edges, each pinned where mutation testing (generator-parsing) found it free to
    /// change: what a value of the wrong shape is called, the front matter's markers and line ends, YAML's printable
    /// set, and the messages of an unclosed flow collection and of a tab. Each case reads the real zlib page with one
    /// edit, by the fast one-line reader and, with the front matter in block style, by YamlDotNet's.
    /// </summary>
    public class ReaderMessageTests
    {
        private static PageResult Read(string text) =>
            PageReader.Read(Zlib.Path, SourceText.From(text), new ReadOptions(ReadOptions.DefaultMaxPageSize), CancellationToken.None);

        private static DiagnosticInfo Single(string text, string id)
        {
            PageResult result = Read(text);
            return Assert.Single(result.Diagnostics, d => d.Id == id);
        }

        /// <summary>The zlib page with its first spec's platform written as <paramref name="value"/>.</summary>
        private static string WithPlatform(string value) => Replace(Zlib.Text, "\"stacks\": [\"ml-linux-x86_64-rocm\", \"root\"]", "\"stacks\": " + value);

        /// <summary>The same page with the front matter's one-line spec list moved to a block list (read by YamlDotNet).</summary>
        private static string BlockStyle(string text)
        {
            int start = IndexOf(text, "spec_details: [");
            int end = text.IndexOf('\n', start);
            string line = text.Substring(start, end - start);
            string items = line.Substring("spec_details: [".Length, line.Length - "spec_details: [".Length - 1);
            return text.Substring(0, start) + "spec_details:\n  - " + items.Replace("}, {", "}\n  - {") + text.Substring(end);
        }

        [Theory]
        [InlineData("null", "null")]
        [InlineData("~", "null")]
        [InlineData("Null", "null")]
        [InlineData("NULL", "null")]
        [InlineData("42", "a number ('42')")]
        [InlineData("\"42\"", "a string ('42')")]
        [InlineData("\"\"", "a string ('')")]
        [InlineData("\"~\"", "a string ('~')")]
        [InlineData("nil", "a string ('nil')")]
        [InlineData("{\"a\": 1}", "a mapping")]
        public void A_value_of_the_wrong_shape_is_named_by_what_it_is(string value, string named)
        {
            foreach (string text in new[] { WithPlatform(value), BlockStyle(WithPlatform(value)) })
            {
                DiagnosticInfo d = Single(text, "SPG0004");
                Assert.Equal("spec_details[0].stacks must be a list of strings, not " + named, d.Message);
            }
        }

        [Fact]
        public void The_block_style_copy_reads_as_the_page()
        {
            PageResult flow = Read(Zlib.Text);
            PageResult block = Read(BlockStyle(Zlib.Text));
            Assert.Empty(flow.Diagnostics);
            Assert.Empty(block.Diagnostics);
            Assert.Equal(flow.Page!.Specs.Count, block.Page!.Specs.Count);
            Assert.Equal(flow.Page.Specs.Select(s => s.Hash), block.Page.Specs.Select(s => s.Hash));
        }

        [Theory]
        [InlineData("--- \n", "\n--- \t \n")]
        [InlineData("---\t\n", "\n...\n")]
        [InlineData("---\r\n", "\r\n---\r\n")]
        [InlineData("---\r", "\r---\r")]
        [InlineData("---\n", "\n...  \n")]
        public void Markers_may_end_in_spaces_or_tabs_and_lines_in_any_line_break(string open, string close)
        {
            string yaml = FrontMatterOf(Zlib.Text);
            string lineBreak = open.EndsWith("\r\n") ? "\r\n" : open.EndsWith("\r") ? "\r" : "\n";
            string text = open + yaml.Replace("\n", lineBreak) + close + "body";
            PageResult result = Read(text);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(3, result.Page!.Specs.Count);
        }

        [Theory]
        [InlineData("", "the file is empty; a page starts with a '---' line")]
        [InlineData("title: x\n", "the first line must be '---' (no front matter found)")]
        [InlineData("---x\ntitle: x\n---\n", "the first line must be '---' (no front matter found)")]
        [InlineData("--\ntitle: x\n---\n", "the first line must be '---' (no front matter found)")]
        [InlineData("---\ntitle: x\n", "the front matter has no closing '---' line")]
        [InlineData("---\ntitle: x\n---x\n", "the front matter has no closing '---' line")]
        [InlineData("---\ntitle: x\n--- x\n", "the front matter has no closing '---' line")]
        [InlineData("---\ntitle: x\n-.-\n", "the front matter has no closing '---' line")]
        public void A_text_without_front_matter_says_why(string text, string reason)
        {
            DiagnosticInfo d = Single(text, "SPG0001");
            Assert.Equal("Not a cache page: " + reason, d.Message);
        }

        [Fact]
        public void The_closing_marker_is_the_first_marker_line_after_the_opening_one()
        {
            // The first '---' line closes the front matter: a body with more of them is not read as YAML.
            string text = Zlib.Text + "\n---\nnot: [yaml\n---\n";
            PageResult result = Read(text);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(3, result.Page!.Specs.Count);
        }

        [Theory]
        [InlineData('\u00A0')]
        [InlineData('\u00E9')]
        [InlineData('\uFFFD')]
        public void Printable_characters_past_ASCII_are_accepted_in_strings(char c)
        {
            foreach (string text in new[] { WithVariant(c.ToString()), BlockStyle(WithVariant(c.ToString())) })
            {
                Assert.DoesNotContain(Read(text).Diagnostics, d => d.Id == "SPG0002");
            }
        }

        [Fact]
        public void A_surrogate_pair_is_printable_and_a_lone_surrogate_is_not()
        {
            Assert.DoesNotContain(Read(BlockStyle(WithVariant("\U0001F600"))).Diagnostics, d => d.Id == "SPG0002");
            foreach (string lone in new[] { "\uD800", "\uDC00", "\uD800x" })
            {
                DiagnosticInfo d = Single(BlockStyle(WithVariant(lone)), "SPG0002");
                string code = lone[0] == '\uD800' ? "D800" : "DC00";
                Assert.Equal("YAML syntax error: the page holds the character U+" + code + ", which YAML does not allow (write it as an escape inside a double-quoted string)", d.Message);
            }

            // A high surrogate as the last character of the front matter has no partner to read.
            string block = BlockStyle(Zlib.Text);
            int close = block.LastIndexOf("\n---", System.StringComparison.Ordinal);
            DiagnosticInfo last = Single(block.Substring(0, close) + "\n#\uD800" + block.Substring(close), "SPG0002");
            Assert.Contains("U+D800", last.Message);
        }

        [Theory]
        [InlineData('\u007F')]
        [InlineData('\u0080')]
        [InlineData('\u0084')]
        [InlineData('\u009F')]
        [InlineData('\uFFFE')]
        [InlineData('\u0001')]
        public void Characters_outside_YAMLs_printable_set_are_refused_at_their_place(char c)
        {
            string text = BlockStyle(WithVariant(c.ToString()));
            DiagnosticInfo d = Single(text, "SPG0002");
            Assert.Equal("YAML syntax error: the page holds the character U+" + ((int)c).ToString("X4") + ", which YAML does not allow (write it as an escape inside a double-quoted string)", d.Message);
            Assert.Equal(text.IndexOf(c), d.Location!.Span.Start);
        }

        [Theory]
        [InlineData("layout: [cache", "list", ']')]
        [InlineData("layout: {cache", "mapping", '}')]
        [InlineData("layout: {\"a\": [1, {\"b\": 2}]", "mapping", '}')]
        public void An_unclosed_flow_collection_names_itself_and_its_bracket(string line, string kind, char bracket)
        {
            // The front matter ends inside the collection, where YamlDotNet stops without a message of its own.
            string text = Replace(Zlib.Text, "layout: cache", line);
            DiagnosticInfo d = Single(text, "SPG0002");
            Assert.Equal("YAML syntax error: this " + kind + " is never closed: the front matter ends before its '" + bracket + "'", d.Message);
        }

        [Fact]
        public void A_comma_inside_a_comment_does_not_separate_flow_items()
        {
            // YamlDotNet takes a mapping's next entry right after a closing bracket without the ',' between them; SpecGen
            // looks for the ',' itself, and one inside a comment does not count.
            const string Stacks = "\"stacks\": [\"ml-linux-x86_64-rocm\", \"root\"], ";
            string separated = Replace(BlockStyle(Zlib.Text), Stacks, "\"stacks\": [\"ml-linux-x86_64-rocm\", \"root\"] # the stacks, then\n      , ");
            PageResult read = Read(separated);
            Assert.Empty(read.Diagnostics);
            Assert.Equal(3, read.Page!.Specs.Count);

            string commentOnly = Replace(BlockStyle(Zlib.Text), Stacks, "\"stacks\": [\"ml-linux-x86_64-rocm\", \"root\"] # the stacks, then\n      ");
            DiagnosticInfo d = Single(commentOnly, "SPG0002");
            Assert.Equal("YAML syntax error: did not find the expected ',' or ':' before this item of a flow list or mapping", d.Message);
        }

        [Fact]
        public void A_single_pair_in_a_flow_list_is_a_mapping_from_its_key_to_its_value()
        {
            // YAML 1.2 (7.4.1): "[a: 1, b]" holds the mapping {a: 1}. YamlDotNet marks such a mapping's start nowhere
            // and its end at the ',' after it; SpecGen read that as no ',' before the next item, or a mapping from the
            // page's first character.
            const string Yaml = "x: [a: 1, b, : c, \"d\" :, e: [f]]\n";
            var diagnostics = new List<DiagnosticInfo>();
            YamlNode? root = YamlTreeReader.ReadWithYamlDotNet("p.md", SourceText.From(Yaml), Yaml, diagnostics, CancellationToken.None);
            Assert.Empty(diagnostics);
            var items = ((YamlSequence)((YamlMapping)root!).Entries[0].Value).Items;
            Assert.Equal(new[] { "a: 1", "b", ": c", "\"d\" :", "e: [f]" }, items.Select(i => Yaml.Substring(i.Span.Start, i.Span.Length)));
            Assert.Equal(new[] { "a mapping", "a string", "a mapping", "a mapping", "a mapping" }, items.Select(i => i.ShapeName));
            var pairs = items.OfType<YamlMapping>().Select(m => Assert.Single(m.Entries)).ToArray();
            Assert.Equal(new[] { "a=1", "=c", "d=", "e=" }, pairs.Select(p => ((YamlScalar)p.Key).Value + "=" + ((p.Value as YamlScalar)?.Value ?? string.Empty)));

            // On a page the list is then refused by the format, at the list, not at the page's start.
            string page = Replace(Zlib.Text, "layout: cache", "layout: [a, : b]");
            DiagnosticInfo d = Single(page, "SPG0004");
            Assert.Equal("layout must be a string, not a list", d.Message);
            Assert.Equal("[a, : b]", page.Substring(d.Location!.Span.Start, d.Location.Span.Length));
        }

        [Theory]
        [InlineData("\u202e", "U+202E", true)]
        [InlineData("\u2066", "U+2066", true)]
        [InlineData("\u200b", "U+200B", true)]
        [InlineData("\u00a0", "U+00A0", true)]
        [InlineData("\u0085", "U+0085", false)]
        [InlineData("\u2028", "U+2028", false)]
        [InlineData("\u001b", "U+001B", false)]
        public void A_pages_value_quoted_in_a_message_shows_its_invisible_characters(string invisible, string shown, bool raw)
        {
            // A variant '+optimize' followed by a right-to-left override (or another character a reader cannot see) and
            // a malformed tail: SPG0016 quotes the value, and a raw U+202E would turn the rest of the line around in a
            // terminal. Written in the page as a YAML escape, and raw where YAML lets it stand in a string (U+0085 and
            // U+2028 break the line for YamlDotNet, an escape character is not printable), both read the same.
            string escape = "\\u" + ((int)invisible[0]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture);
            foreach (string written in raw ? new[] { invisible, escape } : new[] { escape })
            {
                DiagnosticInfo d = Single(WithVariant(written + "=a,,b"), "SPG0016");
                Assert.Contains("'+optimize" + shown + "=a,,b'", d.Message, System.StringComparison.Ordinal);
                Assert.DoesNotContain(invisible, d.Message, System.StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("\t")]
        [InlineData(" \t ")]
        [InlineData("\t\t")]
        public void Tabs_on_blank_lines_read_as_empty_lines_however_many(string blank)
        {
            // YAML reads a line of spaces and tabs as empty; YamlDotNet refuses the tab, so the page is read again with
            // every such line's tabs as spaces: all of them, wherever they are.
            string text = BlockStyle(Zlib.Text);
            text = Replace(text, "layout: cache\n", "layout: cache\n" + blank + "\n");
            text = Replace(text, "\n  - {", "\n" + blank + "\n  - {", 1);
            text = Replace(text, "\n  - {", "\n" + blank + "\n  - {", 2);
            PageResult result = Read(text);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(Read(Zlib.Text).Page!.Specs.Select(s => s.Hash), result.Page!.Specs.Select(s => s.Hash));
        }

        [Fact]
        public void A_tab_that_indents_a_line_is_reported_at_the_tab()
        {
            string text = Replace(BlockStyle(Zlib.Text), "\n  - {", "\n\t- {", 1);
            DiagnosticInfo d = Single(text, "SPG0002");
            Assert.Contains("tab", d.Message, System.StringComparison.OrdinalIgnoreCase);
            // YamlDotNet's own marks ("(Line: 9, Col: 1, Idx: ...) - (...): ") are cut: the location says where.
            Assert.StartsWith("YAML syntax error: ", d.Message);
            Assert.DoesNotContain("(Line:", d.Message);
            Assert.DoesNotContain("Idx:", d.Message);
            Assert.Equal(d.Message.Trim(), d.Message);
            Assert.Equal(text.IndexOf('\t'), d.Location!.Span.Start);
        }

        [Theory]
        [InlineData("layout: &a cache", "&a cache")]
        [InlineData("layout: &a [cache]", "&a [cache]")]
        [InlineData("title: &t \"zlib\"\nlayout: *t", "&t")]
        public void Anchors_and_aliases_are_refused_where_they_are(string edit, string token)
        {
            string text = BlockStyle(Zlib.Text);
            text = edit.StartsWith("title:") ? Replace(Replace(text, "layout: cache\n", ""), "title: \"zlib\"", edit) : Replace(text, "layout: cache", edit);
            DiagnosticInfo d = Assert.Single(Read(text).Diagnostics);
            Assert.Equal("YAML anchors and aliases are not part of the page format and are refused", d.MessageArgs[0]);
            Assert.Equal(text.IndexOf(token, System.StringComparison.Ordinal), d.Location!.Span.Start);
        }

        private static string WithVariant(string text) => Replace(Zlib.Text, "\"+optimize\"", "\"+optimize" + text + "\"");

        private static string FrontMatterOf(string page)
        {
            int start = page.IndexOf('\n') + 1;
            int end = page.IndexOf("\n---", start);
            return page.Substring(start, end - start);
        }
    }
}
