using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SpecGen.Generator.Parsing
{
    /// <summary>
    /// Reads front matter into a <see cref="YamlNode"/> tree: pages in the site's one-line JSON-style shape through
    /// <see cref="FlowLineReader"/>, everything else with YamlDotNet's event parser, which gives the
    /// position of every token. Refuses what the format never uses and an attacker could abuse:
    /// anchors and aliases (no expansion, so no billion laughs) and nesting deeper than <see cref="MaxDepth"/>.
    /// </summary>
    internal static class YamlTreeReader
    {
        /// <summary>Deepest nesting of lists and mappings accepted (the format needs 4).</summary>
        public const int MaxDepth = 64;

        /// <summary>The tree of the front matter: <paramref name="content"/> (the whole text of <paramref name="text"/>) up to <paramref name="yamlEnd"/>.</summary>
        public static YamlNode? Read(string path, SourceText text, string content, int yamlEnd, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            return FlowLineReader.TryRead(content, yamlEnd, cancellationToken)
                ?? ReadWithYamlDotNet(path, text, content.Substring(0, yamlEnd), diagnostics, cancellationToken);
        }

        /// <summary>
        /// The full reader: any YAML, with YamlDotNet's diagnostics and SpecGen's own on top. YamlDotNet refuses a tab on
        /// a line that holds only white space, which YAML 1.2 reads as an empty line (s-flow-line-prefix allows tabs after
        /// the indentation, and in block context such a line is a comment line, s-separate-in-line being spaces and tabs):
        /// such a page is read again with those tabs as spaces (the same length, so every place is the same), and only if
        /// that fails too is YamlDotNet's error reported. Its error need not mention the tab: after a space, as in
        /// <c>" 	 "</c>, it says "did not find expected key".
        /// </summary>
        internal static YamlNode? ReadWithYamlDotNet(string path, SourceText text, string yaml, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var first = new List<DiagnosticInfo>();
            YamlNode? root = ReadOnce(path, text, yaml, first, cancellationToken);
            if (root is null && first.Count == 1 && first[0].Id == DiagnosticDescriptors.YamlSyntax.Id
                && BlankLineTabsAsSpaces(yaml) is string spaced)
            {
                var second = new List<DiagnosticInfo>();
                YamlNode? retried = ReadOnce(path, text, spaced, second, cancellationToken);
                if (retried is not null && second.Count == 0)
                {
                    return retried;
                }
            }

            diagnostics.AddRange(first);
            return root;
        }

        /// <summary>The text with every tab of a line that holds only spaces and tabs made a space, or null when there is none.</summary>
        private static string? BlankLineTabsAsSpaces(string yaml)
        {
            char[]? chars = null;
            int lineStart = 0;
            for (int i = 0; i <= yaml.Length; i++)
            {
                if (i < yaml.Length && yaml[i] != '\n' && yaml[i] != '\r')
                {
                    continue;
                }

                bool blank = true;
                bool hasTab = false;
                for (int k = lineStart; k < i && blank; k++)
                {
                    blank = yaml[k] == ' ' || yaml[k] == '\t';
                    hasTab |= yaml[k] == '\t';
                }

                if (blank && hasTab)
                {
                    chars ??= yaml.ToCharArray();
                    for (int k = lineStart; k < i; k++)
                    {
                        chars[k] = ' ';
                    }
                }

                lineStart = i + 1;
            }

            return chars is null ? null : new string(chars);
        }

        private static YamlNode? ReadOnce(string path, SourceText text, string yaml, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            int yamlEnd = yaml.Length;
            if (FindNonPrintable(yaml) is int bad)
            {
                // YAML 1.2 (5.1) allows only printable characters; YamlDotNet reads some others as empty scalars.
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.YamlSyntax,
                    LocationInfo.Create(path, text, new TextSpan(bad, 1)),
                    "the page holds the character U+" + ((int)yaml[bad]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ", which YAML does not allow (write it as an escape inside a double-quoted string)"));
                return null;
            }

            var parser = new Parser(new Scanner(new StringReader(yaml), skipComments: true));
            var stack = new List<Frame>();
            YamlNode? root = null;
            int documents = 0;
            int events = 0;
            Mark last = Mark.Empty;

            try
            {
                while (parser.MoveNext())
                {
                    if ((++events & 255) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    ParsingEvent current = parser.Current!;
                    last = current.End;
                    switch (current)
                    {
                        case DocumentStart:
                            if (++documents > 1)
                            {
                                diagnostics.Add(DiagnosticInfo.Create(
                                    DiagnosticDescriptors.YamlSyntax,
                                    At(path, text, yamlEnd, current.Start, current.End),
                                    "the front matter must hold a single YAML document"));
                                return null;
                            }

                            break;

                        case AnchorAlias alias:
                            diagnostics.Add(AnchorsRefused(path, text, yamlEnd, alias.Start, alias.End));
                            return null;

                        case Scalar scalar:
                            if (!scalar.Anchor.IsEmpty)
                            {
                                diagnostics.Add(AnchorsRefused(path, text, yamlEnd, scalar.Start, scalar.End));
                                return null;
                            }

                            var node = new YamlScalar(Span(yamlEnd, scalar.Start, scalar.End), scalar.Value, scalar.Style == ScalarStyle.Plain);
                            if (node.IsPlain && node.Value.Length > 0 && (IsBlank(node.Value[0]) || IsBlank(node.Value[node.Value.Length - 1])))
                            {
                                // A plain scalar never starts or ends with a blank in YAML; YamlDotNet makes one of ', : x'.
                                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, LocationInfo.Create(path, text, node.Span), "did not find the expected value here"));
                                return null;
                            }

                            if (!Attach(stack, node, yaml, ref root))
                            {
                                diagnostics.Add(MissingSeparator(path, text, node));
                                return null;
                            }

                            break;

                        case NodeEvent start when start is SequenceStart || start is MappingStart:
                            if (!start.Anchor.IsEmpty)
                            {
                                diagnostics.Add(AnchorsRefused(path, text, yamlEnd, start.Start, start.End));
                                return null;
                            }

                            if (stack.Count >= MaxDepth)
                            {
                                diagnostics.Add(DiagnosticInfo.Create(
                                    DiagnosticDescriptors.ResourceLimit,
                                    At(path, text, yamlEnd, start.Start, start.End),
                                    "lists and mappings are nested more than " + MaxDepth + " deep"));
                                return null;
                            }

                            bool flow = start is MappingStart mapping ? mapping.Style == MappingStyle.Flow : ((SequenceStart)start).Style == SequenceStyle.Flow;

                            // A single pair written in a flow list ("[a: 1, b]") is a mapping without braces: YamlDotNet
                            // marks its start nowhere (an empty mark) and its end at the ',' or ']' after it, so its span
                            // is its key's start to its value's end.
                            bool pair = start is MappingStart && stack.Count > 0 && stack[stack.Count - 1] is { IsFlow: true, IsMapping: false } && start.Start.Equals(Mark.Empty);
                            stack.Add(new Frame(start is MappingStart, flow, ToIndex(start.Start.Index, yamlEnd), pair));
                            break;

                        case SequenceEnd:
                        case MappingEnd:
                            Frame frame = stack[stack.Count - 1];
                            stack.RemoveAt(stack.Count - 1);
                            // A flow collection ends after its closing bracket (the event marks the bracket);
                            // a block collection ends where its last item ends.
                            int end = frame.IsFlow && !frame.IsPair ? ToIndex(current.Start.Index + 1, yamlEnd) : frame.LastEnd;
                            var span = TextSpan.FromBounds(frame.Start, Math.Max(frame.Start, end));
                            YamlNode container = frame.IsMapping
                                ? new YamlMapping(span, frame.Entries!)
                                : new YamlSequence(span, frame.Items!);
                            if (!Attach(stack, container, yaml, ref root))
                            {
                                diagnostics.Add(MissingSeparator(path, text, container));
                                return null;
                            }

                            break;
                    }
                }
            }
            catch (YamlException ex)
            {
                LocationInfo location = At(path, text, yamlEnd, ex.Start, ex.End);
                string message = InnerMessage(ex);
                if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0
                    && FindIndentingTab(text, ToIndex(last.Index, yamlEnd), yamlEnd) is int tab)
                {
                    // YamlDotNet marks the enclosing mapping; the tab itself is the useful place.
                    location = LocationInfo.Create(path, text, new TextSpan(tab, 1));
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, location, message));
                return null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // YamlDotNet documents YamlException for bad input; anything else is reported, never thrown. It throws
                // InvalidOperationException when the text ends inside a flow list or mapping: say which one.
                Frame? open = stack.FindLast(f => f.IsFlow);
                if (open is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.YamlSyntax,
                        LocationInfo.Create(path, text, new TextSpan(open.Start, Math.Min(1, yamlEnd - open.Start))),
                        "this " + (open.IsMapping ? "mapping" : "list") + " is never closed: the front matter ends before its '" + (open.IsMapping ? '}' : ']') + "'"));
                    return null;
                }

                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.YamlSyntax,
                    At(path, text, yamlEnd, last, last),
                    ex.Message));
                return null;
            }

            return root;
        }

        private static bool IsBlank(char c) => c == ' ' || c == '\t';

        /// <summary>True when the key at <paramref name="keyStart"/> is written after a '?' (an explicit key, whose ':' may be on a later line).</summary>
        private static bool IsExplicitKey(string yaml, int keyStart)
        {
            for (int i = keyStart - 1; i >= 0; i--)
            {
                switch (yaml[i])
                {
                    case '?':
                        return true;
                    case ',':
                    case '{':
                    case '[':
                        return false;
                }
            }

            return false;
        }

        /// <summary>The first character outside YAML 1.2's printable set (c-printable), or null.</summary>
        private static int? FindNonPrintable(string yaml)
        {
            for (int i = 0; i < yaml.Length; i++)
            {
                char c = yaml[i];
                bool printable = c >= ' ' ? c < 0x7F || c == 0x85 || (c >= 0xA0 && c <= 0xFFFD && !char.IsSurrogate(c)) : c == '\t' || c == '\n' || c == '\r';
                if (printable)
                {
                    continue;
                }

                if (char.IsHighSurrogate(c) && i + 1 < yaml.Length && char.IsLowSurrogate(yaml[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            return null;
        }

        /// <summary>
        /// True when the text between the end of the previous node of a flow collection and <paramref name="start"/>
        /// holds <paramref name="indicator"/>: the ',' between entries, the ':' between a key and its value. YamlDotNet
        /// accepts a plain scalar right after a closing bracket (<c>{"a": [1] b}</c>) and a value without its colon
        /// (<c>{"a" "b"}</c>), which YAML does not.
        /// </summary>
        private static bool HasIndicator(string yaml, int previousEnd, int start, char indicator, bool sameLine = false)
        {
            for (int i = previousEnd; i < start && i < yaml.Length; i++)
            {
                if (yaml[i] == indicator)
                {
                    return true;
                }

                if (sameLine && (yaml[i] == '\n' || yaml[i] == '\r'))
                {
                    // An implicit key and its ':' share a line (YAML 1.2, 7.4.2); YamlDotNet takes a ':' on the next line too.
                    return false;
                }

                if (yaml[i] == '#' && (i == 0 || yaml[i - 1] == ' ' || yaml[i - 1] == '\t' || yaml[i - 1] == '\n' || yaml[i - 1] == '\r'))
                {
                    while (i < start && yaml[i] != '\n' && yaml[i] != '\r')
                    {
                        i++;
                    }
                }
            }

            return false;
        }

        /// <summary>Adds a finished node to the collection being read; false when a flow collection lacks the ',' before it.</summary>
        private static bool Attach(List<Frame> stack, YamlNode node, string yaml, ref YamlNode? root)
        {
            if (stack.Count == 0)
            {
                root = node;
                return true;
            }

            Frame top = stack[stack.Count - 1];
            if (top.IsFlow)
            {
                // Between entries a ','; between a key and a value written out, a ':' (an empty value has no text).
                bool startsEntry = top.IsMapping ? top.PendingKey is null && top.Entries!.Count > 0 : top.Items!.Count > 0;
                bool isValue = top.IsMapping && top.PendingKey is not null && node.Span.Length > 0;
                if ((startsEntry && !HasIndicator(yaml, top.LastEnd, node.Span.Start, ','))
                    || (isValue && !HasIndicator(yaml, top.LastEnd, node.Span.Start, ':', sameLine: !IsExplicitKey(yaml, top.PendingKey!.Span.Start))))
                {
                    return false;
                }
            }

            if (top.IsPair && top.PendingKey is null && top.Entries!.Count == 0)
            {
                top.Start = node.Span.Start;
            }

            top.LastEnd = node.Span.End;
            if (!top.IsMapping)
            {
                top.Items!.Add(node);
            }
            else if (top.PendingKey is null)
            {
                top.PendingKey = node;
            }
            else
            {
                top.Entries!.Add(new KeyValuePair<YamlNode, YamlNode>(top.PendingKey, node));
                top.PendingKey = null;
            }

            return true;
        }

        /// <summary>The first tab in the indentation of a line at or after <paramref name="from"/>.</summary>
        private static int? FindIndentingTab(SourceText text, int from, int end)
        {
            bool lineStart = false;
            for (int i = from; i < end; i++)
            {
                char c = text[i];
                if (c == '\n' || c == '\r')
                {
                    lineStart = true;
                }
                else if (c == '\t' && lineStart)
                {
                    return i;
                }
                else if (c != ' ')
                {
                    lineStart = false;
                }
            }

            return null;
        }

        private static DiagnosticInfo MissingSeparator(string path, SourceText text, YamlNode node)
        {
            return DiagnosticInfo.Create(
                DiagnosticDescriptors.YamlSyntax,
                LocationInfo.Create(path, text, node.Span.Length > 0 ? node.Span : new TextSpan(node.Span.Start, Math.Min(1, text.Length - node.Span.Start))),
                "did not find the expected ',' or ':' before this item of a flow list or mapping");
        }

        private static DiagnosticInfo AnchorsRefused(string path, SourceText text, int yamlEnd, Mark start, Mark end)
        {
            return DiagnosticInfo.Create(
                DiagnosticDescriptors.ResourceLimit,
                At(path, text, yamlEnd, start, end),
                "YAML anchors and aliases are not part of the page format and are refused");
        }

        /// <summary>YamlDotNet prefixes messages with their marks; the location already says where.</summary>
        private static string InnerMessage(YamlException ex)
        {
            string message = ex.Message;
            int split = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line:", StringComparison.Ordinal) && split >= 0)
            {
                message = message.Substring(split + 3);
            }

            return message.Trim();
        }

        private static int ToIndex(long index, int yamlEnd)
        {
            return (int)Math.Max(0, Math.Min(index, yamlEnd));
        }

        private static TextSpan Span(int yamlEnd, Mark start, Mark end)
        {
            int s = ToIndex(start.Index, yamlEnd);
            int e = Math.Max(s, ToIndex(end.Index, yamlEnd));
            return TextSpan.FromBounds(s, e);
        }

        private static LocationInfo At(string path, SourceText text, int yamlEnd, Mark start, Mark end)
        {
            return LocationInfo.Create(path, text, Span(yamlEnd, start, end));
        }

        private sealed class Frame
        {
            public Frame(bool isMapping, bool isFlow, int start, bool isPair)
            {
                IsMapping = isMapping;
                IsFlow = isFlow;
                IsPair = isPair;
                Start = start;
                LastEnd = start;
                // A spec is a mapping of about ten keys; most lists are short.
                if (isMapping)
                {
                    Entries = new List<KeyValuePair<YamlNode, YamlNode>>(10);
                }
                else
                {
                    Items = new List<YamlNode>(4);
                }
            }

            public bool IsMapping { get; }

            public bool IsFlow { get; }

            /// <summary>End of the last node added (the end of a block collection).</summary>
            public int LastEnd { get; set; }

            /// <summary>A single pair in a flow list, without braces: it starts at its key and ends at its value.</summary>
            public bool IsPair { get; }

            public int Start { get; set; }

            public List<YamlNode>? Items { get; }

            public List<KeyValuePair<YamlNode, YamlNode>>? Entries { get; }

            public YamlNode? PendingKey { get; set; }
        }
    }
}
