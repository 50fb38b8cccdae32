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
    /// pages' JSON (PageOracle): a hand-written scanner instead of SpecGen's tokenizer, and Spack's satisfies rules
    /// written from spack/spack spec.py (Spec._satisfies_node, FlagMap.satisfies), variant.py (VariantValue.satisfies,
    /// from_string_or_bool), version/version_types.py (ClosedOpenRange, _next_version) and aliases.py. It knows only
    /// well-formed queries; malformed ones are the vector file's error lines, checked against SpecGen alone.
    /// </summary>
    internal static class SpackQueryOracle
    {
        private static readonly Dictionary<string, string> Legacy = new Dictionary<string, string>
        {
            ["clang"] = "llvm", ["oneapi"] = "intel-oneapi-compilers", ["rocmcc"] = "llvm-amdgpu", ["intel"] = "intel-oneapi-compiler-classic", ["arm"] = "acfl",
        };

        private static readonly string[] FlagTypes = { "cflags", "cxxflags", "fflags", "ldflags", "ldlibs", "cppflags" };

        public static bool Matches(string query, OracleSpec spec)
        {
            Node root = new Node();
            var compilers = new List<Node>();
            Node current = root;
            int i = 0;
            while (true)
            {
                while (i < query.Length && char.IsWhiteSpace(query[i]))
                {
                    i++;
                }

                if (i >= query.Length)
                {
                    break;
                }

                char c = query[i];
                if (c == '%')
                {
                    i++;
                    while (char.IsWhiteSpace(query[i]))
                    {
                        i++;
                    }

                    current = new Node();
                    compilers.Add(current);
                    int eq = Scan(query, ref i, IsIdent);
                    current.Name = query.Substring(eq, i - eq);
                    while (i < query.Length && query[i] == ',')
                    {
                        // %c,cxx=gcc: several virtuals.
                        i++;
                        Scan(query, ref i, IsIdent);
                    }

                    if (i < query.Length && query[i] == '=')
                    {
                        // %c=gcc: a language virtual assigned to a compiler.
                        i++;
                        int start = i;
                        Scan(query, ref i, IsIdent);
                        current.Name = query.Substring(start, i - start);
                    }
                }
                else if (c == '@')
                {
                    i++;
                    var text = new StringBuilder();
                    while (i < query.Length && (IsVersionChar(query[i]) || (char.IsWhiteSpace(query[i]) && (text.Length == 0 || text[^1] == ',' || NextNonBlank(query, i) == ','))))
                    {
                        if (!char.IsWhiteSpace(query[i]))
                        {
                            text.Append(query[i]);
                        }

                        i++;
                    }

                    current.Versions = text.ToString();
                }
                else if (c == '+' || c == '~' || (c == '-' && (i == 0 || char.IsWhiteSpace(query[i - 1]))))
                {
                    i++;
                    while (char.IsWhiteSpace(query[i]))
                    {
                        i++;
                    }

                    int start = Scan(query, ref i, IsNameChar);
                    current.Settings.Add((query.Substring(start, i - start), c == '+' ? "true" : "false", true));
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
                        current.Settings.Add((word, ReadValue(query, ref i), exact));
                    }
                    else
                    {
                        current.Name = word == "*" ? null : word;
                    }
                }
            }

            return Satisfies(spec, root, compilers);
        }

        private static bool Satisfies(OracleSpec spec, Node root, List<Node> compilers)
        {
            if (root.Name is not null && root.Name != spec.Package)
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

            foreach (Node compiler in compilers)
            {
                if (spec.Compiler == "none")
                {
                    return false;
                }

                string[] parts = spec.Compiler.Split('@');
                string name = Legacy.GetValueOrDefault(parts[0], parts[0]);
                if (Legacy.GetValueOrDefault(compiler.Name!, compiler.Name!) != name)
                {
                    return false;
                }

                if (compiler.Versions is not null && !InList(parts[1].TrimStart('='), compiler.Versions))
                {
                    return false;
                }
            }

            var variants = spec.Variants.Select(PageVariant.Read).ToDictionary(v => v.Name);
            foreach ((string name, string value, bool exact) in root.Settings)
            {
                switch (name)
                {
                    case "arch":
                    case "architecture":
                        string[] arch = value.Split('-');
                        if (arch.Length == 3 ? spec.Platform != arch[0] || spec.Os != arch[1] || spec.Target != arch[2] : spec.Target != value)
                        {
                            return false;
                        }

                        continue;
                    case "platform":
                        if (spec.Platform != value)
                        {
                            return false;
                        }

                        continue;
                    case "os":
                    case "operating_system":
                        if (spec.Os != value)
                        {
                            return false;
                        }

                        continue;
                    case "target":
                        if (spec.Target != value)
                        {
                            return false;
                        }

                        continue;
                }

                if (!variants.TryGetValue(name, out PageVariant? have))
                {
                    return false;
                }

                if (Array.IndexOf(FlagTypes, name) >= 0)
                {
                    string[] flags = string.Join(",", have.Values).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(f => !flags.Contains(f)))
                    {
                        return false;
                    }

                    continue;
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

            return true;
        }

        /// <summary>version/__init__.py from_string: items at commas; '=v' exact; 'lo:hi' as [lo, next(hi)); a bare v is v:v.</summary>
        private static bool InList(string version, string list)
        {
            foreach (string item in list.Split(','))
            {
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
            while (i < query.Length && !char.IsWhiteSpace(query[i]))
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
            while (i < text.Length && char.IsWhiteSpace(text[i]))
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

            public string? Versions { get; set; }

            public string? Hash { get; set; }

            public List<(string Name, string Value, bool Exact)> Settings { get; } = new List<(string, string, bool)>();
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
