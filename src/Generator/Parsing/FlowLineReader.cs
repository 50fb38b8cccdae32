using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Parsing
{
    /// <summary>
    /// The fast path for front matter in the shape the cache site writes it: after the <c>---</c> line, one
    /// <c>key: value</c> line per key, each value a plain word, a double-quoted string, or a one-line JSON-style flow
    /// list or mapping (<c>{"hash": "...", "stacks": ["hep", "root"], ...}</c>) with <c>", "</c> and <c>": "</c>
    /// between its parts. That is a strict subset of YAML whose tree is unambiguous, so this reader gives exactly the
    /// tree (values, styles, spans) that <see cref="YamlTreeReader"/> gives through YamlDotNet, at a fraction of its
    /// cost. It never reports anything: on the first character outside the subset (an escape, a comment, a tab, a CR,
    /// a non-ASCII character, a block list, any error) it returns null, and YamlDotNet reads the page with its
    /// diagnostics as before. <c>FlowLineReaderTests</c> checks the two trees are the same on every page it accepts.
    /// </summary>
    internal static class FlowLineReader
    {
        /// <summary>Deepest nesting taken here; deeper pages go to YamlDotNet (the format needs 4).</summary>
        private const int MaxDepth = 16;

        /// <summary>
        /// Longest key taken here. YAML limits an implicit key to 1024 characters, and YamlDotNet stops treating a longer
        /// one as a key; the format's keys are a few characters long.
        /// </summary>
        private const int MaxKeyLength = 1000;

        /// <summary>The tree of <paramref name="yaml"/> (the text from the page's first <c>---</c> line to its closing line), or null when the text is not in the subset.</summary>
        public static YamlNode? TryRead(string yaml, CancellationToken cancellationToken = default) => TryRead(yaml, yaml.Length, cancellationToken);

        /// <summary>The tree of <paramref name="yaml"/>'s first <paramref name="end"/> characters (a page's front matter, read in place), or null when they are not in the subset.</summary>
        [MethodImpl(Jit.Hot)]
        public static YamlNode? TryRead(string yaml, int end, CancellationToken cancellationToken = default)
        {
            if (end > yaml.Length || !At(yaml, 0, end, "---\n"))
            {
                return null;
            }

            int i = 4;
            int rootStart = i;
            var entries = new List<KeyValuePair<YamlNode, YamlNode>>(8);
            int lastEnd = rootStart;
            while (i < end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int keyStart = i;
                while (i < end && IsKeyChar(yaml[i]))
                {
                    i++;
                }

                if (i == keyStart || i - keyStart > MaxKeyLength || !IsLetter(yaml[keyStart]) || !At(yaml, i, end, ": "))
                {
                    return null;
                }

                var key = new YamlScalar(TextSpan.FromBounds(keyStart, i), SharedValues.Text(yaml, keyStart, i - keyStart), isPlain: true);
                i += 2;
                YamlNode? value = end > i && (yaml[i] == '"' || yaml[i] == '[' || yaml[i] == '{')
                    ? ReadFlow(yaml, end, ref i, 0, cancellationToken)
                    : ReadPlain(yaml, end, ref i, flow: false);
                if (value is null || i >= end || yaml[i] != '\n')
                {
                    return null;
                }

                entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));
                lastEnd = value.Span.End;
                i++;
            }

            // An empty front matter is a null document, which YamlDotNet reads as one empty plain scalar: leave it to it.
            return entries.Count == 0 ? null : new YamlMapping(TextSpan.FromBounds(rootStart, lastEnd), entries);
        }

        /// <summary>A double-quoted string, a flow list or a flow mapping at <paramref name="i"/>; null outside the subset.</summary>
        [MethodImpl(Jit.Hot)]
        private static YamlNode? ReadFlow(string yaml, int end, ref int i, int depth, CancellationToken cancellationToken)
        {
            if (i >= end)
            {
                return null;
            }

            switch (yaml[i])
            {
                case '"':
                    return ReadQuoted(yaml, end, ref i);
                case '[':
                    return depth < MaxDepth ? ReadList(yaml, end, ref i, depth + 1, cancellationToken) : null;
                case '{':
                    return depth < MaxDepth ? ReadMapping(yaml, end, ref i, depth + 1, cancellationToken) : null;
                default:
                    return ReadPlain(yaml, end, ref i, flow: true);
            }
        }

        [MethodImpl(Jit.Hot)]
        private static YamlNode? ReadList(string yaml, int end, ref int i, int depth, CancellationToken cancellationToken)
        {
            int start = i++;
            var items = new List<YamlNode>(4);
            bool closed = Closes(yaml, end, ref i, ']');
            while (!closed)
            {
                YamlNode? item = ReadFlow(yaml, end, ref i, depth, cancellationToken);
                if (item is null || EndOrNext(yaml, end, ref i, ']') is not bool last)
                {
                    return null;
                }

                items.Add(item);
                closed = last;
            }

            return new YamlSequence(TextSpan.FromBounds(start, i), items);
        }

        [MethodImpl(Jit.Hot)]
        private static YamlNode? ReadMapping(string yaml, int end, ref int i, int depth, CancellationToken cancellationToken)
        {
            // A page's specs are the mappings of one line: a build cancelled while a big page is read stops here.
            cancellationToken.ThrowIfCancellationRequested();
            int start = i++;
            var entries = new List<KeyValuePair<YamlNode, YamlNode>>(10);
            bool closed = Closes(yaml, end, ref i, '}');
            while (!closed)
            {
                // Keys are JSON strings; a plain key in a flow mapping has rules of its own, left to YamlDotNet.
                YamlScalar? key = i < end && yaml[i] == '"' ? ReadQuoted(yaml, end, ref i) : null;
                if (key is null || key.Span.Length > MaxKeyLength || !At(yaml, i, end, ": "))
                {
                    return null;
                }

                i += 2;
                YamlNode? value = ReadFlow(yaml, end, ref i, depth, cancellationToken);
                if (value is null || EndOrNext(yaml, end, ref i, '}') is not bool last)
                {
                    return null;
                }

                entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));
                closed = last;
            }

            return new YamlMapping(TextSpan.FromBounds(start, i), entries);
        }

        /// <summary>True, and past it, when <paramref name="close"/> is next.</summary>
        [MethodImpl(Jit.Hot)]
        private static bool Closes(string yaml, int end, ref int i, char close)
        {
            if (i < end && yaml[i] == close)
            {
                i++;
                return true;
            }

            return false;
        }

        /// <summary>After an entry: true past the closing bracket, false past the <c>", "</c> before the next entry, null for anything else.</summary>
        [MethodImpl(Jit.Hot)]
        private static bool? EndOrNext(string yaml, int end, ref int i, char close)
        {
            if (Closes(yaml, end, ref i, close))
            {
                return true;
            }

            if (!At(yaml, i, end, ", "))
            {
                return null;
            }

            i += 2;
            return false;
        }

        /// <summary>A double-quoted string of printable ASCII without escapes.</summary>
        [MethodImpl(Jit.Hot)]
        private static YamlScalar? ReadQuoted(string yaml, int end, ref int i)
        {
            int start = i++;
            int contentStart = i;
            while (i < end)
            {
                char c = yaml[i];
                if (c == '"')
                {
                    string value = SharedValues.Text(yaml, contentStart, i - contentStart);
                    i++;
                    return new YamlScalar(TextSpan.FromBounds(start, i), value, isPlain: false);
                }

                if (c < ' ' || c > '~' || c == '\\')
                {
                    return null;
                }

                i++;
            }

            return null;
        }

        /// <summary>
        /// A plain word: starts with a letter or digit and holds only letters, digits and <c>. _ @ + = / -</c>, none of
        /// which starts or ends a YAML plain scalar or separates flow entries; it ends at the line's end, or in a flow
        /// list at <c>", "</c> or <c>]</c>.
        /// </summary>
        [MethodImpl(Jit.Hot)]
        private static YamlScalar? ReadPlain(string yaml, int end, ref int i, bool flow)
        {
            int start = i;
            if (i >= end || !IsLetterOrDigit(yaml[i]))
            {
                return null;
            }

            while (i < end && IsWordChar(yaml[i]))
            {
                i++;
            }

            if (i < end && !(flow ? yaml[i] == ',' || yaml[i] == ']' || yaml[i] == '}' : yaml[i] == '\n'))
            {
                return null;
            }

            return new YamlScalar(TextSpan.FromBounds(start, i), SharedValues.Text(yaml, start, i - start), isPlain: true);
        }

        private static bool At(string yaml, int i, int end, string what) => end - i >= what.Length && string.CompareOrdinal(yaml, i, what, 0, what.Length) == 0;

        private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsLetterOrDigit(char c) => IsLetter(c) || (c >= '0' && c <= '9');

        private static bool IsKeyChar(char c) => IsLetterOrDigit(c) || c == '_';

        private static bool IsWordChar(char c) => IsLetterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == '+' || c == '=' || c == '/' || c == '-';
    }
}
