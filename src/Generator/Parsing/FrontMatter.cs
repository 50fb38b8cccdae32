using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;

namespace SpecGen.Generator.Parsing
{
    /// <summary>
    /// Finds the YAML front matter of a page: the lines between a first line <c>---</c> and the next
    /// <c>---</c> (or <c>...</c>) line. Lines are split the way YAML splits them (CR, LF, CRLF), not at
    /// other Unicode line separators, which YAML reads as ordinary characters.
    /// </summary>
    internal readonly struct FrontMatter
    {
        private FrontMatter(int yamlEnd, string? error, TextSpan errorSpan)
        {
            YamlEnd = yamlEnd;
            Error = error;
            ErrorSpan = errorSpan;
        }

        /// <summary>End of the YAML text (the start of the closing line). The YAML starts at 0 with its own <c>---</c> line.</summary>
        public int YamlEnd { get; }

        /// <summary>Why the text is not a page, or null.</summary>
        public string? Error { get; }

        public TextSpan ErrorSpan { get; }

        /// <summary>The front matter of a page's whole text (a string-backed <see cref="SourceText"/> gives it without a copy).</summary>
        [MethodImpl(Jit.Hot)]
        public static FrontMatter Find(string text)
        {
            int length = text.Length;
            if (length == 0)
            {
                return new FrontMatter(0, "the file is empty; a page starts with a '---' line", new TextSpan(0, 0));
            }

            int firstEnd = LineEnd(text, 0);
            var firstLine = TextSpan.FromBounds(0, firstEnd);
            if (!IsMarker(text, 0, firstEnd, '-'))
            {
                return new FrontMatter(0, "the first line must be '---' (no front matter found)", firstLine);
            }

            int start = NextLine(text, firstEnd);
            while (start < length)
            {
                int end = LineEnd(text, start);
                if (IsMarker(text, start, end, '-') || IsMarker(text, start, end, '.'))
                {
                    return new FrontMatter(start, null, default);
                }

                start = NextLine(text, end);
            }

            return new FrontMatter(0, "the front matter has no closing '---' line", firstLine);
        }

        [MethodImpl(Jit.Hot)]
        private static int LineEnd(string text, int start)
        {
            int i = start;
            while (i < text.Length && text[i] != '\n' && text[i] != '\r')
            {
                i++;
            }

            return i;
        }

        [MethodImpl(Jit.Hot)]
        private static int NextLine(string text, int lineEnd)
        {
            if (lineEnd < text.Length && text[lineEnd] == '\r')
            {
                lineEnd++;
                if (lineEnd < text.Length && text[lineEnd] == '\n')
                {
                    lineEnd++;
                }

                return lineEnd;
            }

            return lineEnd < text.Length ? lineEnd + 1 : lineEnd;
        }

        /// <summary>A line of exactly three <paramref name="c"/> characters, then optional spaces or tabs.</summary>
        [MethodImpl(Jit.Hot)]
        private static bool IsMarker(string text, int start, int end, char c)
        {
            if (end - start < 3 || text[start] != c || text[start + 1] != c || text[start + 2] != c)
            {
                return false;
            }

            for (int i = start + 3; i < end; i++)
            {
                if (text[i] != ' ' && text[i] != '\t')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
