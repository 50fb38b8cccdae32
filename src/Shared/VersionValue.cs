// Shared by SpecGen.Runtime (SpackVersion, VersionConstraint) and SpecGen.Generator (which checks versions
// with the same rules the runtime parses them by).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SpecGen.Format
{
    /// <summary>The parsed parts of a version (shared by copies of a SpackVersion).</summary>
    internal sealed class VersionValue
    {
        public const int Alpha = 0;
        public const int Beta = 1;
        public const int Rc = 2;
        public const int Final = 3;

        /// <summary>Develop-like names, oldest first: each is newer than any number and than the ones before it.</summary>
        internal static readonly string[] InfinityNames = { "stable", "nightly", "trunk", "head", "master", "main", "develop" };

        public static readonly VersionValue Empty = new VersionValue(string.Empty, Array.Empty<Part>(), Final, null, VersionKind.Standard, null, null);

        /// <summary>Below every version: no parts, an alpha pre-release.</summary>
        public static readonly VersionValue Min = new VersionValue(string.Empty, Array.Empty<Part>(), Alpha, null, VersionKind.Standard, null, null);

        /// <summary>Above every version: an infinity part past develop.</summary>
        public static readonly VersionValue Max = new VersionValue("infinity", new[] { Part.Infinity(InfinityNames.Length) }, Final, null, VersionKind.Standard, null, null);

        // Set by the parsing constructor; a deferred version leaves them unset and reads its resolved version's.
        private readonly Part[] _parts = null!;
        private readonly int _prerelease;
        private readonly Part? _prereleaseNumber;
        private readonly VersionKind _kind;
        private readonly string? _gitRef;
        private readonly VersionValue? _assigned;
        private readonly int _hashCode;

        /// <summary>This version when it was made parsed; for a deferred one null until its text is parsed.</summary>
        private VersionValue? _resolved;

        private VersionValue(string text, Part[] parts, int prerelease, Part? prereleaseNumber, VersionKind kind, string? gitRef, VersionValue? assigned)
        {
            Text = text;
            _resolved = this;
            _parts = parts;
            _prerelease = prerelease;
            _prereleaseNumber = prereleaseNumber;
            _kind = kind;
            _gitRef = gitRef;
            _assigned = assigned;
            _hashCode = ComputeHash();
        }

        /// <summary>A version known only by its text until something needs its parts (see <see cref="Deferred"/>).</summary>
        private VersionValue(string text)
        {
            Text = text;
        }

        internal enum VersionKind
        {
            Standard,
            GitAssigned,
            GitUnassigned,
        }

        public string Text { get; }

        public Part[] Parts => Resolved._parts;

        /// <summary><see cref="Alpha"/>, <see cref="Beta"/>, <see cref="Rc"/> or <see cref="Final"/>.</summary>
        public int Prerelease => Resolved._prerelease;

        /// <summary>The pre-release number (a number part, of any length), or null when there is none.</summary>
        public Part? PrereleaseNumber => Resolved._prereleaseNumber;

        public VersionKind Kind => Resolved._kind;

        public string? GitRef => Resolved._gitRef;

        /// <summary>The version a git ref is assigned (<c>git.ref=1.2</c>), or null.</summary>
        public VersionValue? Assigned => Resolved._assigned;

        public int HashCode => Resolved._hashCode;

        /// <summary>This version parsed: itself, or for a deferred one the version its text parses to, made on first use.</summary>
        private VersionValue Resolved => _resolved ?? Resolve();

        public bool IsGit => Kind != VersionKind.Standard;

        public bool IsDevelop
        {
            get
            {
                VersionValue standard = Assigned ?? this;
                foreach (Part part in standard.Parts)
                {
                    if (part.Kind == PartKind.Infinity)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Spack's valid version text: <c>[A-Za-z0-9_.-]</c>, then also <c>=</c>.</summary>
        public static bool IsValidText(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (!NameChars.IsVersionChar(text[i], i))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A version of text that was checked when it was written (a catalog's versions): made without parsing, parsed
        /// (or, if it does not parse, <see cref="Opaque"/>) the first time its parts, kind or hash are needed, so a
        /// version that is only shown costs no parse. Equal in every way to the version <see cref="Parse"/> makes.
        /// </summary>
        public static VersionValue Deferred(string text) => new VersionValue(text);

        /// <summary>Parses a deferred version's text once; threads that race to it agree on the first result stored.</summary>
        private VersionValue Resolve()
        {
            VersionValue parsed = ParseOrOpaque(Text);
            return System.Threading.Interlocked.CompareExchange(ref _resolved, parsed, null) ?? parsed;
        }

        /// <summary>The version of a text, or for a text that does not parse the <see cref="Opaque"/> version keeping it.</summary>
        public static VersionValue ParseOrOpaque(string text) => Parse(text, out _) ?? Opaque(text);

        /// <summary>A version that keeps its text but has no parts (for text that does not parse; sorts first).</summary>
        public static VersionValue Opaque(string text) => new VersionValue(text, Array.Empty<Part>(), Final, null, VersionKind.Standard, null, null);

        public static VersionValue? Parse(string text, out string? error)
        {
            error = null;
            string trimmed = text.Trim();
            if (!IsValidText(trimmed))
            {
                error = "it holds characters other than letters, digits, '.', '-', '_' and (after the first) '='";
                return null;
            }

            // Git versions: git.<ref>[=<version>], a 40-character commit, or <ref>=<version>.
            int equals = trimmed.IndexOf('=', 1 < trimmed.Length ? 1 : 0);
            bool gitPrefix = trimmed.StartsWith("git.", StringComparison.Ordinal);
            if (gitPrefix || IsCommit(trimmed) || equals > 0)
            {
                string body = gitPrefix ? trimmed.Substring(4) : trimmed;
                int at = body.IndexOf('=');
                if (at < 0)
                {
                    return new VersionValue(text, Array.Empty<Part>(), Final, null, VersionKind.GitUnassigned, body, null);
                }

                string reference = body.Substring(0, at);
                VersionValue? assigned = ParseStandard(body.Substring(at + 1), out error);
                if (assigned is null || assigned.Text.Length == 0 || reference.Length == 0)
                {
                    error ??= "a git version needs a ref and a version: git.<ref>=<version>";
                    return null;
                }

                return new VersionValue(text, assigned.Parts, assigned.Prerelease, assigned.PrereleaseNumber, VersionKind.GitAssigned, reference, assigned);
            }

            return ParseStandard(text, out error);
        }

        private static VersionValue? ParseStandard(string text, out string? error)
        {
            error = null;
            string trimmed = text.Trim();
            if (trimmed.IndexOf('=') >= 0)
            {
                error = "'=' only belongs in a git version";
                return null;
            }

            var parts = new List<Part>();
            int i = 0;
            while (i < trimmed.Length)
            {
                char c = trimmed[i];
                int start = i;
                if (IsDigit(c))
                {
                    while (i < trimmed.Length && IsDigit(trimmed[i]))
                    {
                        i++;
                    }

                    parts.Add(Part.Number(trimmed.Substring(start, i - start)));
                }
                else if (IsLetter(c))
                {
                    while (i < trimmed.Length && IsLetter(trimmed[i]))
                    {
                        i++;
                    }

                    parts.Add(Part.FromText(trimmed.Substring(start, i - start)));
                }
                else
                {
                    // A separator: '.', '-' or '_', not compared.
                    i++;
                }
            }

            // A trailing alpha/beta/rc (or final), optionally numbered, is the pre-release.
            int prerelease = Final;
            Part? number = null;
            int count = parts.Count;
            if (count >= 3 && parts[count - 1].Kind == PartKind.Number && PrereleaseOf(parts[count - 2]) is int numbered)
            {
                prerelease = numbered;
                number = parts[count - 1];
                parts.RemoveRange(count - 2, 2);
            }
            else if (count >= 2 && PrereleaseOf(parts[count - 1]) is int bare)
            {
                prerelease = bare;
                parts.RemoveAt(count - 1);
            }

            return new VersionValue(text, parts.ToArray(), prerelease, number, VersionKind.Standard, null, null);
        }

        /// <summary>Compares by Spack's rules (see SpackVersion).</summary>
        public static int Compare(VersionValue a, VersionValue b)
        {
            if (ReferenceEquals(a, b))
            {
                return 0;
            }

            if (a.IsGit || b.IsGit)
            {
                return CompareGit(a, b);
            }

            return CompareStandard(a, b);
        }

        /// <summary>The smallest version greater than every version that starts with <paramref name="v"/> (the end of the range <c>v:v</c>).</summary>
        public static VersionValue Next(VersionValue v)
        {
            if (v.Prerelease != Final)
            {
                return new VersionValue(string.Empty, v.Parts, v.Prerelease, v.PrereleaseNumber is Part n ? n.Next() : Part.Number("0"), VersionKind.Standard, null, null);
            }

            if (v.Parts.Length == 0)
            {
                return new VersionValue(string.Empty, new[] { Part.FromText("A") }, Final, null, VersionKind.Standard, null, null);
            }

            var parts = (Part[])v.Parts.Clone();
            parts[parts.Length - 1] = parts[parts.Length - 1].Next();
            return new VersionValue(string.Empty, parts, Final, null, VersionKind.Standard, null, null);
        }

        private static int CompareStandard(VersionValue a, VersionValue b)
        {
            int n = Math.Min(a.Parts.Length, b.Parts.Length);
            for (int i = 0; i < n; i++)
            {
                int c = Part.Compare(a.Parts[i], b.Parts[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            int byLength = a.Parts.Length.CompareTo(b.Parts.Length);
            if (byLength != 0)
            {
                return byLength;
            }

            int byPrerelease = a.Prerelease.CompareTo(b.Prerelease);
            if (byPrerelease != 0)
            {
                return byPrerelease;
            }

            // (alpha,) < (alpha, 0): no number sorts first, as in a Python tuple.
            return a.PrereleaseNumber is Part x
                ? (b.PrereleaseNumber is Part y ? Part.Compare(x, y) : 1)
                : (b.PrereleaseNumber is null ? 0 : -1);
        }

        /// <summary>Git versions: unassigned refs after everything; assigned ones by their version, then ref; never equal to a standard version.</summary>
        private static int CompareGit(VersionValue a, VersionValue b)
        {
            if (a.IsGit && b.IsGit)
            {
                bool aUnassigned = a.Kind == VersionKind.GitUnassigned;
                bool bUnassigned = b.Kind == VersionKind.GitUnassigned;
                if (aUnassigned && bUnassigned)
                {
                    return string.CompareOrdinal(a.GitRef, b.GitRef);
                }

                if (aUnassigned != bUnassigned)
                {
                    return aUnassigned ? 1 : -1;
                }

                int byVersion = CompareStandard(a.Assigned!, b.Assigned!);
                return byVersion != 0 ? byVersion : string.CompareOrdinal(a.GitRef, b.GitRef);
            }

            if (a.IsGit)
            {
                return a.Kind == VersionKind.GitUnassigned ? 1 : (CompareStandard(a.Assigned!, b) < 0 ? -1 : 1);
            }

            return -CompareGit(b, a);
        }

        private static bool IsCommit(string text)
        {
            if (text.Length != 40)
            {
                return false;
            }

            foreach (char c in text)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }

        private static int? PrereleaseOf(Part part)
        {
            if (part.Kind != PartKind.Text)
            {
                return null;
            }

            switch (part.Text)
            {
                case "alpha": return Alpha;
                case "beta": return Beta;
                case "rc": return Rc;
                case "final": return Final;
                default: return null;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private int ComputeHash()
        {
            unchecked
            {
                if (Kind == VersionKind.GitUnassigned)
                {
                    return StringComparer.Ordinal.GetHashCode(GitRef ?? string.Empty);
                }

                int hash = 17;
                foreach (Part part in Parts)
                {
                    hash = (hash * 31) + part.GetHashCode();
                }

                return (hash * 31) + (Prerelease * 7) + (PrereleaseNumber?.GetHashCode() ?? -1);
            }
        }

        internal enum PartKind
        {
            Text = 0,
            Number = 1,
            Infinity = 2,
        }

        /// <summary>One part of a version: a number, alphabetic text, or a develop-like name.</summary>
        internal readonly struct Part
        {
            private Part(PartKind kind, string text, int rank)
            {
                Kind = kind;
                Text = text;
                Rank = rank;
            }

            public PartKind Kind { get; }

            /// <summary>The text; for a number, its digits without leading zeros ("0" for zero).</summary>
            public string Text { get; }

            /// <summary>The rank of a develop-like name in <see cref="InfinityNames"/>.</summary>
            public int Rank { get; }

            public static Part Number(string digits)
            {
                string trimmed = digits.TrimStart('0');
                return new Part(PartKind.Number, trimmed.Length == 0 ? "0" : trimmed, 0);
            }

            public static Part FromText(string text)
            {
                int rank = Array.IndexOf(InfinityNames, text);
                return rank >= 0 ? Infinity(rank) : new Part(PartKind.Text, text, 0);
            }

            public static Part Infinity(int rank) => new Part(PartKind.Infinity, rank < InfinityNames.Length ? InfinityNames[rank] : "infinity", rank);

            /// <summary>Text parts sort below numbers, develop-like names above them.</summary>
            public static int Compare(Part a, Part b)
            {
                if (a.Kind != b.Kind)
                {
                    return a.Kind.CompareTo(b.Kind);
                }

                switch (a.Kind)
                {
                    case PartKind.Number:
                        int byLength = a.Text.Length.CompareTo(b.Text.Length);
                        return byLength != 0 ? byLength : string.CompareOrdinal(a.Text, b.Text);
                    case PartKind.Infinity:
                        return a.Rank.CompareTo(b.Rank);
                    default:
                        return string.CompareOrdinal(a.Text, b.Text);
                }
            }

            /// <summary>The next part: number + 1, the next develop-like name, or the next string of letters that is no such name.</summary>
            public Part Next()
            {
                switch (Kind)
                {
                    case PartKind.Number:
                        return Number(Increment(Text));
                    case PartKind.Infinity:
                        return Infinity(Rank + 1);
                    default:
                        string next = Text;
                        do
                        {
                            next = NextString(next);
                        }
                        while (Array.IndexOf(InfinityNames, next) >= 0);

                        return new Part(PartKind.Text, next, 0);
                }
            }

            public override int GetHashCode() => unchecked(((int)Kind * 397) ^ (Kind == PartKind.Infinity ? Rank : StringComparer.Ordinal.GetHashCode(Text)));

            /// <summary>The next string of letters in the order 'A'..'Z', 'a'..'z'.</summary>
            private static string NextString(string s)
            {
                if (s.Length == 0 || s[s.Length - 1] == 'z')
                {
                    return s + "A";
                }

                char last = s[s.Length - 1];
                return s.Substring(0, s.Length - 1) + (last == 'Z' ? 'a' : (char)(last + 1));
            }

            private static string Increment(string digits)
            {
                var builder = new StringBuilder(digits);
                int i = builder.Length - 1;
                while (i >= 0 && builder[i] == '9')
                {
                    builder[i] = '0';
                    i--;
                }

                if (i < 0)
                {
                    builder.Insert(0, '1');
                }
                else
                {
                    builder[i]++;
                }

                return builder.ToString();
            }
        }
    }
}
