using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>
    /// One node of a query as Spack's parser builds it (spec_parser.py, SpecNodeParser.parse): the root package, or a
    /// direct dependency written after <c>%</c>, which for a cache page is its compiler. Every attribute after a node's
    /// name, up to the next <c>%</c>, belongs to that node.
    /// </summary>
    internal sealed class QueryNodeSyntax
    {
        public QueryNodeSyntax(int start, bool isCompiler, string? virtuals)
        {
            Start = start;
            IsCompiler = isCompiler;
            Virtuals = virtuals;
        }

        /// <summary>Where the node starts (its sigil, or its first token).</summary>
        public int Start { get; }

        /// <summary>True for a node after <c>%</c>.</summary>
        public bool IsCompiler { get; }

        /// <summary>The virtuals a <c>%c,cxx=gcc</c> assigns, or null.</summary>
        public string? Virtuals { get; }

        /// <summary>The package name; null for an anonymous node (no name, or <c>*</c>).</summary>
        public string? Name { get; set; }

        public int NameStart { get; set; } = -1;

        /// <summary>The version list after '@' (whitespace kept as written); null when none is given.</summary>
        public string? Versions { get; set; }

        public int VersionsStart { get; set; } = -1;

        public List<QueryVariantSyntax> Variants { get; } = new List<QueryVariantSyntax>();

        /// <summary>Compiler flags (<c>cflags="-O2 -g"</c>): flag type and the flags, split at blanks.</summary>
        public List<KeyValuePair<string, string[]>> Flags { get; } = new List<KeyValuePair<string, string[]>>();

        public string? Platform { get; set; }

        public string? Os { get; set; }

        public string? Target { get; set; }

        /// <summary>Where the target was given, for messages.</summary>
        public int TargetStart { get; set; } = -1;

        /// <summary>The hash prefix after '/'; null when none is given.</summary>
        public string? Hash { get; set; }

        /// <summary>True when nothing but the sigil was written.</summary>
        public bool IsEmpty => Name is null && Versions is null && Variants.Count == 0 && Flags.Count == 0
            && Platform is null && Os is null && Target is null && Hash is null;
    }
}
