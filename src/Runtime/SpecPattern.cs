using System;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A constraint in Spack's spec syntax that specs of a catalog can match:
    /// <c>py-gast@0.5: %gcc@11: +shared ~ipo build_type=Release cuda_arch=80 target=aarch64 os=ubuntu24.04 platform=linux /7u33aej</c>
    /// (any subset; <c>arch=platform-os-target</c> sets all three). Parts may be separated by spaces or written
    /// together (<c>py-gast@0.5:%gcc+shared</c>).
    /// </summary>
    public sealed class SpecPattern
    {
        private SpecPattern(string text, SpecPatternSyntax syntax, VersionConstraint? versions, VersionConstraint? compilerVersions)
        {
            Text = text;
            Name = syntax.Name;
            Versions = versions;
            CompilerName = syntax.CompilerName;
            CompilerVersions = compilerVersions;
            Target = syntax.Target;
            Os = syntax.Os;
            Platform = syntax.Platform;
            HashPrefix = syntax.HashPrefix;
            var variants = new List<VariantPattern>(syntax.Variants.Count);
            foreach (VariantPatternSyntax variant in syntax.Variants)
            {
                variants.Add(new VariantPattern(variant.Name, variant.Enabled, variant.Values, variant.Exact));
            }

            Variants = variants;
        }

        /// <summary>The text the pattern was parsed from.</summary>
        public string Text { get; }

        /// <summary>The package name, or null for any package.</summary>
        public string? Name { get; }

        /// <summary>The version constraint (after <c>@</c>), or null for any version.</summary>
        public VersionConstraint? Versions { get; }

        /// <summary>The compiler name (after <c>%</c>), or null for any compiler (or none).</summary>
        public string? CompilerName { get; }

        /// <summary>The compiler's version constraint (<c>%gcc@11:</c>), or null.</summary>
        public VersionConstraint? CompilerVersions { get; }

        /// <summary>The variant settings the spec must have.</summary>
        public IReadOnlyList<VariantPattern> Variants { get; }

        /// <summary>The target (<c>target=</c> or from <c>arch=</c>), or null.</summary>
        public string? Target { get; }

        /// <summary>The operating system (<c>os=</c> or from <c>arch=</c>), or null.</summary>
        public string? Os { get; }

        /// <summary>The platform (<c>platform=</c> or from <c>arch=</c>), or null.</summary>
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

        /// <summary>Parses a pattern; false (with the reason and position in <paramref name="error"/>) when it is malformed.</summary>
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

            VersionConstraint? versions = null;
            if (syntax.Versions is not null && !VersionConstraint.TryParse(syntax.Versions, out versions, out problem))
            {
                error = Describe(text, text.IndexOf('@'), "'@" + syntax.Versions + "': " + problem);
                return false;
            }

            VersionConstraint? compilerVersions = null;
            if (syntax.CompilerVersions is not null && !VersionConstraint.TryParse(syntax.CompilerVersions, out compilerVersions, out problem))
            {
                error = Describe(text, text.IndexOf('%'), "'%" + syntax.CompilerName + "@" + syntax.CompilerVersions + "': " + problem);
                return false;
            }

            pattern = new SpecPattern(text, syntax, versions, compilerVersions);
            error = null;
            return true;
        }

        /// <summary>True when <paramref name="spec"/> satisfies every part of the pattern.</summary>
        public bool Matches(Spec spec)
        {
            return (Name is null || string.Equals(spec.Package, Name, StringComparison.Ordinal))
                && (Target is null || string.Equals(spec.Target, Target, StringComparison.Ordinal))
                && (Os is null || string.Equals(spec.Os, Os, StringComparison.Ordinal))
                && (Platform is null || string.Equals(spec.Platform, Platform, StringComparison.Ordinal))
                && MatchesDetails(spec);
        }

        /// <summary>The text the pattern was parsed from.</summary>
        public override string ToString() => Text;

        /// <summary>The parts the catalog's indexes cannot answer: versions, compiler, variants, hash.</summary>
        internal bool MatchesDetails(Spec spec)
        {
            if (Versions is not null && !Versions.Contains(spec.Version))
            {
                return false;
            }

            if (CompilerName is not null)
            {
                Compiler compiler = spec.Compiler;
                if (compiler.IsNone || !string.Equals(compiler.Name, CompilerName, StringComparison.Ordinal))
                {
                    return false;
                }

                if (CompilerVersions is not null && !CompilerVersions.Contains(compiler.Version))
                {
                    return false;
                }
            }

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

            return true;
        }

        private static string Describe(string text, int position, string problem)
        {
            return "The query '" + text + "' is malformed at position " + Math.Max(0, position) + ": " + problem + ".";
        }
    }

    /// <summary>A variant setting a <see cref="SpecPattern"/> asks for.</summary>
    public sealed class VariantPattern
    {
        internal VariantPattern(string name, bool? enabled, string[] values, bool exact)
        {
            Name = name;
            Enabled = enabled;
            Values = values;
            IsExact = exact;
        }

        /// <summary>The variant name.</summary>
        public string Name { get; }

        /// <summary>For <c>+name</c> or <c>~name</c>: whether it must be on; null for a valued setting.</summary>
        public bool? Enabled { get; }

        /// <summary>The values a valued setting asks for.</summary>
        public IReadOnlyList<string> Values { get; }

        /// <summary>Written with <c>:=</c>: the spec's values must be exactly these.</summary>
        public bool IsExact { get; }

        /// <summary>
        /// Spack's rule: <c>+x</c>/<c>~x</c> need the bool variant on/off; <c>x=a</c> needs a single-valued
        /// <c>x</c> equal to <c>a</c>, or a multi-valued <c>x</c> holding <c>a</c> (every value asked for);
        /// <c>x:=a,b</c> needs exactly those values. A spec without the variant does not match.
        /// </summary>
        internal bool IsSatisfiedBy(VariantList variants)
        {
            for (int i = 0; i < variants.Count; i++)
            {
                Variant variant = variants[i];
                if (!string.Equals(variant.Name, Name, StringComparison.Ordinal))
                {
                    continue;
                }

                if (Enabled is bool enabled)
                {
                    return variant.Kind == VariantKind.Bool && variant.IsEnabled == enabled;
                }

                if (variant.Kind == VariantKind.Bool)
                {
                    return false;
                }

                NameList have = variant.Values;
                foreach (string value in Values)
                {
                    if (!have.Contains(value))
                    {
                        return false;
                    }
                }

                return !IsExact || have.Count == Values.Count;
            }

            return false;
        }
    }
}
