using System;
using System.Collections.Generic;
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
        private SpecPattern(string text, SpecPatternSyntax syntax, VersionConstraint? versions, List<CompilerPattern> compilers, List<VariantPattern> variants, List<FlagPattern> flags)
        {
            QueryNodeSyntax root = syntax.Root;
            Text = text;
            Name = root.Name;
            Versions = versions;
            Compilers = compilers;
            Variants = variants;
            Flags = flags;
            Target = root.Target;
            Targets = root.Target is null ? null : TargetConstraint.Parse(root.Target);
            Os = root.Os;
            Platform = root.Platform;
            HashPrefix = root.Hash;
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

        /// <summary>The operating system (<c>os=</c>, <c>operating_system=</c>, or from <c>arch=</c>), or null.</summary>
        public string? Os { get; }

        /// <summary>The platform (<c>platform=</c>, or from <c>arch=</c>), or null.</summary>
        public string? Platform { get; }

        /// <summary>The hash prefix (after <c>/</c>), or null: specs whose hash starts with it match.</summary>
        public string? HashPrefix { get; }

        /// <summary>Parses a pattern; throws <see cref="FormatException"/> naming the position of the problem.</summary>
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

        /// <summary>Parses a pattern; false (with the reason and position in <paramref name="error"/>) when it is malformed or asks what cache pages cannot answer.</summary>
        public static bool TryParse(string? text, out SpecPattern? pattern, out string? error)
        {
            pattern = null;
            if (text is null)
            {
                error = "The query is null.";
                return false;
            }

            SpecPatternSyntax? syntax = SpecPatternSyntax.Parse(text, out string? problem, out int position);
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
                compilers.Add(new CompilerPattern(node.Name, compilerVersions));
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

        /// <summary>True when <paramref name="spec"/> satisfies every part of the pattern.</summary>
        public bool Matches(Spec spec)
        {
            return (Name is null || string.Equals(spec.Package, Name, StringComparison.Ordinal))
                && (Targets is null || Targets.Contains(spec.Target, spec.Catalog.ArchIndex(spec.Index)))
                && (Os is null || string.Equals(spec.Os, Os, StringComparison.Ordinal))
                && (Platform is null || string.Equals(spec.Platform, Platform, StringComparison.Ordinal))
                && MatchesDetails(spec);
        }

        /// <summary>The text the pattern was parsed from.</summary>
        public override string ToString() => Text;

        /// <summary>True when the catalog's target index cannot answer the target constraint (it holds ranges or several names).</summary>
        internal bool HasTargetRanges => Targets is not null && Targets.ExactName is null;

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
                return Os;
            }

            return dimension == Dimensions.Platform ? Platform : null;
        }

        /// <summary>The parts the catalog's indexes cannot answer: versions, compilers, variants, flags, hash, target ranges.</summary>
        internal bool MatchesDetails(Spec spec)
        {
            if (HasTargetRanges && !Targets!.Contains(spec.Target, spec.Catalog.ArchIndex(spec.Index)))
            {
                return false;
            }

            if (Versions is not null && !Versions.Contains(spec.Version))
            {
                return false;
            }

            for (int i = 0; i < Compilers.Count; i++)
            {
                if (!Compilers[i].IsSatisfiedBy(spec.Compiler))
                {
                    return false;
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

            return true;
        }

        private static string Describe(string text, int position, string problem)
        {
            return "The query '" + text + "' is malformed at position " + Math.Max(0, position) + ": " + problem + ".";
        }
    }
}
