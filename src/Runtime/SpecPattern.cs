using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A query in Spack's spec syntax, read as Spack reads it, that catalog entries satisfy as Spack's
    /// <c>Spec.satisfies</c> would on the same concrete specs:
    /// <c>py-gast@0.5: +shared ~ipo build_type=Release cuda_arch:=80,90 target=aarch64 os=ubuntu24.04 /7u33aej %gcc@11:</c>.
    /// Every attribute belongs to the node it follows: those after <c>%name</c> constrain the compiler (its name and
    /// version are what a cache page records). See the README's query grammar.
    /// </summary>
    public sealed class SpecPattern
    {
        private SpecPattern? _withoutLanguages;

        private SpecPattern(string text, SpecPatternSyntax syntax, VersionConstraint? versions, List<CompilerPattern> compilers, List<VariantPattern> variants, List<FlagPattern> flags)
        {
            QueryNodeSyntax root = syntax.Root;
            Text = text;
            Name = root.Name;
            Namespace = root.Namespace;
            Versions = versions;
            Compilers = compilers;
            Variants = variants;
            Flags = flags;
            Target = root.Target;
            Targets = root.Target is null ? null : TargetConstraint.Parse(root.Target);
            Os = root.Os;
            Platform = root.Platform;
            HashPrefix = root.Hash;
            foreach (CompilerPattern compiler in compilers)
            {
                HasLanguages |= compiler.Language is not null;
            }
        }

        /// <summary>A copy of <paramref name="pattern"/> without its language constraints.</summary>
        private SpecPattern(SpecPattern pattern)
        {
            Text = pattern.Text;
            Name = pattern.Name;
            Namespace = pattern.Namespace;
            Versions = pattern.Versions;
            Compilers = pattern.Compilers.Where(c => c.Language is null).ToList();
            Variants = pattern.Variants;
            Flags = pattern.Flags;
            Target = pattern.Target;
            Targets = pattern.Targets;
            Os = pattern.Os;
            Platform = pattern.Platform;
            HashPrefix = pattern.HashPrefix;
        }

        /// <summary>The text the pattern was parsed from.</summary>
        public string Text { get; }

        /// <summary>The package name, or null for any package.</summary>
        public string? Name { get; }

        /// <summary>The version constraint (after <c>@</c>), or null for any version.</summary>
        public VersionConstraint? Versions { get; }

        /// <summary>The constraints written after <c>%</c>; a spec must satisfy each of them with its compiler.</summary>
        public IReadOnlyList<CompilerPattern> Compilers { get; }

        /// <summary>The name of the first compiler constraint (in Spack's name for it: <c>%oneapi</c> is <c>intel-oneapi-compilers</c>), or null.</summary>
        public string? CompilerName => Compilers.Count > 0 ? Compilers[0].Name : null;

        /// <summary>The version constraint of the first compiler constraint, or null.</summary>
        public VersionConstraint? CompilerVersions => Compilers.Count > 0 ? Compilers[0].Versions : null;

        /// <summary>The variant settings the spec must have.</summary>
        public IReadOnlyList<VariantPattern> Variants { get; }

        /// <summary>The compiler flags the spec must have (<c>cflags="-O2"</c>).</summary>
        public IReadOnlyList<FlagPattern> Flags { get; }

        /// <summary>The target text (<c>target=</c>, or from <c>arch=</c>), or null: a name, or ranges and lists as <see cref="Targets"/> reads them.</summary>
        public string? Target { get; }

        /// <summary>The target constraint (<c>target=zen3</c>, <c>target=x86_64_v3:</c>, <c>target=:zen3,aarch64</c>), or null for any target.</summary>
        public TargetConstraint? Targets { get; }

        /// <summary>
        /// The operating system (<c>os=</c>, <c>operating_system=</c>, or from <c>arch=</c>), or null. <c>*</c> is any set
        /// OS; an empty value constrains nothing; <c>None</c>, <c>False</c> and <c>True</c> are names (Spack keeps them as
        /// names after another architecture attribute, see the README).
        /// </summary>
        public string? Os { get; }

        /// <summary>The platform (<c>platform=</c>, or from <c>arch=</c>), or null; read as <see cref="Os"/>.</summary>
        public string? Platform { get; }

        /// <summary>The namespace asked for (<c>builtin.zlib</c>, <c>namespace=builtin</c>), or null; every cache spec is in <c>builtin</c>, so any other matches nothing.</summary>
        public string? Namespace { get; }

        /// <summary>The hash prefix (after <c>/</c>), or null: specs whose hash starts with it match.</summary>
        public string? HashPrefix { get; }

        /// <summary>
        /// Parses a pattern; throws <see cref="FormatException"/> naming the position of the problem. The host's reserved
        /// names (<c>os=default_os</c>, <c>target=default_target</c>, <c>frontend</c>, <c>fe</c>, <c>backend</c>,
        /// <c>be</c>) are refused: <see cref="Parse(string, SpackArch)"/> resolves them.
        /// </summary>
        public static SpecPattern Parse(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            return TryParse(text, out SpecPattern? pattern, out string? error)
                ? pattern!
                : throw new FormatException(error);
        }

        /// <summary>
        /// Parses a pattern whose reserved names stand for <paramref name="host"/>, as Spack resolves them on the machine
        /// it runs on (spack/spack platforms/_platform.py, ArchSpec's os and target setters): <c>os=default_os</c> is the
        /// host's OS and <c>target=default_target</c> its exact microarchitecture (compared by name, not as a range), each
        /// also setting the platform to the host's when none is given, and refused when the platform given is another;
        /// <c>frontend</c>, <c>fe</c>, <c>backend</c> and <c>be</c> (deprecated in Spack) mean the same.
        /// </summary>
        public static SpecPattern Parse(string text, SpackArch host)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (host is null)
            {
                throw new ArgumentNullException(nameof(host));
            }

            return TryParse(text, new QueryHost(host.Platform, host.Os, host.Target.Name), out SpecPattern? pattern, out string? error)
                ? pattern!
                : throw new FormatException(error);
        }

        /// <summary>Parses a pattern; false (with the reason and position in <paramref name="error"/>) when it is malformed or asks what cache pages cannot answer.</summary>
        public static bool TryParse(string? text, out SpecPattern? pattern, out string? error) => TryParse(text, null, out pattern, out error);

        private static bool TryParse(string? text, QueryHost? host, out SpecPattern? pattern, out string? error)
        {
            pattern = null;
            if (text is null)
            {
                error = "The query is null.";
                return false;
            }

            SpecPatternSyntax? syntax = SpecPatternSyntax.Parse(text, host, out string? problem, out int position);
            if (syntax is null)
            {
                error = Describe(text, position, problem!);
                return false;
            }

            QueryNodeSyntax root = syntax.Root;
            VersionConstraint? versions = null;
            if (root.Versions is not null && !VersionConstraint.TryParse(root.Versions, out versions, out problem))
            {
                error = Describe(text, root.VersionsStart, "'@" + root.Versions + "': " + problem);
                return false;
            }

            // The syntax is checked (versions parse; compilers ask only for a name and versions).
            var compilers = new List<CompilerPattern>(syntax.Compilers.Count);
            foreach (QueryNodeSyntax node in syntax.Compilers)
            {
                VersionConstraint? compilerVersions = node.Versions is null ? null : VersionConstraint.Parse(node.Versions);
                compilers.Add(new CompilerPattern(node.Name, compilerVersions, node.Language is not null, node.Namespace, node.Start));
            }

            var variants = new List<VariantPattern>(root.Variants.Count);
            foreach (QueryVariantSyntax variant in root.Variants)
            {
                variants.Add(VariantPattern.From(variant));
            }

            var flags = new List<FlagPattern>(root.Flags.Count);
            foreach (KeyValuePair<string, string[]> flag in root.Flags)
            {
                flags.Add(new FlagPattern(flag.Key, flag.Value));
            }

            pattern = new SpecPattern(text, syntax, versions, compilers, variants, flags);
            error = null;
            return true;
        }

        /// <summary>
        /// True when <paramref name="spec"/> satisfies every part of the pattern. A language asked for (<c>%c</c>) of a spec
        /// whose compiler is written in Spack 1.x form throws <see cref="FormatException"/>: the page does not record the
        /// languages its compiler provided.
        /// </summary>
        public bool Matches(Spec spec)
        {
            bool matches = (Name is null || string.Equals(spec.Package, Name, StringComparison.Ordinal))
                && !MatchesNothing
                && (Targets is null || Targets.Contains(spec.Target, spec.Catalog.ArchIndex(spec.Index)))
                && ArchPartMatches(Os, spec.Os)
                && ArchPartMatches(Platform, spec.Platform)
                && MatchesDetails(spec, languages: false);
            if (matches && HasLanguages)
            {
                Compiler compiler = spec.Compiler;
                foreach (CompilerPattern pattern in Compilers)
                {
                    if (pattern.IsUndecided(compiler.IsNone, compiler.IsExact))
                    {
                        throw new FormatException(Describe(Text, pattern.Start, CompilerPattern.LanguageMessage(pattern.Language!, compiler.Text)));
                    }
                }

                matches = MatchesLanguages(compiler);
            }

            return matches;
        }

        /// <summary>The text the pattern was parsed from.</summary>
        public override string ToString() => Text;

        /// <summary>True when the catalog's target index cannot answer the target constraint (it holds ranges or several names).</summary>
        internal bool HasTargetRanges => Targets is not null && Targets.ExactName is null;

        /// <summary>True when a compiler constraint names a language (<c>%c</c>).</summary>
        internal bool HasLanguages { get; }

        /// <summary>This pattern without its language constraints: the candidates whose compilers <see cref="SpecCatalog.Query(SpecPattern)"/> checks.</summary>
        internal SpecPattern WithoutLanguages => _withoutLanguages ??= new SpecPattern(this);

        /// <summary>True when no cache spec can match: a namespace other than <c>builtin</c> (spec.py _satisfies_node compares namespaces).</summary>
        internal bool MatchesNothing => Namespace is not null && Namespace != "builtin";

        /// <summary>True when the OS or platform must only be set (<c>*</c>), which the catalog's name index cannot answer.</summary>
        internal bool HasAnyArchPart => Os == "*" || Platform == "*";

        /// <summary>
        /// ArchSpec._attr_satisfies: no value (or an empty one) constrains nothing, <c>*</c> needs a value (Spack reads a
        /// page's empty or <c>None</c> part as none), anything else must be equal.
        /// </summary>
        internal static bool ArchPartMatches(string? wanted, string have)
        {
            if (string.IsNullOrEmpty(wanted))
            {
                return true;
            }

            return wanted == "*" ? have.Length > 0 && have != "None" : string.Equals(wanted, have, StringComparison.Ordinal);
        }

        /// <summary>
        /// The one name of a kind the pattern requires, or null: the package, an exact target, the OS and the
        /// platform. Spack's syntax has no attribute for the other kinds (stacks, tags), so they are never required.
        /// </summary>
        internal string? NameOf(Dimension dimension)
        {
            if (dimension == Dimensions.Package)
            {
                return Name;
            }

            if (dimension == Dimensions.Target)
            {
                return Targets?.ExactName;
            }

            if (dimension == Dimensions.OperatingSystem)
            {
                return IndexName(Os);
            }

            return dimension == Dimensions.Platform ? IndexName(Platform) : null;
        }

        /// <summary>The name an OS or platform constraint gives the catalog's index: none for no constraint or <c>*</c>.</summary>
        private static string? IndexName(string? wanted) => string.IsNullOrEmpty(wanted) || wanted == "*" ? null : wanted;

        /// <summary>For an enumeration (the languages were checked when the query was made): every part the indexes cannot answer.</summary>
        internal bool MatchesDetails(Spec spec) => MatchesDetails(spec, languages: true);

        /// <summary>The language constraints on a compiler already known to be decided (v0.2x form, or none).</summary>
        internal bool MatchesLanguages(Compiler compiler)
        {
            for (int i = 0; i < Compilers.Count; i++)
            {
                CompilerPattern pattern = Compilers[i];
                if (pattern.Language is not null && !pattern.IsSatisfiedBy(compiler.Name, compiler.Version, compiler.IsExact, compiler.IsNone))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The parts the catalog's indexes cannot answer: versions, compilers (languages when asked), variants, flags, hash, target ranges, '*' arch parts.</summary>
        internal bool MatchesDetails(Spec spec, bool languages)
        {
            if (HasAnyArchPart && !(ArchPartMatches(Os, spec.Os) && ArchPartMatches(Platform, spec.Platform)))
            {
                return false;
            }

            if (HasTargetRanges && !Targets!.Contains(spec.Target, spec.Catalog.ArchIndex(spec.Index)))
            {
                return false;
            }

            if (Versions is not null && !Versions.Contains(spec.Version))
            {
                return false;
            }

            if (Compilers.Count > 0)
            {
                Compiler compiler = spec.Compiler;
                for (int i = 0; i < Compilers.Count; i++)
                {
                    CompilerPattern pattern = Compilers[i];
                    if (pattern.Language is null && !pattern.IsSatisfiedBy(compiler.Name, compiler.Version, compiler.IsExact, compiler.IsNone))
                    {
                        return false;
                    }
                }
            }

            // Spec._satisfies_node: the query's hash must be a prefix of the spec's.
            if (HashPrefix is not null && !spec.Hash.StartsWith(HashPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            VariantList variants = spec.Variants;
            for (int i = 0; i < Variants.Count; i++)
            {
                if (!Variants[i].IsSatisfiedBy(variants))
                {
                    return false;
                }
            }

            for (int i = 0; i < Flags.Count; i++)
            {
                if (!Flags[i].IsSatisfiedBy(variants))
                {
                    return false;
                }
            }

            return !languages || !HasLanguages || MatchesLanguages(spec.Compiler);
        }

        /// <summary>The message of a refused query: the query and the problem, with invisible characters written as U+XXXX.</summary>
        internal static string Describe(string text, int position, string problem)
        {
            return PythonText.Escape("The query '" + text + "' is malformed at position " + Math.Max(0, position) + ": " + problem + ".");
        }
    }
}
