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
    /// Reads front matter into a <see cref="YamlNode"/> tree with YamlDotNet's event parser, which gives the
    /// position of every token. Refuses what the format never uses and an attacker could abuse:
    /// anchors and aliases (no expansion, so no billion laughs) and nesting deeper than <see cref="MaxDepth"/>.
    /// </summary>
    internal static class YamlTreeReader
    {
        /// <summary>Deepest nesting of lists and mappings accepted (the format needs 4).</summary>
        public const int MaxDepth = 64;

        public static YamlNode? Read(string path, SourceText text, int yamlEnd, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var parser = new Parser(new Scanner(new StringReader(text.ToString(new TextSpan(0, yamlEnd))), skipComments: true));
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
                            if (!Attach(stack, node, ref root))
                            {
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
                            stack.Add(new Frame(start is MappingStart, flow, ToIndex(start.Start.Index, yamlEnd)));
                            break;

                        case SequenceEnd:
                        case MappingEnd:
                            Frame frame = stack[stack.Count - 1];
                            stack.RemoveAt(stack.Count - 1);
                            // A flow collection ends after its closing bracket (the event marks the bracket);
                            // a block collection ends where its last item ends.
                            int end = frame.IsFlow ? ToIndex(current.Start.Index + 1, yamlEnd) : frame.LastEnd;
                            var span = TextSpan.FromBounds(frame.Start, Math.Max(frame.Start, end));
                            YamlNode container = frame.IsMapping
                                ? new YamlMapping(span, frame.Entries!)
                                : new YamlSequence(span, frame.Items!);
                            if (!Attach(stack, container, ref root))
                            {
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
                // YamlDotNet documents YamlException for bad input; anything else is reported, never thrown.
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.YamlSyntax,
                    At(path, text, yamlEnd, last, last),
                    ex.Message));
                return null;
            }

            return root;
        }

        private static bool Attach(List<Frame> stack, YamlNode node, ref YamlNode? root)
        {
            if (stack.Count == 0)
            {
                root = node;
                return true;
            }

            Frame top = stack[stack.Count - 1];
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
            public Frame(bool isMapping, bool isFlow, int start)
            {
                IsMapping = isMapping;
                IsFlow = isFlow;
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

            public int Start { get; }

            public List<YamlNode>? Items { get; }

            public List<KeyValuePair<YamlNode, YamlNode>>? Entries { get; }

            public YamlNode? PendingKey { get; set; }
        }
    }
}
