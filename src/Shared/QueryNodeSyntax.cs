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

        /// <summary>Where the node's last token starts: where Spack points when adding the node fails (SpecParser.next_spec, add_dependency).</summary>
        public int LastTokenStart { get; set; } = -1;

        /// <summary>True for a node after <c>%</c>.</summary>
        public bool IsCompiler { get; }

        /// <summary>The virtuals a <c>%c,cxx=gcc</c> or <c>%[virtuals=c,cxx] gcc</c> assigns, comma-separated, or null.</summary>
        public string? Virtuals { get; }

        /// <summary>The package name; null for an anonymous node (no name, or <c>*</c>).</summary>
        public string? Name { get; set; }

        public int NameStart { get; set; } = -1;

        /// <summary>
        /// The namespace (<c>builtin.zlib</c>, <c>namespace=builtin</c>), or null for none. Spec._add_flag stores what it
        /// is given, so <c>+namespace</c> is <c>True</c>; any namespace but <c>builtin</c> matches no cache spec.
        /// </summary>
        public string? Namespace { get; set; }

        /// <summary>For a node after <c>%</c> that names a language (<c>%c</c>, <c>%cxx</c>, <c>%fortran</c>): that language; otherwise null.</summary>
        public string? Language => IsCompiler && Virtuals is null && Name is not null && CompilerNames.IsLanguage(Name) ? Name : null;

        /// <summary>The version list after '@' (whitespace kept as written); null when none is given.</summary>
        public string? Versions { get; set; }

        public int VersionsStart { get; set; } = -1;

        public List<QueryVariantSyntax> Variants { get; } = new List<QueryVariantSyntax>();

        /// <summary>Compiler flags (<c>cflags="-O2 -g"</c>): flag type and the flags as Spack's tokenize_flags reads them.</summary>
        public List<KeyValuePair<string, string[]>> Flags { get; } = new List<KeyValuePair<string, string[]>>();

        /// <summary>True once an architecture attribute was given (Spec.architecture is set, even when it constrains nothing).</summary>
        public bool HasArch { get; set; }

        /// <summary>The platform the spec must have, or null for any; <c>*</c> is any set platform. A literal such as <c>None</c> is a name.</summary>
        public string? Platform { get; set; }

        /// <summary>The operating system, as <see cref="Platform"/>.</summary>
        public string? Os { get; set; }

        /// <summary>The target text (a name, <c>*</c>, or ranges and lists for <see cref="TargetListSyntax"/>), or null for any.</summary>
        public string? Target { get; set; }

        /// <summary>Where the target was given, for messages.</summary>
        public int TargetStart { get; set; } = -1;

        /// <summary>Where the operating system was given, for messages.</summary>
        public int OsStart { get; set; } = -1;

        /// <summary>Where the platform was given, for messages.</summary>
        public int PlatformStart { get; set; } = -1;

        /// <summary>The hash prefix after '/'; null when none is given.</summary>
        public string? Hash { get; set; }

        /// <summary>True when nothing but the sigil was written.</summary>
        public bool IsEmpty => Name is null && Namespace is null && Versions is null && Variants.Count == 0 && Flags.Count == 0
            && !HasArch && Hash is null;
    }
}
