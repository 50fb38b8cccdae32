using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// The whole corpus as a Windows checkout with core.autocrlf writes it (CRLF line ends, and old Mac CR), and with
    /// every separating space YAML lets be a tab (after ':' and ',', outside quoted strings): each copy gives the
    /// catalog the corpus gives, byte for byte, with no diagnostic, and SharpYaml reads each copy as it reads the page.
    /// </summary>
    public class WhitespaceFidelityTests
    {
        private static readonly IReadOnlyList<TestPage> Corpus = TestPaths.CorpusPages();

        private static readonly string Expected = CatalogDump.Of(InMemoryCatalog.Encode(Corpus));

        public static TheoryData<string> Forms => new TheoryData<string> { "crlf", "cr", "tabs", "tabs+crlf" };

        [Theory]
        [MemberData(nameof(Forms))]
        public void The_corpus_in_another_whitespace_gives_the_same_catalog(string form)
        {
            TestPage[] pages = Corpus.Select(p => p with { Text = Rewrite(p.Text, form) }).ToArray();
            Assert.All(pages.Zip(Corpus), pair => Assert.NotEqual(pair.Second.Text, pair.First.Text));
            foreach ((TestPage page, TestPage original) in pages.Zip(Corpus))
            {
                Assert.Equal(YamlOracle.Read(original.Text).Select(s => s.ToString()), YamlOracle.Read(page.Text).Select(s => s.ToString()));
            }

            Assert.Empty(GeneratorHarness.Run(pages).Diagnostics);
            Assert.Equal(Expected, CatalogDump.Of(InMemoryCatalog.Encode(pages)));
        }

        private static string Rewrite(string text, string form)
        {
            if (form.StartsWith("tabs", StringComparison.Ordinal))
            {
                text = Tabs(text);
            }

            return form.EndsWith("crlf", StringComparison.Ordinal) ? text.Replace("\n", "\r\n", StringComparison.Ordinal)
                : form == "cr" ? text.Replace("\n", "\r", StringComparison.Ordinal)
                : text;
        }

        /// <summary>Each space right after ':' or ',' outside a double-quoted string becomes a tab (YAML's separation space may be a tab).</summary>
        private static string Tabs(string text)
        {
            var result = new StringBuilder(text.Length);
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    quoted = !(c == '"' && text[i - 1] != '\\');
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ' ' && i > 0 && (text[i - 1] == ':' || text[i - 1] == ','))
                {
                    c = '\t';
                }

                result.Append(c);
            }

            return result.ToString();
        }
    }
}
