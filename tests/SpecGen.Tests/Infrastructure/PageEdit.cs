using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>Helpers to damage a page at a known token and to find where a token is.</summary>
    internal static class PageEdit
    {
        /// <summary>The zlib page: small, real, three specs, flow style.</summary>
        public static TestPage Zlib => TestPage.Create("develop-2025-04-20", "zlib", TestPaths.CorpusPage("develop-2025-04-20", "zlib").Text);

        /// <summary>The page with hashes of its own: each spec's hash written backwards (still 32 base32 characters).</summary>
        public static string WithOwnHashes(string text)
        {
            return System.Text.RegularExpressions.Regex.Replace(text, "\"hash\": \"([a-z2-7]{32})\"", m => "\"hash\": \"" + new string(m.Groups[1].Value.Reverse().ToArray()) + "\"");
        }

        /// <summary>Replaces the <paramref name="occurrence"/>-th (0-based) <paramref name="find"/>.</summary>
        public static string Replace(string text, string find, string replacement, int occurrence = 0)
        {
            int at = IndexOf(text, find, occurrence);
            return text.Substring(0, at) + replacement + text.Substring(at + find.Length);
        }

        public static int IndexOf(string text, string find, int occurrence = 0)
        {
            int at = -1;
            for (int i = 0; i <= occurrence; i++)
            {
                at = text.IndexOf(find, at + 1, StringComparison.Ordinal);
                Assert.True(at >= 0, "'" + find + "' occurs fewer than " + (occurrence + 1) + " times");
            }

            return at;
        }

        /// <summary>The 1-based (line, column, end line, end column) of the <paramref name="occurrence"/>-th <paramref name="token"/>.</summary>
        public static (int Line, int Column, int EndLine, int EndColumn) SpanOf(string text, string token, int occurrence = 0)
        {
            int start = IndexOf(text, token, occurrence);
            (int l1, int c1) = Position(text, start);
            (int l2, int c2) = Position(text, start + token.Length);
            return (l1, c1, l2, c2);
        }

        public static (int Line, int Column) Position(string text, int offset)
        {
            int line = 1;
            int column = 1;
            for (int i = 0; i < offset; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return (line, column);
        }

        public static (int Line, int Column, int EndLine, int EndColumn) SpanOf(Location location)
        {
            FileLinePositionSpan span = location.GetLineSpan();
            return (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
        }

        /// <summary>Runs the generator and returns the diagnostics with the given ID.</summary>
        public static Diagnostic[] Find(string id, params TestPage[] pages) => Find(id, null, pages);

        public static Diagnostic[] Find(string id, IReadOnlyDictionary<string, string>? properties, params TestPage[] pages)
        {
            GeneratorOutput output = GeneratorHarness.Run(pages, properties);
            Assert.DoesNotContain(output.Diagnostics, d => d.Id == "SPG0000");
            return output.Diagnostics.Where(d => d.Id == id).ToArray();
        }

        /// <summary>Asserts exactly one diagnostic <paramref name="id"/> at <paramref name="token"/> inside the first <paramref name="context"/>.</summary>
        public static Diagnostic AssertSingleIn(string id, TestPage page, string context, string token)
        {
            int at = IndexOf(page.Text, context) + IndexOf(context, token);
            int occurrence = 0;
            for (int i = page.Text.IndexOf(token, StringComparison.Ordinal); i < at; i = page.Text.IndexOf(token, i + 1, StringComparison.Ordinal))
            {
                occurrence++;
            }

            return AssertSingleAt(id, page, token, occurrence);
        }

        /// <summary>Asserts exactly one diagnostic <paramref name="id"/> at the <paramref name="occurrence"/>-th <paramref name="token"/> of <paramref name="page"/>.</summary>
        public static Diagnostic AssertSingleAt(string id, TestPage page, string token, int occurrence = 0, params TestPage[] others)
        {
            Diagnostic diagnostic = Assert.Single(Find(id, others.Prepend(page).ToArray()));
            Assert.Equal(page.Path, diagnostic.Location.GetLineSpan().Path);
            Assert.Equal(SpanOf(page.Text, token, occurrence), SpanOf(diagnostic.Location));
            return diagnostic;
        }
    }
}
