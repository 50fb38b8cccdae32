// Shared by SpecGen.Runtime and SpecGen.Generator: the character classes of the Python code SpecGen follows.
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SpecGen.Format
{
    /// <summary>
    /// Python's reading of text, where Spack, archspec and distro use it: whitespace is <c>str.isspace()</c> (what
    /// <c>\s</c> matches in a <c>str</c> pattern, what <c>str.split()</c> and <c>str.strip()</c> remove), a word
    /// character is what <c>\w</c> matches. Written out as lists so that the answer does not depend on the Unicode
    /// tables of the .NET runtime: .NET's whitespace lacks U+001C-U+001F, which Python counts.
    /// </summary>
    internal static class PythonText
    {
        /// <summary>Python's whitespace as a regular-expression character class (for <c>\s</c> in Spack's token patterns).</summary>
        public const string SpaceClass = @"[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";

        /// <summary>Python's <c>\w</c> in a <c>str</c> pattern (a letter, a number or '_') as a character class.</summary>
        public const string WordClass = @"[\p{L}\p{Nd}\p{Nl}\p{No}_]";

        /// <summary>Python's <c>\b</c>: a word character on one side only.</summary>
        public const string WordBoundary = "(?:(?<=" + WordClass + ")(?!" + WordClass + ")|(?<!" + WordClass + ")(?=" + WordClass + "))";

        /// <summary><c>str.isspace()</c> for one character: the 29 code points of Unicode 15 whose bidirectional class is WS, B or S, or whose category is Zs.</summary>
        public static bool IsSpace(char c)
        {
            if (c <= ' ')
            {
                return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
            }

            return c == '\x85' || c == '\xa0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a')
                || c == '\u2028' || c == '\u2029' || c == '\u202f' || c == '\u205f' || c == '\u3000';
        }

        /// <summary><c>\w</c> for the character at <paramref name="index"/> (a surrogate pair is read as one code point).</summary>
        public static bool IsWord(string text, int index)
        {
            char c = text[index];
            if (c < 0x80)
            {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(text, index))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.OtherNumber:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary><c>str.strip()</c>.</summary>
        public static string Strip(string text)
        {
            int start = 0;
            int end = text.Length;
            while (start < end && IsSpace(text[start]))
            {
                start++;
            }

            while (end > start && IsSpace(text[end - 1]))
            {
                end--;
            }

            return start == 0 && end == text.Length ? text : text.Substring(start, end - start);
        }

        /// <summary><c>str.split()</c>: the words between runs of whitespace, none empty.</summary>
        public static List<string> Split(string text)
        {
            var words = new List<string>();
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && IsSpace(text[i]))
                {
                    i++;
                }

                int start = i;
                while (i < text.Length && !IsSpace(text[i]))
                {
                    i++;
                }

                if (i > start)
                {
                    words.Add(text.Substring(start, i - start));
                }
            }

            return words;
        }

        /// <summary>
        /// <paramref name="text"/> for a message: every control, format, line or paragraph separator, space other
        /// than U+0020 and lone surrogate written as <c>U+XXXX</c>, so that a message never carries an invisible
        /// character or a line break the reader cannot see.
        /// </summary>
        public static string Escape(string text)
        {
            StringBuilder? builder = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                int width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                if (!IsInvisible(text, i))
                {
                    builder?.Append(text, i, width);
                    i += width - 1;
                    continue;
                }

                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                int codePoint = width == 2 ? char.ConvertToUtf32(c, text[i + 1]) : c;
                builder.Append("U+").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
                i += width - 1;
            }

            return builder?.ToString() ?? text;
        }

        private static bool IsInvisible(string text, int index)
        {
            char c = text[index];
            if (c >= ' ' && c < 0x7f)
            {
                return false;
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])))
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(text, index))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.Surrogate:
                    return true;
                default:
                    return IsSpace(c);
            }
        }
    }
}
