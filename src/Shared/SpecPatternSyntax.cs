// Shared by SpecGen.Runtime (SpecPattern) and SpecGen.Generator (the analyzer that checks query literals).
using System;
using System.Collections.Generic;
using System.Linq;

namespace SpecGen.Format
{
    /// <summary>
    /// A query parsed as the newest Spack (1.2) parses a spec (spack/spack lib/spack/spack/spec_parser.py:
    /// SpecParser.next_spec, SpecNodeParser.parse, EdgeAttributeParser.parse, parse_one_or_raise;
    /// lib/spack/spack/spec.py: Spec._add_flag, Spec._set_architecture, ArchSpec): the root node, then one node per
    /// <c>%</c>, each node's attributes up to the next <c>%</c>. What cache pages cannot answer is refused with the
    /// reason: dependencies (<c>^</c>, and <c>%</c> on a package that is not a compiler), virtual packages, edge
    /// attributes other than <c>virtuals</c>, propagation of variants, spec files, and the host's reserved names
    /// when no host is given.
    /// </summary>
    internal sealed class SpecPatternSyntax
    {
        /// <summary>Spack's compiler flag types (spec.py, _valid_compiler_flags).</summary>
        internal static readonly string[] FlagTypes = { "cflags", "cxxflags", "fflags", "ldflags", "ldlibs", "cppflags" };

        /// <summary>variant.py RESERVED_NAMES: names Spack keeps for itself; none of them may be propagated.</summary>
        private static readonly string[] ReservedNames =
        {
            "arch", "architecture", "branch", "commit", "dev_path", "namespace", "operating_system", "os", "patches", "platform", "ref", "tag", "target",
        };

        private SpecPatternSyntax(QueryNodeSyntax root, List<QueryNodeSyntax> compilers)
        {
            Root = root;
            Compilers = compilers;
        }

        /// <summary>The package node.</summary>
        public QueryNodeSyntax Root { get; }

        /// <summary>The nodes after <c>%</c>: constraints on the binary's compiler.</summary>
        public List<QueryNodeSyntax> Compilers { get; }

        /// <summary>Parses a query with no host: a reserved name (<c>os=default_os</c>, <c>target=fe</c>) is refused. On failure returns null with the reason and the 0-based position.</summary>
        public static SpecPatternSyntax? Parse(string text, out string? error, out int position) => Parse(text, null, out error, out position);

        /// <summary>Parses a query whose reserved names stand for <paramref name="host"/> (null: refused; <see cref="QueryHost.Unresolved"/>: kept).</summary>
        public static SpecPatternSyntax? Parse(string text, QueryHost? host, out string? error, out int position)
        {
            var parser = new Parser(text, host);
            SpecPatternSyntax? result = parser.Run();
            error = parser.Error;
            position = parser.ErrorPosition;
            return result;
        }

        private sealed class Parser
        {
            private readonly List<QueryToken> _tokens;
            private readonly QueryHost? _host;
            private readonly int _length;
            private int _next;

            public Parser(string text, QueryHost? host)
            {
                _tokens = QueryTokenizer.Tokenize(text);
                _host = host;
                _length = text.Length;
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
                        return Fail<SpecPatternSyntax>(token.Start, "unexpected character '" + PythonText.Strip(token.Text) + "'");
                    }
                }

                QueryNodeSyntax? root = ParseNode(AtEnd ? 0 : Next.Start, isCompiler: false, virtuals: null);
                if (root is null || !CheckVersions(root))
                {
                    return null;
                }

                var compilers = new List<QueryNodeSyntax>();
                while (!AtEnd)
                {
                    QueryToken token = Next;
                    if (token.Kind != QueryTokenKind.Dependency && token.Kind != QueryTokenKind.StartEdgeProperties)
                    {
                        break;
                    }

                    if (token.Text[0] == '^')
                    {
                        return Fail<SpecPatternSyntax>(token.Start, "dependencies ('^') are not part of cache pages and cannot be queried");
                    }

                    // '%%' (Spack 1.1 and later) is a preference propagated to the dependencies; for the spec itself it
                    // is satisfied like '%': _satisfies_edge_attributes does not read the propagation.
                    _next++;
                    string? virtuals = token.Virtuals;
                    if (token.Kind == QueryTokenKind.StartEdgeProperties)
                    {
                        if (!ParseEdgeAttributes(out virtuals))
                        {
                            return null;
                        }
                    }
                    else if (token.Virtuals is not null)
                    {
                        PushSubstitute(token);
                    }

                    if (virtuals is not null)
                    {
                        foreach (string virtualName in virtuals.Split(','))
                        {
                            if (!CompilerNames.IsLanguage(virtualName))
                            {
                                return Fail<SpecPatternSyntax>(token.Start, "'" + virtualName + "' is a virtual dependency; cache pages record only the compiler (the provider of c, cxx and fortran)");
                            }
                        }
                    }

                    QueryNodeSyntax? compiler = ParseNode(token.Start, isCompiler: true, virtuals);
                    if (compiler is null)
                    {
                        return null;
                    }

                    if (compiler.IsEmpty)
                    {
                        return Fail<SpecPatternSyntax>(token.Start, "'" + token.Text + "' must be followed by a compiler, as in '%gcc@11:'");
                    }

                    if (!CheckVersions(compiler) || !CheckCompiler(compiler) || !Merge(compilers, compiler))
                    {
                        return null;
                    }

                    compilers.Add(compiler);
                }

                if (!AtEnd)
                {
                    // parse_one_or_raise: one spec per query.
                    return Fail<SpecPatternSyntax>(Next.Start, "the query holds more than one spec: '" + PythonText.Strip(Next.Text) + "' starts another one (query each separately)");
                }

                if (root.Name is not null && VirtualPackages.Contains(root.Name))
                {
                    // spec.py Spec._satisfies_node: a spec satisfies a virtual when its package provides it
                    // (_provides_virtual reads the package repository's provides() directives).
                    return Fail<SpecPatternSyntax>(root.NameStart, "'" + root.Name + "' is a virtual package: Spack answers with the binaries of the packages that provide it, which it reads from the package repository; cache pages do not record what a package provides (query a provider by name)");
                }

                return new SpecPatternSyntax(root, compilers);
            }

            /// <summary>EdgeAttributeParser.parse, after <c>%[</c>: <c>virtuals=</c> is read; <c>deptypes=</c> and <c>when=</c> are refused; anything else is Spack's error.</summary>
            private bool ParseEdgeAttributes(out string? virtuals)
            {
                virtuals = null;
                var names = new List<string>();
                while (true)
                {
                    if (AtEnd)
                    {
                        Fail<object>(_length, "unexpected token in edge attributes: the '[' is not closed");
                        return false;
                    }

                    QueryToken token = Next;
                    if (token.Kind == QueryTokenKind.KeyValuePair)
                    {
                        int equals = token.Text.IndexOf('=');
                        string name = token.Text.Substring(0, equals);
                        if (name.EndsWith(":", StringComparison.Ordinal))
                        {
                            name = name.Substring(0, name.Length - 1);
                        }

                        switch (name)
                        {
                            case "virtuals":
                                names = token.Text.Substring(equals + 1).Trim('\'', '"', ' ').Split(',').ToList();
                                break;
                            case "deptypes":
                                Fail<object>(token.Start, "the edge attribute 'deptypes' asks how a dependency is used (build, link, run); cache pages record only a binary's compiler, not how it was used");
                                return false;
                            case "when":
                                Fail<object>(token.Start, "the edge attribute 'when' makes the dependency conditional; cache pages record only a binary's compiler, so a condition on it is not answered");
                                return false;
                            default:
                                Fail<object>(token.Start, "the only edge attributes that are currently accepted are \"deptypes\", \"virtuals\", and \"when\"");
                                return false;
                        }

                        _next++;
                        continue;
                    }

                    if (token.Kind == QueryTokenKind.EndEdgeProperties)
                    {
                        _next++;
                        if (token.Virtuals is not null)
                        {
                            names.AddRange(token.Virtuals.Split(','));
                            PushSubstitute(token);
                        }

                        virtuals = names.Count == 0 ? null : string.Join(",", names);
                        return true;
                    }

                    Fail<object>(token.Start, "unexpected token in edge attributes");
                    return false;
                }
            }

            /// <summary>parse_virtual_assignment: the package after <c>c=</c> is read next as the node's name.</summary>
            private void PushSubstitute(QueryToken token)
            {
                QueryTokenKind kind = token.Substitute!.IndexOf('.') >= 0 ? QueryTokenKind.FullyQualifiedPackageName : QueryTokenKind.UnqualifiedPackageName;
                _tokens.Insert(_next, new QueryToken(kind, token.Substitute, token.SubstituteStart, null, null, -1));
            }

            private bool CheckVersions(QueryNodeSyntax node)
            {
                if (node.Versions is not null && VersionListValue.Parse(node.Versions, out string? problem) is null)
                {
                    Fail<object>(node.VersionsStart, "'@" + node.Versions + "': " + problem);
                    return false;
                }

                return true;
            }

            /// <summary>
            /// A node after <c>%</c>: in Spack 1.x a direct dependency (0.22 and 0.23 read it as the compiler). A page
            /// records one direct dependency, its compiler, so the node must name a compiler package or a language.
            /// </summary>
            private bool CheckCompiler(QueryNodeSyntax node)
            {
                if (node.Name is not null)
                {
                    string name = node.Name;
                    if (node.Language is not null)
                    {
                        if (node.Versions is not null)
                        {
                            // _satisfies_edge_attributes: a version on a virtual goes to Spec._provides_virtual.
                            Fail<object>(node.Start, "'%" + name + "@" + node.Versions + "' asks for a compiler that provides " + name + " in that version, which Spack reads from the package repository (Spec._provides_virtual); cache pages do not record it");
                            return false;
                        }
                    }
                    else if (!CompilerNames.IsCompiler(name))
                    {
                        string what = VirtualPackages.Contains(name)
                            ? "'" + name + "' is a virtual package: '%" + name + "' asks for a direct dependency that provides it"
                            : "'" + name + "' is not a compiler: in Spack 1.x (which SpecGen follows) '%" + name + "' asks for a direct dependency on " + name + " (Spack 0.22 and 0.23 read it as a compiler named " + name + ")";
                        Fail<object>(node.Start, what + ", and cache pages record a binary's compiler but no other dependency; '%' takes a compiler (gcc, llvm, oneapi...) or a language (c, cxx, fortran)");
                        return false;
                    }
                }

                if (Unanswerable(node) is (int at, string attribute))
                {
                    Fail<object>(at, "cache pages record a binary's compiler by name and version only, not its " + attribute + "; to constrain the package, write it before '%'");
                    return false;
                }

                return true;
            }

            /// <summary>
            /// Spec._add_or_merge_edge: two direct dependencies of one name are one dependency (_same_direct_dep), so their
            /// constraints are merged (Spec.constrain), which fails when their versions (or namespaces) do not intersect.
            /// </summary>
            private bool Merge(List<QueryNodeSyntax> earlier, QueryNodeSyntax node)
            {
                if (node.Name is null)
                {
                    return true;
                }

                string name = CompilerNames.Builtin(node.Name);
                VersionListValue? merged = null;
                string? space = null;
                foreach (QueryNodeSyntax other in earlier)
                {
                    if (other.Name is null || CompilerNames.Builtin(other.Name) != name)
                    {
                        continue;
                    }

                    VersionListValue versions = other.Versions is null ? VersionListValue.Any : VersionListValue.Parse(other.Versions, out _)!;
                    merged = merged is null ? versions : merged.Intersect(versions);
                    space ??= other.Namespace;
                }

                if (merged is null)
                {
                    return true;
                }

                if (space is not null && node.Namespace is not null && space != node.Namespace)
                {
                    Fail<object>(node.LastTokenStart, "'%" + space + "." + name + "' and '%" + node.Namespace + "." + node.Name + "' name one direct dependency in two namespaces, which Spack refuses when it merges them (Spec.constrain)");
                    return false;
                }

                if (node.Versions is not null && !merged.Overlaps(VersionListValue.Parse(node.Versions, out _)!))
                {
                    Fail<object>(node.LastTokenStart, "'%" + node.Name + "@" + node.Versions + "' does not intersect the versions given before for " + name + "; Spack keeps one direct dependency of a name, so it merges them and fails (Spec.constrain)");
                    return false;
                }

                return true;
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

                if (node.HasArch)
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

                        node.LastTokenStart = Next.Start;
                        _next++;
                        break;
                    case QueryTokenKind.FullyQualifiedPackageName:
                        // spec_parser.py: the last part is the name, the parts before it the namespace.
                        int dot = Next.Text.LastIndexOf('.');
                        node.Namespace = Next.Text.Substring(0, dot);
                        node.Name = Next.Text.Substring(dot + 1);
                        node.NameStart = Next.Start + dot + 1;
                        node.LastTokenStart = Next.Start;
                        _next++;
                        break;
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

                            // A git version (@git.ref, @<commit>, @git.ref=1.2) is a GitVersion, which no standard version
                            // satisfies (version_types.py StandardVersion.satisfies): it selects nothing, with no lookup.
                            hasVersion = true;
                            node.Versions = token.Text.Substring(1);
                            node.VersionsStart = token.Start;
                            break;
                        case QueryTokenKind.BoolVariant:
                            if (!AddFlag(node, token, PythonText.Strip(token.Text.Substring(1)), token.Text[0] == '+', propagate: false, concrete: true))
                            {
                                return null;
                            }

                            break;
                        case QueryTokenKind.PropagatedBoolVariant:
                            if (!AddFlag(node, token, PythonText.Strip(token.Text.Substring(2)), token.Text[0] == '+', propagate: true, concrete: true))
                            {
                                return null;
                            }

                            break;
                        case QueryTokenKind.KeyValuePair:
                        case QueryTokenKind.PropagatedKeyValuePair:
                            bool propagate = token.Kind == QueryTokenKind.PropagatedKeyValuePair;
                            int equals = token.Text.IndexOf(propagate ? "==" : "=", StringComparison.Ordinal);
                            string name = token.Text.Substring(0, equals);
                            bool concrete = name.EndsWith(":", StringComparison.Ordinal);
                            if (concrete)
                            {
                                name = name.Substring(0, name.Length - 1);
                            }

                            if (!AddFlag(node, token, name, Unquote(token.Text.Substring(equals + (propagate ? 2 : 1))), propagate, concrete))
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

                    node.LastTokenStart = token.Start;
                    _next++;
                }

                return node;
            }

            /// <summary>Spec._add_flag: architecture keys, the namespace, compiler flags, or a variant. <paramref name="value"/> is a string, or a bool for <c>+x</c>/<c>~x</c>.</summary>
            private bool AddFlag(QueryNodeSyntax node, QueryToken token, string name, object value, bool propagate, bool concrete)
            {
                if (propagate && Array.IndexOf(ReservedNames, name) >= 0)
                {
                    Fail<object>(token.Start, "Propagation with '==' is not supported for '" + name + "' (spec.py _add_flag: it is a reserved name)");
                    return false;
                }

                switch (name)
                {
                    case "arch":
                    case "architecture":
                        if (value is not string arch)
                        {
                            Fail<object>(token.Start, "'" + name + "' is an architecture, which takes a value ('arch=linux-ubuntu22.04-x86_64_v3'), not a sign (spec.py _add_flag: architecture have a string value)");
                            return false;
                        }

                        // Three parts are platform, os and target; anything else is one target name.
                        string[] parts = arch.Split('-');
                        return parts.Length == 3
                            ? SetArchitecture(node, token, parts[0], parts[1], parts[2], platformGiven: true, osGiven: true)
                            : SetArchitecture(node, token, null, null, arch, platformGiven: true, osGiven: true);
                    case "platform":
                        return SetArchitecture(node, token, value, null, null, platformGiven: true, osGiven: false, targetGiven: false);
                    case "os":
                    case "operating_system":
                        return SetArchitecture(node, token, null, value, null, platformGiven: false, osGiven: true, targetGiven: false);
                    case "target":
                        return SetArchitecture(node, token, null, null, value, platformGiven: false, osGiven: false);
                    case "namespace":
                        // Spec._add_flag stores the value as it is: '+namespace' is True, '~namespace' False.
                        node.Namespace = PyStr(value);
                        return true;
                }

                if (Array.IndexOf(FlagTypes, name) >= 0)
                {
                    if (value is not string flags)
                    {
                        Fail<object>(token.Start, "'" + name + "' holds compiler flags, which take a value ('" + name + "=-O2'), not a sign (spec.py _add_flag: " + name + " must have a string value)");
                        return false;
                    }

                    // tokenize_flags; '==' propagates the flags to dependencies, which satisfaction does not read
                    // (FlagMap.satisfies compares the flags as strings). No flag (an empty value) adds no constraint.
                    string[] tokens = FlagTokens.Tokenize(flags);
                    if (tokens.Length > 0)
                    {
                        node.Flags.Add(new KeyValuePair<string, string[]>(name, tokens));
                    }

                    return true;
                }

                if (propagate)
                {
                    Fail<object>(token.Start, "'" + token.Text + "' propagates to dependencies; propagation is not part of cache pages (use '+x', '~x' or 'x=v')");
                    return false;
                }

                if (value is bool on)
                {
                    return AddVariant(node, new QueryVariantSyntax(name, null, on, concrete: true, token.Start));
                }

                string text = (string)value;
                string upper = text.ToUpperInvariant();
                if (upper != "TRUE" && upper != "FALSE" && text != "*" && Array.IndexOf(text.Split(','), "*") >= 0)
                {
                    // variant.py VariantValue.from_string_or_bool: '*' alone is any value; in a list it is refused.
                    Fail<object>(token.Start, "cannot use reserved value '*' (variant.py: '*' alone means any value, and it cannot be one of several)");
                    return false;
                }

                return AddVariant(node, new QueryVariantSyntax(name, text, null, concrete, token.Start));
            }

            /// <summary>
            /// Spec._set_architecture: the first architecture attribute builds an ArchSpec from a tuple, where an empty,
            /// <c>None</c> or false platform or os is unset (_string_or_none); a later one goes through the property
            /// setters, which keep <c>None</c>, <c>False</c> and <c>True</c> as names, and fails for a part already set
            /// or after a concrete architecture. The target setter reads an empty, <c>None</c> or false target as unset
            /// wherever it comes. Reserved names resolve to the host (or are refused without one).
            /// </summary>
            private bool SetArchitecture(QueryNodeSyntax node, QueryToken token, object? platform, object? os, object? target, bool platformGiven, bool osGiven, bool targetGiven = true)
            {
                if (node.HasArch && IsConcrete(node))
                {
                    Fail<object>(token.Start, "Spec cannot have two architectures. (spec.py _set_architecture: platform, os and a single target are already given)");
                    return false;
                }

                if (!node.HasArch)
                {
                    node.HasArch = true;
                    return SetPlatform(node, token, StringOrNone(platform)) && SetOs(node, token, StringOrNone(os)) && SetTarget(node, token, target);
                }

                foreach (string part in new[] { "platform", "os", "target" })
                {
                    bool given = part == "platform" ? platformGiven : part == "os" ? osGiven : targetGiven;
                    if (!given)
                    {
                        continue;
                    }

                    bool set = part == "platform" ? !string.IsNullOrEmpty(node.Platform) : part == "os" ? !string.IsNullOrEmpty(node.Os) : node.Target is not null;
                    if (set)
                    {
                        Fail<object>(token.Start, "Cannot specify '" + part + "' twice");
                        return false;
                    }

                    bool ok = part == "platform" ? SetPlatform(node, token, platform is null ? null : PyStr(platform))
                        : part == "os" ? SetOs(node, token, os is null ? null : PyStr(os))
                        : SetTarget(node, token, target);
                    if (!ok)
                    {
                        return false;
                    }
                }

                return true;
            }

            private static bool IsConcrete(QueryNodeSyntax node)
            {
                return !string.IsNullOrEmpty(node.Platform) && !string.IsNullOrEmpty(node.Os) && node.Target is not null
                    && node.Target != "*" && node.Target.IndexOf(':') < 0 && node.Target.IndexOf(',') < 0;
            }

            private bool SetPlatform(QueryNodeSyntax node, QueryToken token, string? value)
            {
                node.Platform = value;
                node.PlatformStart = token.Start;
                return true;
            }

            /// <summary>ArchSpec.os setter: a reserved name is the host's OS, and sets the platform to the host's when none is set.</summary>
            private bool SetOs(QueryNodeSyntax node, QueryToken token, string? value)
            {
                node.OsStart = token.Start;
                if (value is not null && QueryHost.IsReservedOs(value))
                {
                    if (!ResolveHostPlatform(node, token, value, "OS"))
                    {
                        return false;
                    }

                    value = _host!.IsUnresolved ? value : _host.Os;
                }

                node.Os = value;
                return true;
            }

            /// <summary>ArchSpec.target setter: target_or_none, then a reserved name is the host's exact microarchitecture.</summary>
            private bool SetTarget(QueryNodeSyntax node, QueryToken token, object? value)
            {
                node.TargetStart = token.Start;
                if (value is true)
                {
                    Fail<object>(token.Start, "'+target' is not a target: target takes a value ('target=x86_64_v3'); Spack fails here (_make_microarchitecture(True): argument of type 'bool' is not iterable)");
                    return false;
                }

                string? text = value as string;
                if (string.IsNullOrEmpty(text) || text == "None")
                {
                    node.Target = null;
                    return true;
                }

                if (QueryHost.IsReservedTarget(text!))
                {
                    if (!ResolveHostPlatform(node, token, text!, "target"))
                    {
                        return false;
                    }

                    text = _host!.IsUnresolved ? text : _host.Target;
                }

                node.Target = text;
                return true;
            }

            /// <summary>The reserved-name part of the os and target setters: the platform becomes the host's, and must be it.</summary>
            private bool ResolveHostPlatform(QueryNodeSyntax node, QueryToken token, string value, string part)
            {
                if (_host is null)
                {
                    string deprecated = value is "frontend" or "fe" or "backend" or "be" ? " (deprecated in Spack for 'default_" + (part == "OS" ? "os" : "target") + "')" : string.Empty;
                    Fail<object>(token.Start, "'" + value + "'" + deprecated + " stands for this machine's " + (part == "OS" ? "operating system" : "microarchitecture") + ", which SpecPattern.Parse(string) and SpecCatalog.Query(string) do not know; use SpecPattern.Parse(query, host) or SpecCatalog.Query(query, host) with a SpackArch (SpackArch.Current is this machine)");
                    return false;
                }

                if (_host.IsUnresolved)
                {
                    return true;
                }

                if (string.IsNullOrEmpty(node.Platform))
                {
                    node.Platform = _host.Platform;
                }

                if (node.Platform != _host.Platform)
                {
                    Fail<object>(token.Start, "Can't set arch spec " + part + " to reserved value '" + value + "' when the arch platform (" + node.Platform + ") isn't the current platform (" + _host.Platform + ")");
                    return false;
                }

                return true;
            }

            /// <summary>ArchSpec.__init__ _string_or_none: an empty, false or <c>None</c> value is unset.</summary>
            private static string? StringOrNone(object? value)
            {
                if (value is null || value is false)
                {
                    return null;
                }

                string text = PyStr(value);
                return text.Length == 0 || text == "None" ? null : text;
            }

            /// <summary>Python's str() of a parsed value: a bool is <c>True</c> or <c>False</c>.</summary>
            private static string PyStr(object value) => value is bool b ? (b ? "True" : "False") : (string)value;

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
