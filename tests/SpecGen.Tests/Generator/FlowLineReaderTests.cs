extern alias Generator;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CsCheck;
using Generator::SpecGen.Generator.Diagnostics;
using Generator::SpecGen.Generator.Model;
using Generator::SpecGen.Generator.Parsing;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Scale;
using SpecGen.Tests.Infrastructure;
using SpecGen.Tests.Properties;
using Xunit;
using Xunit.Abstractions;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// The fast path for one-line JSON-style front matter gives exactly YamlDotNet's tree (every node's kind, span,
    /// value and style) wherever it answers, and declines everything outside its subset, so diagnostics still come
    /// from the full reader.
    /// </summary>
    public class FlowLineReaderTests
    {
        private readonly ITestOutputHelper _output;

        public FlowLineReaderTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Every_current_format_corpus_page_takes_the_fast_path_with_YamlDotNets_tree()
        {
            int taken = 0;
            foreach (TestPage page in TestPaths.CorpusPages())
            {
                string yaml = Yaml(page.Text);
                YamlNode? fast = FlowLineReader.TryRead(yaml);
                Assert.True(fast is not null, page.Path + " left the fast path");
                AssertSameTree(Full(yaml), fast!, page.Path);
                taken++;
            }

            Assert.True(taken > 40, "corpus pages: " + taken);
        }

        [Fact]
        public void Synthetic_pages_take_the_fast_path_with_YamlDotNets_tree()
        {
            foreach (SyntheticPage page in SyntheticPages.ByName("S1").Where((_, i) => i % 5 == 0))
            {
                string yaml = Yaml(page.Text);
                YamlNode? fast = FlowLineReader.TryRead(yaml);
                Assert.True(fast is not null, page.RelativePath + " left the fast path");
                AssertSameTree(Full(yaml), fast!, page.RelativePath);
            }
        }

        /// <summary>
        /// The page mutations of the property test (tokens deleted, duplicated, swapped, retyped, bytes, tabs, CRLF...):
        /// wherever the fast path answers, YamlDotNet reads the same tree without a diagnostic. Both answers must be a
        /// real share of the cases.
        /// </summary>
        [Fact]
        public void On_mutated_pages_the_fast_path_answers_only_with_YamlDotNets_tree()
        {
            string[] pages = TestPaths.CorpusPages().Select(p => p.Text).ToArray();
            Gen<(int Page, PageMutationTests.Mutation[] Mutations)> cases = Gen.Select(Gen.Int[0, pages.Length - 1], PageMutationTests.Mutation.Gen.Array[1, 2]);
            int taken = 0, declined = 0;
            const int Iterations = 3000;
            for (int k = 0; k < Iterations; k++)
            {
                string seed = new PCG(7, (ulong)k).ToString();
                (int page, PageMutationTests.Mutation[] mutations) = cases.Generate(PCG.Parse(seed), null, out _);
                string text = PageMutationTests.Apply(pages[page], mutations).Text.ToString();
                FrontMatter frontMatter = FrontMatter.Find(text);
                if (frontMatter.Error is not null)
                {
                    continue;
                }

                string yaml = text.Substring(0, frontMatter.YamlEnd);
                YamlNode? fast = FlowLineReader.TryRead(yaml);
                if (fast is null)
                {
                    declined++;
                    continue;
                }

                var diagnostics = new List<DiagnosticInfo>();
                YamlNode? full = YamlTreeReader.ReadWithYamlDotNet("p.md", SourceText.From(yaml), yaml, diagnostics, CancellationToken.None);
                string where = "seed " + seed + " (" + string.Join(", ", mutations.Select(m => m.ToString())) + ")";
                Assert.True(diagnostics.Count == 0, where + ": the fast path read a page YamlDotNet refuses: " + string.Join("; ", diagnostics.Select(d => d.ToString())));
                AssertSameTree(full!, fast, where);
                taken++;
            }

            _output.WriteLine($"{taken} mutated pages read by the fast path with YamlDotNet's tree, {declined} left to YamlDotNet");
            Assert.True(taken >= Iterations / 20, "too few mutated pages on the fast path: " + taken);
            Assert.True(declined >= Iterations / 4, "too few mutated pages left to YamlDotNet: " + declined);
        }

        [Theory]
        [InlineData("---\ntitle: \"a\\\"b\"\n", "an escape")]
        [InlineData("---\ntitle: \"x\" # note\n", "a comment")]
        [InlineData("---\r\ntitle: x\r\n", "CRLF")]
        [InlineData("---\ntitle: x\r\n", "a CR")]
        [InlineData("---\ntitle:\tx\n", "a tab")]
        [InlineData("---\ntitle: \"zlib\u00e9\"\n", "non-ASCII")]
        [InlineData("---\ntitle: x \n", "a trailing blank")]
        [InlineData("---\nlist:\n - a\n", "a block list")]
        [InlineData("---\nmeta: {\"a\":1}\n", "no blank after ':'")]
        [InlineData("---\nmeta: {\"a\": 1,\"b\": 2}\n", "no blank after ','")]
        [InlineData("---\nmeta: {a: 1}\n", "a plain key in a flow mapping")]
        [InlineData("---\nmeta: [\"a\", ]\n", "an empty entry")]
        [InlineData("---\nmeta: [\"a\"\n", "an unclosed list")]
        [InlineData("---\nmeta: [-a]\n", "a plain word that starts with an indicator")]
        [InlineData("---\nmeta: [a:b]\n", "a ':' in a plain word")]
        [InlineData("---\n\ntitle: x\n", "an empty line")]
        [InlineData("---\n", "an empty front matter")]
        [InlineData("--- \ntitle: x\n", "a blank after the marker")]
        [InlineData("---\ntitle: 'x'\n", "single quotes")]
        [InlineData("---\n_title: x\n", "a key that starts with '_'")]
        public void Text_outside_the_subset_is_left_to_YamlDotNet(string yaml, string what)
        {
            Assert.True(FlowLineReader.TryRead(yaml) is null, what);
        }

        [Fact]
        public void Keys_near_YAMLs_1024_character_limit_are_left_to_YamlDotNet()
        {
            string longKey = new string('k', 1100);
            Assert.Null(FlowLineReader.TryRead("---\n" + longKey + ": x\n"));
            Assert.Null(FlowLineReader.TryRead("---\nmeta: {\"" + longKey + "\": 1}\n"));
            Assert.NotNull(FlowLineReader.TryRead("---\nmeta: {\"" + new string('k', 100) + "\": 1}\n"));
        }

        [Fact]
        public void Nesting_deeper_than_the_format_needs_is_left_to_YamlDotNet_and_read_there()
        {
            string deep = "---\nmeta: " + new string('[', 20) + "1" + new string(']', 20) + "\n";
            Assert.Null(FlowLineReader.TryRead(deep));
            string shallow = "---\nmeta: " + new string('[', 6) + "1" + new string(']', 6) + "\n";
            AssertSameTree(Full(shallow), FlowLineReader.TryRead(shallow)!, "six lists deep");
        }

        [Fact]
        public void Empty_collections_numbers_and_plain_words_read_as_YamlDotNet_reads_them()
        {
            string yaml = "---\ntitle: \"x\"\nlayout: cache\ncategories: [package, develop-2025.04_20]\nmeta: {\"a\": [], \"b\": {}, \"n\": 12, \"l\": [\"a\", 3, b+c=d/e@f, {\"k\": [null]}]}\nempty: []\n";
            YamlNode fast = FlowLineReader.TryRead(yaml)!;
            Assert.NotNull(fast);
            AssertSameTree(Full(yaml), fast, "mixed");
        }

        /// <summary>
        /// Every prefix of a page's front matter, cut anywhere (mid-key, mid-string, mid-collection, before the line's end),
        /// is declined or read as YamlDotNet reads it: the fast path never reads past the text's end and never throws.
        /// </summary>
        [Fact]
        public void Every_prefix_of_a_page_is_declined_or_read_as_YamlDotNet_reads_it()
        {
            string yaml = Yaml(TestPaths.CorpusPage("develop-2025-04-20", "zlib").Text);
            int read = 0;
            for (int length = 0; length <= yaml.Length; length++)
            {
                string prefix = yaml.Substring(0, length);
                YamlNode? fast = FlowLineReader.TryRead(prefix);
                if (fast is not null)
                {
                    AssertSameTree(Full(prefix), fast, "prefix of " + length);
                    read++;
                }
            }

            // Only the prefixes that end at the end of a key line are whole front matter (the '---' line alone has no key).
            Assert.Equal(yaml.Count(c => c == '\n') - 1, read);
        }

        /// <summary>Keys and plain words of every letter and digit, at both ends of each range, take the fast path.</summary>
        [Fact]
        public void Keys_and_words_of_every_letter_take_the_fast_path()
        {
            string yaml = "---\nAz: Zz09\nzA: aZ\nZ_9: A.z\nkey: [z, A, Z, a, 0, 9]\ntitle: \" a b ~ \"\n";
            YamlNode fast = FlowLineReader.TryRead(yaml)!;
            Assert.NotNull(fast);
            AssertSameTree(Full(yaml), fast, "letters");
            foreach (string declined in new[] { "---\n_a: x\n", "---\n9a: x\n", "---\na: _x\n", "---\na-b: x\n", "---\na: x\n\n", "--- \na: x\n", "----\na: x\n", "---\r\na: x\r\n" })
            {
                Assert.Null(FlowLineReader.TryRead(declined));
            }
        }

        private static string Yaml(string page)
        {
            FrontMatter frontMatter = FrontMatter.Find(page);
            Assert.Null(frontMatter.Error);
            return page.Substring(0, frontMatter.YamlEnd);
        }

        private static YamlNode Full(string yaml)
        {
            var diagnostics = new List<DiagnosticInfo>();
            YamlNode? node = YamlTreeReader.ReadWithYamlDotNet("p.md", SourceText.From(yaml), yaml, diagnostics, CancellationToken.None);
            Assert.Empty(diagnostics);
            return Assert.IsAssignableFrom<YamlNode>(node);
        }

        private static void AssertSameTree(YamlNode expected, YamlNode actual, string where)
        {
            Assert.True(expected.GetType() == actual.GetType(), where + ": " + expected.ShapeName + " read as " + actual.ShapeName + " at " + actual.Span);
            Assert.True(expected.Span == actual.Span, where + ": span " + actual.Span + " instead of " + expected.Span);
            switch (expected)
            {
                case YamlScalar scalar:
                    var other = (YamlScalar)actual;
                    Assert.True(scalar.Value == other.Value && scalar.IsPlain == other.IsPlain, where + ": '" + other.Value + "' instead of '" + scalar.Value + "' at " + scalar.Span);
                    break;
                case YamlSequence list:
                    var items = ((YamlSequence)actual).Items;
                    Assert.True(list.Items.Count == items.Count, where + ": " + items.Count + " items instead of " + list.Items.Count + " at " + list.Span);
                    for (int i = 0; i < items.Count; i++)
                    {
                        AssertSameTree(list.Items[i], items[i], where);
                    }

                    break;
                case YamlMapping mapping:
                    var entries = ((YamlMapping)actual).Entries;
                    Assert.True(mapping.Entries.Count == entries.Count, where + ": " + entries.Count + " entries instead of " + mapping.Entries.Count + " at " + mapping.Span);
                    for (int i = 0; i < entries.Count; i++)
                    {
                        AssertSameTree(mapping.Entries[i].Key, entries[i].Key, where);
                        AssertSameTree(mapping.Entries[i].Value, entries[i].Value, where);
                    }

                    break;
            }
        }
    }
}
