using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>The page being read: its path and text, the diagnostics found so far, and how to report one.</summary>
    internal sealed class PageContext
    {
        private const int MaxQuoted = 60;

        [MethodImpl(Jit.Hot)]
        public PageContext(string path, SourceText text, CancellationToken cancellationToken)
        {
            Path = path;
            Text = text;
            CancellationToken = cancellationToken;
        }

        public string Path { get; }

        public SourceText Text { get; }

        public CancellationToken CancellationToken { get; }

        public List<DiagnosticInfo> Diagnostics { get; } = new List<DiagnosticInfo>();

        /// <summary>The opening <c>---</c>: where a diagnostic about the page as a whole goes.</summary>
        public TextSpan FirstLine => new TextSpan(0, Math.Min(3, Text.Length));

        public LocationInfo Location(TextSpan span) => LocationInfo.Create(Path, Text, span);

        public void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
        {
            Diagnostics.Add(DiagnosticInfo.Create(descriptor, Location(span), args));
        }

        public void Report(DiagnosticDescriptor descriptor, TextSpan span, TextSpan other, params string[] args)
        {
            Diagnostics.Add(DiagnosticInfo.Create(descriptor, Location(span), Location(other), args));
        }

        /// <summary>SPG0004: <paramref name="what"/> must be <paramref name="expected"/>, and says what it is instead.</summary>
        public void WrongShape(YamlNode node, FieldPath what, string expected)
        {
            string actual = node.ShapeName;
            if (node is YamlScalar scalar && !scalar.IsNull)
            {
                actual += " (" + Quote(scalar.Value) + ")";
            }

            Report(DiagnosticDescriptors.WrongShape, node.Span, what.ToString(), expected, actual);
        }

        /// <summary>A value for a message: in single quotes, cut after 60 characters.</summary>
        public static string Quote(string value)
        {
            return "'" + (value.Length > MaxQuoted ? value.Substring(0, MaxQuoted) + "..." : value) + "'";
        }
    }
}
