extern alias Generator;

using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Generator::SpecGen.Generator.Emit;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// How page strings become C# source (every one goes through <c>Literals</c>): string literals in printable ASCII, the
    /// blob's characters written as they are only where they are visible and harmless, XML doc text with markup escaped,
    /// and the table blob refused if it ever held a byte that needs escaping. Each expectation is stated here from the
    /// character's Unicode category and C#'s rules, and checked by Roslyn's parser.
    /// </summary>
    public class LiteralsTests
    {
        /// <summary>
        /// Written as is: printable ASCII but '"' and '\', and above U+00A0 what is visible: not a control, format
        /// character, separator or surrogate, not in the General Punctuation block (spaces, joiners, bidi controls), the
        /// Specials block or the variation selectors, and not one of the invisible letters and marks (CGJ, Hangul and
        /// halfwidth fillers, Khmer inherent vowels, Mongolian selectors).
        /// </summary>
        private static bool Visible(int c)
        {
            if (c < 0x7F)
            {
                return c >= 0x20 && c != '"' && c != '\\';
            }

            if (c <= 0xA0 || (c >= 0x2000 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x180B && c <= 0x180F) || c >= 0xFFF0)
            {
                return false;
            }

            if (c is 0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0)
            {
                return false;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory((char)c);
            return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate);
        }

        [Fact]
        public void A_blob_character_is_written_as_is_exactly_when_it_is_visible()
        {
            int[] wrong = Enumerable.Range(0, 65536).Where(c => Literals.IsPlain(c) != Visible(c)).ToArray();
            Assert.True(wrong.Length == 0, "IsPlain disagrees at " + string.Join(", ", wrong.Take(40).Select(c => "U+" + c.ToString("X4", CultureInfo.InvariantCulture))));

            // As it is, or as \uXXXX: one character of the literal or six.
            foreach (int c in new[] { 0x41, 0x20, 0x7E, 0x22, 0x5C, 0x7F, 0xA0, 0xA1, 0x202E, 0xFEFF, 0x4E2D })
            {
                var builder = new StringBuilder();
                Literals.AppendBytesAsChars(builder, new[] { (byte)(c & 0xFF), (byte)(c >> 8) });
                Assert.Equal(Visible(c) ? ((char)c).ToString() : "\\u" + c.ToString("X4", CultureInfo.InvariantCulture), builder.ToString());
            }
        }

        [Fact]
        public void A_string_literal_is_printable_ascii_and_reads_back_as_the_string()
        {
            for (int c = 0; c < 65536; c++)
            {
                string value = ((char)c).ToString();
                string literal = Literals.String(value);
                string expected = c is '"' or '\\' ? "\"\\" + (char)c + "\"" : c >= 0x20 && c < 0x7F ? "\"" + (char)c + "\"" : "\"\\u" + c.ToString("X4", CultureInfo.InvariantCulture) + "\"";
                Assert.Equal(expected, literal);
            }

            string page = "zlib \"1.3\" \\ é \u202E\u0000\r\n\u2028 end";
            var parsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(Literals.String(page));
            Assert.Empty(parsed.GetDiagnostics());
            Assert.Equal(page, parsed.Token.ValueText);
        }

        [Fact]
        public void Xml_doc_text_escapes_markup_and_writes_the_rest_of_non_ascii_as_references()
        {
            Assert.Equal("a &amp; b &lt;c&gt; \"d\" ' ~", Literals.XmlText("a & b <c> \"d\" ' ~"));
            Assert.Equal("&#xE9;&#x202E;&#x1F;&#x7F;&#xA;", Literals.XmlText("é\u202E\u001F\u007F\n"));
            Assert.Equal(" ", Literals.XmlText(" "));
        }

        [Fact]
        public void The_table_blob_is_written_as_is_and_refused_if_a_byte_would_need_escaping()
        {
            // Longer than one 8,192-character chunk: every byte arrives, in order.
            byte[] bytes = Enumerable.Range(0, 20000).Select(i => (byte)(0x20 + (i % 95))).Where(b => b != '"' && b != '\\').ToArray();
            var builder = new StringBuilder();
            Literals.AppendPrintableAscii(builder, bytes);
            Assert.Equal(Encoding.ASCII.GetString(bytes), builder.ToString());

            foreach (byte bad in new byte[] { 0x1F, 0x7F, 0x80, (byte)'"', (byte)'\\' })
            {
                var refused = Assert.Throws<InvalidOperationException>(() => Literals.AppendPrintableAscii(new StringBuilder(), new byte[] { 0x41, bad }));
                Assert.Equal("The table blob holds a byte that needs escaping.", refused.Message);
            }

            var edges = new StringBuilder();
            Literals.AppendPrintableAscii(edges, new byte[] { 0x20, 0x7E });
            Assert.Equal(" ~", edges.ToString());
        }
    }
}
