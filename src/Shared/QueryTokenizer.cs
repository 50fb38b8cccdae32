// Shared by SpecGen.Runtime (SpecPattern) and SpecGen.Generator (the analyzer that checks query literals).
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SpecGen.Format
{
    /// <summary>The kinds of token of Spack's spec syntax, in the order Spack tries them at each position.</summary>
    internal enum QueryTokenKind
    {
        StartEdgeProperties,
        EndEdgeProperties,
        Dependency,
        VersionHashPair,
        GitVersion,
        Version,
        PropagatedBoolVariant,
        BoolVariant,
        PropagatedKeyValuePair,
        KeyValuePair,
        FileName,
        FullyQualifiedPackageName,
        UnqualifiedPackageName,
        DagHash,
        Whitespace,
        Unexpected,
    }

    /// <summary>A token: its kind, text and place; for a dependency sigil, the virtuals it assigns (<c>%c,cxx=gcc</c>).</summary>
    internal readonly struct QueryToken
    {
        public QueryToken(QueryTokenKind kind, string text, int start, string? virtuals, string? substitute, int substituteStart)
        {
            Kind = kind;
            Text = text;
            Start = start;
            Virtuals = virtuals;
            Substitute = substitute;
            SubstituteStart = substituteStart;
        }

        public QueryTokenKind Kind { get; }

        public string Text { get; }

        public int Start { get; }

        /// <summary>For <c>%c,cxx=gcc</c>: <c>c,cxx</c>.</summary>
        public string? Virtuals { get; }

        /// <summary>For <c>%c,cxx=gcc</c>: <c>gcc</c>, which the parser reads next as a package name.</summary>
        public string? Substitute { get; }

        public int SubstituteStart { get; }
    }

    /// <summary>
    /// Splits a query into tokens exactly as Spack does (spack/spack lib/spack/spack/spec_parser.py, SpecTokens and
    /// tokenize): one regular expression per kind of token, tried in their order at each position, the first that
    /// matches wins.
    /// </summary>
    internal static class QueryTokenizer
    {
        /// <summary>Python's <c>\s</c>: Spack's patterns are <c>str</c> patterns, so whitespace is Unicode's, U+001C-U+001F included.</summary>
        private const string S = PythonText.SpaceClass;
        private const string Identifier = @"(?:[a-zA-Z_0-9][a-zA-Z_0-9\-]*)";
        private const string DottedIdentifier = "(?:" + Identifier + @"(?:\." + Identifier + ")+)";
        private const string GitHash = "(?:[A-Fa-f0-9]{40})";
        private const string GitRef = @"(?:[a-zA-Z_0-9][a-zA-Z_0-9./\-]*)";
        private const string GitVersionPattern = @"(?:(?:git\.(?:" + GitRef + "))|(?:" + GitHash + "))";
        private const string VirtualAssignment = "(?:(?<virtuals>" + Identifier + "(?:," + Identifier + ")*)=(?<substitute>" + DottedIdentifier + "|" + Identifier + "))";
        private const string Name = @"[a-zA-Z_0-9][a-zA-Z_0-9\-.]*";
        private const string Hash = "[a-zA-Z_0-9]+";
        private const string Value = @"(?:[a-zA-Z_0-9\-+\*.,:=%^\~\/\\]+)";
        private const string QuotedValue = @"(?:'(?:[^']|(?<=\\)')*'|""(?:[^""]|(?<=\\)"")*"")";
        private const string VersionText = @"=?(?:[a-zA-Z0-9_][a-zA-Z_0-9\-\.]*" + PythonText.WordBoundary + ")";
        private const string VersionRange = "(?:(?:" + VersionText + ")?:(?:" + VersionText + "(?!" + S + "*=))?)";
        private const string VersionList = "(?:" + VersionRange + "|" + VersionText + ")(?:" + S + "*," + S + "*(?:" + VersionRange + "|" + VersionText + "))*";
        private const string FileName = @"(?:\.|\/|[a-zA-Z0-9-_]*\/)(?:[a-zA-Z0-9-_\.\/]*)(?:\.json|\.yaml)";

        private static readonly (QueryTokenKind Kind, string Pattern)[] Kinds =
        {
            (QueryTokenKind.StartEdgeProperties, @"(?:(?:\^|\%\%|\%)\[)"),
            (QueryTokenKind.EndEdgeProperties, @"(?:\](?:" + S + "*" + VirtualAssignment + ")?)"),
            (QueryTokenKind.Dependency, @"(?:(?:\^|\%\%|\%)(?:" + S + "*" + VirtualAssignment + ")?)"),
            (QueryTokenKind.VersionHashPair, "(?:@(?:" + GitVersionPattern + ")=(?:" + VersionText + "))"),
            (QueryTokenKind.GitVersion, "@(?:" + GitVersionPattern + ")"),
            (QueryTokenKind.Version, "(?:@" + S + "*(?:" + VersionList + "))"),
            (QueryTokenKind.PropagatedBoolVariant, @"(?:(?:\+\+|~~|--)" + S + "*" + Name + ")"),
            (QueryTokenKind.BoolVariant, "(?:[~+-]" + S + "*" + Name + ")"),
            (QueryTokenKind.PropagatedKeyValuePair, "(?:" + Name + ":?==(?:" + Value + "|" + QuotedValue + "))"),
            (QueryTokenKind.KeyValuePair, "(?:" + Name + ":?=(?:" + Value + "|" + QuotedValue + "))"),
            (QueryTokenKind.FileName, "(?:" + FileName + ")"),
            (QueryTokenKind.FullyQualifiedPackageName, "(?:" + DottedIdentifier + ")"),
            (QueryTokenKind.UnqualifiedPackageName, "(?:" + Identifier + @"|\*)"),
            (QueryTokenKind.DagHash, "(?:/(?:" + Hash + "))"),
            (QueryTokenKind.Whitespace, "(?:" + S + "+)"),
            (QueryTokenKind.Unexpected, "(?:." + S + "*)"),
        };

        private static readonly Regex Token = new Regex(BuildPattern(), RegexOptions.CultureInvariant);

        /// <summary>The tokens of <paramref name="text"/> without whitespace; the first unexpected character ends the list.</summary>
        public static List<QueryToken> Tokenize(string text)
        {
            var tokens = new List<QueryToken>();
            int position = 0;
            while (position < text.Length)
            {
                Match match = Token.Match(text, position);
                if (!match.Success || match.Length == 0)
                {
                    tokens.Add(new QueryToken(QueryTokenKind.Unexpected, text.Substring(position, 1), position, null, null, -1));
                    break;
                }

                for (int k = 0; k < Kinds.Length; k++)
                {
                    if (!match.Groups["k" + k].Success)
                    {
                        continue;
                    }

                    QueryTokenKind kind = Kinds[k].Kind;
                    Group virtuals = match.Groups["virtuals"];
                    Group substitute = match.Groups["substitute"];
                    if (kind != QueryTokenKind.Whitespace)
                    {
                        tokens.Add(new QueryToken(
                            kind,
                            match.Value,
                            position,
                            virtuals.Success ? virtuals.Value : null,
                            substitute.Success ? substitute.Value : null,
                            substitute.Success ? substitute.Index : -1));
                    }

                    break;
                }

                if (tokens.Count > 0 && tokens[tokens.Count - 1].Kind == QueryTokenKind.Unexpected)
                {
                    break;
                }

                position += match.Length;
            }

            return tokens;
        }

        private static string BuildPattern()
        {
            var parts = new List<string>();
            for (int k = 0; k < Kinds.Length; k++)
            {
                parts.Add("(?<k" + k + ">" + Kinds[k].Pattern + ")");
            }

            return @"\G(?:" + string.Join("|", parts) + ")";
        }
    }
}
