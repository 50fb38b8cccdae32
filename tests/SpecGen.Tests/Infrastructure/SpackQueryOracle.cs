using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// A second, deliberately separate implementation of the queries the vector file uses, over specs read from the
    /// pages' JSON (PageOracle): a hand-written scanner instead of SpecGen's tokenizer, and Spack's rules written from
    /// the newest spack/spack: spec_parser.py (SpecParser.next_spec: '%', '%%', '%[virtuals=...]', the legacy
    /// compiler rename; SpecNodeParser.parse: dotted names are namespace.name), spec.py (Spec._add_flag,
    /// Spec._set_architecture, ArchSpec.__init__/_string_or_none, the platform/os/target setters, _attr_satisfies,
    /// _make_microarchitecture, _satisfies_target_range, Spec._satisfies_node, _satisfying_edges,
    /// _satisfies_edge_attributes, FlagMap.satisfies), compilers/flags.py (tokenize_flags), variant.py
    /// (VariantValue.satisfies, from_string_or_bool), version/version_types.py (ClosedOpenRange, _next_version,
    /// StandardVersion.satisfies), aliases.py, and archspec's Microarchitecture comparisons (_to_set). Whitespace is
    /// Python's str.isspace(). A page's compiler is the edge Spack reads from it: for a v0.2x page (<c>name@=v</c>) the
    /// compiler_node_attribute edge with virtuals c, cxx, fortran and no namespace; for a 1.x page an edge to the
    /// builtin compiler whose virtuals the page does not give (a language asked of it throws: undecidable). SpecGen's
    /// documented deviations are kept: legacy names map on the page side too, and '%c=gcc' on a 1.x page assumes gcc
    /// provided c. It knows only well-formed queries; malformed ones are the vector file's error lines, checked against
    /// SpecGen alone.
    /// </summary>
    internal static class SpackQueryOracle
    {
        private static readonly Dictionary<string, string> Legacy = new Dictionary<string, string>
        {
            ["clang"] = "llvm", ["oneapi"] = "intel-oneapi-compilers", ["rocmcc"] = "llvm-amdgpu", ["intel"] = "intel-oneapi-compiler-classic", ["arm"] = "acfl",
        };

        private static readonly string[] FlagTypes = { "cflags", "cxxflags", "fflags", "ldflags", "ldlibs", "cppflags" };

        private static readonly string[] Languages = { "c", "cxx", "fortran" };

        /// <summary>Python's str.isspace() (Unicode 15): the code points Python's \s, split() and strip() treat as whitespace.</summary>
        private static bool IsPythonSpace(char c) => c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\x1c' or '\x1d' or '\x1e' or '\x1f'
            or '\x85' or '\xa0' or '\u1680' or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' || (c >= '\u2000' && c <= '\u200a');

        public static bool Matches(string query, OracleSpec spec)
        {
            Node root = new Node();
            var edges = new List<Edge>();
            Node current = root;
            int i = 0;
            while (true)
            {
                SkipSpace(query, ref i);
                if (i >= query.Length)
                {
                    break;
                }

                char c = query[i];
                if (c == '%')
                {
                    // DEPENDENCY '%' or '%%' (a preference: satisfied as '%'); START_EDGE_PROPERTIES '%[' ... ']'.
                    i++;
                    if (i < query.Length && query[i] == '%')
                    {
                        i++;
                    }

                    var edge = new Edge();
                    if (i < query.Length && query[i] == '[')
                    {
                        i++;
                        while (true)
                        {
                            SkipSpace(query, ref i);
                            if (query[i] == ']')
                            {
                                i++;
                                break;
                            }

                            int key = Scan(query, ref i, IsNameChar);
                            string attribute = query.Substring(key, i - key);
                            if (query[i] == ':')
                            {
                                i++; // EdgeAttributeParser.parse: a name ending in ':' loses it ('virtuals:=c').
                            }

                            i++; // '='
                            int value = Scan(query, ref i, ch => ch != ']' && !IsPythonSpace(ch));
                            if (attribute == "virtuals")
                            {
                                edge.Virtuals.AddRange(query.Substring(value, i - value).Trim('\'', '"', ' ').Split(','));
                            }
                        }
                    }

                    SkipSpace(query, ref i);
                    int word = Scan(query, ref i, ch => IsIdent(ch) || ch == ',' || ch == '.');
                    string text = query.Substring(word, i - word);
                    if (i < query.Length && query[i] == '=')
                    {
                        // VIRTUAL_ASSIGNMENT: c,cxx=gcc.
                        edge.Virtuals.AddRange(text.Split(','));
                        i++;
                        int sub = Scan(query, ref i, ch => IsIdent(ch) || ch == '.');
                        text = query.Substring(sub, i - sub);
                    }

                    current = edge.Node;
                    SetName(current, text);

                    // next_spec: a direct dependency's legacy compiler name becomes the builtin package's.
                    current.Name = Legacy.GetValueOrDefault(current.Name!, current.Name!);
                    edges.Add(edge);
                }
                else if (c == '@')
                {
                    i++;
                    var text = new StringBuilder();
                    while (i < query.Length && (IsVersionChar(query[i]) || (IsPythonSpace(query[i]) && (text.Length == 0 || text[^1] == ',' || NextNonBlank(query, i) == ','))))
                    {
                        if (!IsPythonSpace(query[i]))
                        {
                            text.Append(query[i]);
                        }

                        i++;
                    }

                    current.Versions = text.ToString();
                }
                else if (c == '+' || c == '~' || (c == '-' && (i == 0 || IsPythonSpace(query[i - 1]))))
                {
                    i++;
                    SkipSpace(query, ref i);
                    int start = Scan(query, ref i, IsNameChar);
                    AddFlag(current, query.Substring(start, i - start), c == '+', exact: true);
                }
                else if (c == '/')
                {
                    i++;
                    int start = Scan(query, ref i, char.IsLetterOrDigit);
                    current.Hash = query.Substring(start, i - start);
                }
                else
                {
                    int start = Scan(query, ref i, IsNameChar);
                    if (i == start)
                    {
                        throw new FormatException("the oracle does not read '" + query[i] + "'");
                    }

                    string word = query.Substring(start, i - start);
                    bool exact = i + 1 < query.Length && query[i] == ':' && query[i + 1] == '=';
                    if (exact || (i < query.Length && query[i] == '='))
                    {
                        i += exact ? 2 : 1;
                        if (!exact && i < query.Length && query[i] == '=')
                        {
                            // PROPAGATED_KEY_VALUE_PAIR: allowed for compiler flags, whose propagation satisfies() ignores.
                            i++;
                        }

                        AddFlag(current, word, ReadValue(query, ref i), exact);
                    }
                    else
                    {
                        SetName(current, word);
                    }
                }
            }

            return Satisfies(spec, root, edges);
        }

        /// <summary>SpecNodeParser.parse: '*' is anonymous; a dotted name is namespace and name.</summary>
        private static void SetName(Node node, string word)
        {
            int dot = word.LastIndexOf('.');
            node.Namespace = dot < 0 ? null : word.Substring(0, dot);
            node.Name = word == "*" ? null : word.Substring(dot + 1);
        }

        /// <summary>spec.py Spec._add_flag (for a bool variant <paramref name="value"/> is a bool).</summary>
        private static void AddFlag(Node node, string name, object value, bool exact)
        {
            switch (name)
            {
                case "arch":
                case "architecture":
                    string[] parts = ((string)value).Split('-');
                    node.SetArchitecture(parts.Length == 3
                        ? new (string, object?)[] { ("platform", parts[0]), ("os", parts[1]), ("target", parts[2]) }
                        : new (string, object?)[] { ("platform", null), ("os", null), ("target", value) });
                    return;
                case "platform":
                    node.SetArchitecture(new (string, object?)[] { ("platform", value) });
                    return;
                case "os":
                case "operating_system":
                    node.SetArchitecture(new (string, object?)[] { ("os", value) });
                    return;
                case "target":
                    node.SetArchitecture(new (string, object?)[] { ("target", value) });
                    return;
                case "namespace":
                    node.Namespace = value is bool b ? (b ? "True" : "False") : (string)value;
                    return;
            }

            if (Array.IndexOf(FlagTypes, name) >= 0)
            {
                if (!node.Flags.TryGetValue(name, out List<string>? list))
                {
                    node.Flags[name] = list = new List<string>();
                }

                // tokenize_flags adds nothing for an empty value: no key, no constraint.
                list.AddRange(TokenizeFlags((string)value));
                if (list.Count == 0)
                {
                    node.Flags.Remove(name);
                }

                return;
            }

            node.Settings.Add((name, value is bool on ? (on ? "true" : "false") : (string)value, exact));
        }

        /// <summary>compilers/flags.py tokenize_flags: split at whitespace; a word not starting with '-' joins the flag before it.</summary>
        private static List<string> TokenizeFlags(string value)
        {
            var tokens = new List<string>();
            var word = new StringBuilder();
            foreach (char ch in value + " ")
            {
                if (!IsPythonSpace(ch))
                {
                    word.Append(ch);
                    continue;
                }

                if (word.Length > 0)
                {
                    if (tokens.Count > 0 && word[0] != '-')
                    {
                        tokens[^1] += " " + word;
                    }
                    else
                    {
                        tokens.Add(word.ToString());
                    }

                    word.Clear();
                }
            }

            return tokens;
        }

        private static bool Satisfies(OracleSpec spec, Node root, List<Edge> edges)
        {
            // Spec._satisfies_node on the root. Every cache spec is in the builtin namespace.
            if (root.Name is not null && root.Name != spec.Package)
            {
                return false;
            }

            if (root.Namespace is not null && root.Namespace != "builtin")
            {
                return false;
            }

            if (root.Versions is not null && !InList(spec.Versions[0], root.Versions))
            {
                return false;
            }

            if (root.Hash is not null && !spec.Hash.StartsWith(root.Hash, StringComparison.Ordinal))
            {
                return false;
            }

            if (root.Architecture is not null && !(AttrSatisfies(spec.Platform, root.Architecture.Platform)
                && AttrSatisfies(spec.Os, root.Architecture.Os) && TargetSatisfies(spec.Target, root.Architecture.Target)))
            {
                return false;
            }

            // A language the page cannot decide leaves the answer open only when every other part holds: a part that
            // fails makes it False whatever the compiler provided.
            InvalidOperationException? undecided = null;
            foreach (Edge edge in edges)
            {
                bool satisfied;
                try
                {
                    satisfied = PageEdgeSatisfies(spec.Compiler, edge);
                }
                catch (InvalidOperationException open)
                {
                    undecided ??= open;
                    continue;
                }

                if (!satisfied)
                {
                    return false;
                }
            }

            var variants = spec.Variants.Select(PageVariant.Read).ToDictionary(v => v.Name);
            foreach ((string name, List<string> wanted) in root.Flags)
            {
                if (!variants.TryGetValue(name, out PageVariant? have))
                {
                    return false;
                }

                // FlagMap.satisfies: set(self[f]) >= set(other[f]); the page writes the flags joined by blanks.
                List<string> flags = TokenizeFlags(string.Join(",", have.Values));
                if (wanted.Any(f => !flags.Contains(f)))
                {
                    return false;
                }
            }

            foreach ((string name, string value, bool exact) in root.Settings)
            {
                if (!variants.TryGetValue(name, out PageVariant? have))
                {
                    return false;
                }

                bool isBool = value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase);
                if (isBool)
                {
                    if (have.Bool != value.Equals("true", StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }

                    continue;
                }

                if (value == "*")
                {
                    continue;
                }

                if (have.Bool is not null)
                {
                    return false;
                }

                var wanted = new SortedSet<string>(value.Split(','), StringComparer.Ordinal);
                var values = new SortedSet<string>(have.Values, StringComparer.Ordinal);
                bool ok = exact
                    ? wanted.SetEquals(values)
                    : wanted.All(w => name == "patches" ? values.Any(v => v.StartsWith(w, StringComparison.Ordinal)) : values.Contains(w));
                if (!ok)
                {
                    return false;
                }
            }

            return undecided is null ? true : throw undecided;
        }

        /// <summary>
        /// spec.py _satisfying_edges for a direct edge, over the one dependency a page gives: a v0.2x compiler
        /// (name@=version) is the compiler_node_attribute edge (virtuals c, cxx, fortran; its node has no namespace);
        /// a 1.x compiler an edge to the builtin package, whose virtuals the page does not record; 'none' no edge.
        /// </summary>
        private static bool PageEdgeSatisfies(string pageCompiler, Edge rhs)
        {
            if (pageCompiler == "none")
            {
                return false;
            }

            string[] parts = pageCompiler.Split('@');
            bool legacy = parts[1].StartsWith('=');
            string lhsName = Legacy.GetValueOrDefault(parts[0], parts[0]);
            string? lhsNamespace = legacy ? null : "builtin";
            string[]? lhsVirtuals = legacy ? Languages : null;

            // _satisfies_edge_attributes.
            Node node = rhs.Node;
            bool nameMismatch = node.Name is not null && lhsName != node.Name;
            if (nameMismatch)
            {
                if (lhsVirtuals is null)
                {
                    if (Array.IndexOf(Languages, node.Name) >= 0 && node.Namespace is null)
                    {
                        throw new InvalidOperationException("undecidable: the page (" + pageCompiler + ") does not record the virtuals of its compiler edge");
                    }

                    return false;
                }

                if (Array.IndexOf(lhsVirtuals, node.Name) < 0)
                {
                    return false;
                }
            }

            // Subset semantics for virtuals (SpecGen's kept deviation: a 1.x compiler provides what is assigned to it).
            if (lhsVirtuals is not null && rhs.Virtuals.Any(v => Array.IndexOf(lhsVirtuals, v) < 0))
            {
                return false;
            }

            if (nameMismatch)
            {
                // A virtual on the rhs: constrains_only_name_and_versions, and no version (versions are refused).
                return node.Namespace is null && node.Versions is null;
            }

            if (node.Namespace is not null && lhsNamespace != node.Namespace)
            {
                return false;
            }

            return node.Versions is null || InList(parts[1].TrimStart('='), node.Versions);
        }

        /// <summary>ArchSpec._attr_satisfies: no rhs constrains nothing, '*' needs a value, else equal.</summary>
        private static bool AttrSatisfies(string lhs, string? rhs)
        {
            if (string.IsNullOrEmpty(rhs))
            {
                return true;
            }

            return rhs == "*" ? !string.IsNullOrEmpty(lhs) : lhs == rhs;
        }

        /// <summary>
        /// ArchSpec._target_satisfies over _make_microarchitecture's reading of the rhs: '*' (alone or in a list) is
        /// ':'; each element is a name (equal names) or a range compared with archspec's operators.
        /// </summary>
        private static bool TargetSatisfies(string lhs, string? rhs)
        {
            if (rhs is null)
            {
                return true;
            }

            string[] elements = rhs.Split(',');
            if (elements.Contains("*") || elements.Contains(":"))
            {
                return true;
            }

            foreach (string element in elements)
            {
                int colon = element.IndexOf(':');
                if (colon < 0)
                {
                    if (element == lhs)
                    {
                        return true;
                    }

                    continue;
                }

                string low = element.Substring(0, colon);
                string high = element.Substring(colon + 1);
                if ((low.Length == 0 || UarchLessEqual(low == "*" ? ":" : low, lhs)) && (high.Length == 0 || UarchLessEqual(lhs, high == "*" ? ":" : high)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>archspec Microarchitecture.__le__: equal, or a proper subset of _to_set() (a name archspec does not know is a generic microarchitecture: its set is itself).</summary>
        private static bool UarchLessEqual(string a, string b)
        {
            if (a == b)
            {
                return true;
            }

            HashSet<string> setA = ToSet(a);
            HashSet<string> setB = ToSet(b);
            return setA.IsProperSubsetOf(setB);
        }

        private static HashSet<string> ToSet(string name)
        {
            var set = new HashSet<string>(StringComparer.Ordinal) { name };
            if (ArchspecOracle.Instance.Knows(name))
            {
                set.UnionWith(ArchspecOracle.Instance.Ancestors(name));
            }

            return set;
        }

        /// <summary>version/__init__.py from_string: items at commas; '=v' exact; 'lo:hi' as [lo, next(hi)); a bare v is v:v; a git version (git.ref, 40 hex, ref=v) no standard version satisfies.</summary>
        private static bool InList(string version, string list)
        {
            foreach (string item in list.Split(','))
            {
                if (item.StartsWith("git.", StringComparison.Ordinal) || (item.Length == 40 && item.All(Uri.IsHexDigit)) || item.IndexOf('=', 1) > 0)
                {
                    continue;
                }

                if (item.StartsWith('='))
                {
                    if (SpackVersionOracle.Compare(version, item.Substring(1)) == 0)
                    {
                        return true;
                    }

                    continue;
                }

                string[] bounds = item.Contains(':') ? item.Split(':') : new[] { item, item };
                bool aboveLow = bounds[0].Length == 0 || SpackVersionOracle.Compare(version, bounds[0]) >= 0;
                bool belowHigh = bounds[1].Length == 0 || SpackVersionOracle.Compare(version, Next(bounds[1])) < 0;
                if (aboveLow && belowHigh)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>version_types._next_version for the versions the vectors use: the last number (or pre-release number) plus one.</summary>
        private static string Next(string version)
        {
            int end = version.Length;
            int start = end;
            while (start > 0 && char.IsDigit(version[start - 1]))
            {
                start--;
            }

            if (start == end)
            {
                // A pre-release without a number (1.0rc) gets number 0; other words are not in the vectors.
                return version + "0";
            }

            BigInteger number = BigInteger.Parse(version.Substring(start), CultureInfo.InvariantCulture) + 1;
            return version.Substring(0, start) + number.ToString(CultureInfo.InvariantCulture);
        }

        private static void SkipSpace(string text, ref int i)
        {
            while (i < text.Length && IsPythonSpace(text[i]))
            {
                i++;
            }
        }

        private static string ReadValue(string query, ref int i)
        {
            if (i < query.Length && (query[i] == '\'' || query[i] == '"'))
            {
                char quote = query[i];
                int close = query.IndexOf(quote, i + 1);
                string value = query.Substring(i + 1, close - i - 1);
                i = close + 1;
                return value;
            }

            int start = i;
            while (i < query.Length && !IsPythonSpace(query[i]))
            {
                i++;
            }

            return query.Substring(start, i - start);
        }

        private static int Scan(string text, ref int i, Func<char, bool> accept)
        {
            int start = i;
            while (i < text.Length && accept(text[i]))
            {
                i++;
            }

            return start;
        }

        private static char NextNonBlank(string text, int i)
        {
            while (i < text.Length && IsPythonSpace(text[i]))
            {
                i++;
            }

            return i < text.Length ? text[i] : '\0';
        }

        private static bool IsIdent(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-';

        private static bool IsNameChar(char c) => IsIdent(c) || c == '.' || c == '*';

        private static bool IsVersionChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ':' or '=' or ',';

        private sealed class Node
        {
            public string? Name { get; set; }

            public string? Namespace { get; set; }

            public string? Versions { get; set; }

            public string? Hash { get; set; }

            public Arch? Architecture { get; private set; }

            public List<(string Name, string Value, bool Exact)> Settings { get; } = new List<(string, string, bool)>();

            public Dictionary<string, List<string>> Flags { get; } = new Dictionary<string, List<string>>();

            /// <summary>
            /// Spec._set_architecture: the first call builds ArchSpec((platform, os, target)), whose __init__ passes the
            /// platform and os through _string_or_none; later calls set each given part through the property setters,
            /// refusing one already set. The vector file's positive lines never repeat a set part.
            /// </summary>
            public void SetArchitecture((string Part, object? Value)[] kwargs)
            {
                if (Architecture is null)
                {
                    object? Get(string part) => kwargs.FirstOrDefault(k => k.Part == part).Value;
                    Architecture = new Arch { Platform = StringOrNone(Get("platform")), Os = StringOrNone(Get("os")) };
                    Architecture.SetTarget(Get("target"));
                    return;
                }

                foreach ((string part, object? value) in kwargs)
                {
                    switch (part)
                    {
                        case "platform":
                            Architecture.Platform = value is null ? null : Str(value);
                            break;
                        case "os":
                            Architecture.Os = value is null ? null : Str(value);
                            break;
                        default:
                            Architecture.SetTarget(value);
                            break;
                    }
                }
            }

            /// <summary>ArchSpec.__init__ _string_or_none: <c>if s and s != "None": return str(s)</c>.</summary>
            private static string? StringOrNone(object? value)
            {
                bool truthy = value is string text ? text.Length > 0 : value is true;
                return truthy && Str(value!) != "None" ? Str(value!) : null;
            }

            private static string Str(object value) => value is bool b ? (b ? "True" : "False") : (string)value;
        }

        private sealed class Arch
        {
            public string? Platform { get; set; }

            public string? Os { get; set; }

            public string? Target { get; private set; }

            /// <summary>The target setter's target_or_none: <c>if t and t != "None"</c>, else None.</summary>
            public void SetTarget(object? value)
            {
                Target = value is string text && text.Length > 0 && text != "None" ? text : null;
            }
        }

        private sealed class Edge
        {
            public List<string> Virtuals { get; } = new List<string>();

            public Node Node { get; } = new Node();
        }

        /// <summary>A page's variant text read the way Spack reads a concrete spec's variant (AbstractVariant.from_node_dict).</summary>
        private sealed record PageVariant(string Name, bool? Bool, string[] Values)
        {
            public static PageVariant Read(string text)
            {
                if (text[0] is '+' or '~' or '-')
                {
                    return new PageVariant(text.Substring(1), text[0] == '+', Array.Empty<string>());
                }

                int eq = text.IndexOf('=');
                string name = text.Substring(0, text[eq - 1] == ':' ? eq - 1 : eq);
                string value = text.Substring(eq + 1).Trim('\'', '"');
                bool? asBool = value.Equals("true", StringComparison.OrdinalIgnoreCase) ? true : value.Equals("false", StringComparison.OrdinalIgnoreCase) ? false : null;
                return new PageVariant(name, asBool, value.Split(','));
            }
        }
    }
}
