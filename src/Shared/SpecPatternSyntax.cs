// Shared by SpecGen.Runtime (SpecPattern) and SpecGen.Generator (the analyzer that checks query literals).
using System;
using System.Collections.Generic;
using System.Linq;

namespace SpecGen.Format
{
    /// <summary>
    /// A query parsed as Spack parses a spec (spack/spack lib/spack/spack/spec_parser.py: SpecParser.next_spec,
    /// SpecNodeParser.parse, parse_one_or_raise; lib/spack/spack/spec.py: Spec._add_flag): the root node, then one
    /// node per <c>%</c>, each node's attributes up to the next <c>%</c>. What cache pages cannot answer is refused
    /// with the reason: dependencies (<c>^</c>), edge attributes, propagation, namespaces, spec files and git commit
    /// lookups.
    /// </summary>
    internal sealed class SpecPatternSyntax
    {
        /// <summary>The virtuals a <c>%c=gcc</c> may assign: the languages a compiler provides.</summary>
        private static readonly string[] LanguageVirtuals = { "c", "cxx", "fortran" };

        /// <summary>Spack's compiler flag types (spec.py, _valid_compiler_flags).</summary>
        internal static readonly string[] FlagTypes = { "cflags", "cxxflags", "fflags", "ldflags", "ldlibs", "cppflags" };

        private SpecPatternSyntax(QueryNodeSyntax root, List<QueryNodeSyntax> compilers)
        {
            Root = root;
            Compilers = compilers;
        }

        /// <summary>The package node.</summary>
        public QueryNodeSyntax Root { get; }

        /// <summary>The nodes after <c>%</c>: constraints on the binary's compiler.</summary>
        public List<QueryNodeSyntax> Compilers { get; }

        /// <summary>Parses a query; on failure returns null with the reason and the 0-based position.</summary>
        public static SpecPatternSyntax? Parse(string text, out string? error, out int position)
        {
            var parser = new Parser(text);
            SpecPatternSyntax? result = parser.Run();
            error = parser.Error;
            position = parser.ErrorPosition;
            return result;
        }

        private sealed class Parser
        {
            private readonly string _text;
            private readonly List<QueryToken> _tokens;
            private int _next;

            public Parser(string text)
            {
                _text = text;
                _tokens = QueryTokenizer.Tokenize(text);
            }

            public string? Error { get; private set; }

            public int ErrorPosition { get; private set; } = -1;

            private bool AtEnd => _next >= _tokens.Count;

            private QueryToken Next => _tokens[_next];

            public SpecPatternSyntax? Run()
            {
                foreach (QueryToken token in _tokens)
                {
                    if (token.Kind == QueryTokenKind.Unexpected)
                    {
                        return Fail<SpecPatternSyntax>(token.Start, "unexpected character '" + token.Text.TrimEnd() + "'");
                    }
                }

                QueryNodeSyntax? root = ParseNode(AtEnd ? 0 : Next.Start, isCompiler: false, virtuals: null);
                if (root is null)
                {
                    return null;
                }

                var compilers = new List<QueryNodeSyntax>();
                while (!AtEnd)
                {
                    QueryToken token = Next;
                    if (token.Kind == QueryTokenKind.StartEdgeProperties)
                    {
                        return Fail<SpecPatternSyntax>(token.Start, "edge attributes ('" + token.Text + "...]') describe dependencies, which cache pages do not record");
                    }

                    if (token.Kind != QueryTokenKind.Dependency)
                    {
                        break;
                    }

                    _next++;
                    if (token.Text[0] == '^')
                    {
                        return Fail<SpecPatternSyntax>(token.Start, "dependencies ('^') are not part of cache pages and cannot be queried");
                    }

                    if (token.Text.StartsWith("%%", StringComparison.Ordinal))
                    {
                        return Fail<SpecPatternSyntax>(token.Start, "'%%' asks for a compiler preference propagated to every dependency; propagation is not part of cache pages (use '%')");
                    }

                    if (token.Virtuals is not null)
                    {
                        foreach (string virtualName in token.Virtuals.Split(','))
                        {
                            if (Array.IndexOf(LanguageVirtuals, virtualName) < 0)
                            {
                                return Fail<SpecPatternSyntax>(token.Start, "'" + virtualName + "' is a virtual dependency; cache pages record only the compiler (the provider of c, cxx and fortran)");
                            }
                        }

                        // Spack reads the substitute as the next node's name (spec_parser.py, parse_virtual_assignment).
                        QueryTokenKind kind = token.Substitute!.IndexOf('.') >= 0 ? QueryTokenKind.FullyQualifiedPackageName : QueryTokenKind.UnqualifiedPackageName;
                        _tokens.Insert(_next, new QueryToken(kind, token.Substitute, token.SubstituteStart, null, null, -1));
                    }

                    QueryNodeSyntax? compiler = ParseNode(token.Start, isCompiler: true, token.Virtuals);
                    if (compiler is null)
                    {
                        return null;
                    }

                    if (compiler.IsEmpty)
                    {
                        return Fail<SpecPatternSyntax>(token.Start, "'%' must be followed by a compiler, as in '%gcc@11:'");
                    }

                    compilers.Add(compiler);
                }

                if (!AtEnd)
                {
                    // parse_one_or_raise: one spec per query.
                    return Fail<SpecPatternSyntax>(Next.Start, "the query holds more than one spec: '" + Next.Text.Trim() + "' starts another one (query each separately)");
                }

                foreach (QueryNodeSyntax node in compilers.Prepend(root))
                {
                    if (node.Versions is not null && VersionListValue.Parse(node.Versions, out string? problem) is null)
                    {
                        return Fail<SpecPatternSyntax>(node.VersionsStart, "'@" + node.Versions + "': " + problem);
                    }

                    if (node.IsCompiler && Unanswerable(node) is (int at, string what))
                    {
                        return Fail<SpecPatternSyntax>(at, "cache pages record a binary's compiler by name and version only, not its " + what + "; to constrain the package, write it before '%'");
                    }
                }

                return new SpecPatternSyntax(root, compilers);
            }

            /// <summary>The first attribute of a compiler node that a page does not record: (position, what it is), or null.</summary>
            private static (int, string)? Unanswerable(QueryNodeSyntax node)
            {
                if (node.Variants.Count > 0)
                {
                    return (node.Variants[0].Start, "variants ('" + node.Variants[0].Name + "')");
                }

                if (node.Flags.Count > 0)
                {
                    return (node.Start, "compiler flags ('" + node.Flags[0].Key + "')");
                }

                if (node.Platform is not null || node.Os is not null || node.Target is not null)
                {
                    return (node.Start, "platform, operating system or target");
                }

                if (node.Hash is not null)
                {
                    return (node.Start, "hash");
                }

                return node.Name is null ? (node.Start, "properties without a name") : null;
            }

            private QueryNodeSyntax? ParseNode(int start, bool isCompiler, string? virtuals)
            {
                var node = new QueryNodeSyntax(start, isCompiler, virtuals);
                if (AtEnd || Next.Kind == QueryTokenKind.Dependency)
                {
                    return node;
                }

                switch (Next.Kind)
                {
                    case QueryTokenKind.UnqualifiedPackageName:
                        if (Next.Text != "*")
                        {
                            node.Name = Next.Text;
                            node.NameStart = Next.Start;
                        }

                        _next++;
                        break;
                    case QueryTokenKind.FullyQualifiedPackageName:
                        return Fail<QueryNodeSyntax>(Next.Start, "'" + Next.Text + "' names a package in a namespace; cache pages do not record namespaces (write the name alone)");
                    case QueryTokenKind.FileName:
                        return Fail<QueryNodeSyntax>(Next.Start, "'" + Next.Text + "' is a spec file; a query is written in spec syntax");
                }

                bool hasVersion = false;
                while (!AtEnd)
                {
                    QueryToken token = Next;
                    switch (token.Kind)
                    {
                        case QueryTokenKind.Version:
                        case QueryTokenKind.VersionHashPair:
                        case QueryTokenKind.GitVersion:
                            if (hasVersion)
                            {
                                return Fail<QueryNodeSyntax>(token.Start, "a spec has one version list, and this gives a second");
                            }

                            if (token.Kind == QueryTokenKind.GitVersion)
                            {
                                return Fail<QueryNodeSyntax>(token.Start, "'" + token.Text + "' asks for a git commit, which needs a lookup in the package's repository; give the version it is, as in '@git.ref=1.2'");
                            }

                            hasVersion = true;
                            node.Versions = token.Text.Substring(1).TrimStart();
                            node.VersionsStart = token.Start;
                            break;
                        case QueryTokenKind.BoolVariant:
                            if (!AddVariant(node, new QueryVariantSyntax(token.Text.Substring(1).Trim(), null, token.Text[0] == '+', concrete: true, token.Start)))
                            {
                                return null;
                            }

                            break;
                        case QueryTokenKind.PropagatedBoolVariant:
                        case QueryTokenKind.PropagatedKeyValuePair:
                            return Fail<QueryNodeSyntax>(token.Start, "'" + token.Text + "' propagates to dependencies; propagation is not part of cache pages (use '+x', '~x' or 'x=v')");
                        case QueryTokenKind.KeyValuePair:
                            if (!AddSetting(node, token))
                            {
                                return null;
                            }

                            break;
                        case QueryTokenKind.DagHash:
                            if (node.Hash is not null)
                            {
                                return node;
                            }

                            node.Hash = token.Text.Substring(1);
                            break;
                        default:
                            return node;
                    }

                    _next++;
                }

                return node;
            }

            /// <summary>Spec._add_flag: architecture keys, compiler flags, or a variant.</summary>
            private bool AddSetting(QueryNodeSyntax node, QueryToken token)
            {
                int equals = token.Text.IndexOf('=');
                string name = token.Text.Substring(0, equals);
                bool concrete = name.EndsWith(":", StringComparison.Ordinal);
                if (concrete)
                {
                    name = name.Substring(0, name.Length - 1);
                }

                string value = Unquote(token.Text.Substring(equals + 1));
                switch (name)
                {
                    case "arch":
                    case "architecture":
                        string[] parts = value.Split('-');
                        return parts.Length == 3
                            ? SetArch(node, token, "platform", parts[0]) && SetArch(node, token, "os", parts[1]) && SetArch(node, token, "target", parts[2])
                            : SetArch(node, token, "target", value);
                    case "platform":
                        return SetArch(node, token, "platform", value);
                    case "os":
                    case "operating_system":
                        return SetArch(node, token, "os", value);
                    case "target":
                        return SetArch(node, token, "target", value);
                    case "namespace":
                        Fail<object>(token.Start, "cache pages do not record namespaces");
                        return false;
                }

                if (Array.IndexOf(FlagTypes, name) >= 0)
                {
                    node.Flags.Add(new KeyValuePair<string, string[]>(name, value.Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries)));
                    return true;
                }

                return AddVariant(node, new QueryVariantSyntax(name, value, null, concrete, token.Start));
            }

            private bool SetArch(QueryNodeSyntax node, QueryToken token, string part, string value)
            {
                string? current = part == "platform" ? node.Platform : part == "os" ? node.Os : node.Target;
                if (current is not null)
                {
                    Fail<object>(token.Start, "the spec is given two " + (part == "os" ? "operating systems" : part + "s") + " ('" + current + "' and '" + value + "')");
                    return false;
                }

                switch (part)
                {
                    case "platform":
                        node.Platform = value;
                        break;
                    case "os":
                        node.Os = value;
                        break;
                    default:
                        // spec.py ArchSpec._target_intersection reads target lists and ranges (x86_64_v3:, :zen3, a,b).
                        if (TargetListSyntax.Parse(value, out string? problem, out int offset) is null)
                        {
                            int valueStart = token.Text.LastIndexOf(value, StringComparison.Ordinal);
                            Fail<object>(valueStart < 0 ? token.Start : token.Start + valueStart + offset, problem!);
                            return false;
                        }

                        node.Target = value;
                        node.TargetStart = token.Start;
                        break;
                }

                return true;
            }

            private bool AddVariant(QueryNodeSyntax node, QueryVariantSyntax variant)
            {
                foreach (QueryVariantSyntax existing in node.Variants)
                {
                    if (existing.Name == variant.Name)
                    {
                        // VariantMap.__setitem__: DuplicateVariantError.
                        Fail<object>(variant.Start, "the variant '" + variant.Name + "' is given twice");
                        return false;
                    }
                }

                node.Variants.Add(variant);
                return true;
            }

            /// <summary>spec_parser.strip_quotes_and_unescape: a value quoted as a whole (on one line: Python's "." stops at a line feed) loses its quotes, and \' or \" inside become quotes.</summary>
            private static string Unquote(string value)
            {
                if (value.Length >= 2 && (value[0] == '\'' || value[0] == '"') && value[value.Length - 1] == value[0]
                    && value.IndexOf('\n') < 0)
                {
                    char quote = value[0];
                    return value.Substring(1, value.Length - 2).Replace("\\" + quote, quote.ToString());
                }

                return value;
            }

            /// <summary>Records the first error; returns null for the caller to return.</summary>
            private T? Fail<T>(int position, string message)
                where T : class
            {
                Error = message;
                ErrorPosition = Math.Max(0, position);
                return null;
            }
        }
    }
}
