using System;
using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>The binaries of one package that an explanation ranks, by index (in catalog order), as their pages write them.</summary>
    internal interface ICachedSpecs
    {
        int Count { get; }

        string Hash(int index);

        string Version(int index);

        /// <summary>The compiler as the page writes it: <c>none</c>, <c>name@version</c> or <c>name@=version</c>.</summary>
        string Compiler(int index);

        string Os(int index);

        string Platform(int index);

        string Target(int index);

        IReadOnlyList<VariantSyntax> Variants(int index);
    }

    /// <summary>One field in which a cached binary differs from what was wanted; null where a side has no value (a variant it lacks).</summary>
    internal sealed record SpecDifferenceData(string Field, string? Wanted, string? Cached)
    {
        public const string VersionField = "version";
        public const string CompilerField = "compiler";
        public const string OsField = "os";
        public const string PlatformField = "platform";
        public const string TargetField = "target";
        public const string VariantPrefix = "variant ";

        /// <summary><c>version: wanted 1.3.1, cached 1.3</c>; <c>(not set)</c> for a missing side.</summary>
        public override string ToString() => Field + ": wanted " + (Wanted ?? "(not set)") + ", cached " + (Cached ?? "(not set)");
    }

    /// <summary>
    /// What was wanted of a package, field by field, for <see cref="NearestSpecs"/>: by default an exact spec (a lockfile
    /// node: every field given, versions and compilers equal by Spack's rules, every variant compared both ways). The
    /// runtime's query patterns override the matching rules (version ranges, compiler constraints, Spack's variant
    /// satisfaction, target ranges) and leave unnamed fields open.
    /// </summary>
    internal class SpecWant
    {
        public SpecWant(string package, string? version, string? compiler, string? os, string? platform, string? target, IReadOnlyList<VariantSyntax> variants, bool allVariants)
        {
            Package = package;
            Version = version;
            Compiler = compiler;
            Os = os;
            Platform = platform;
            Target = target;
            Variants = variants;
            AllVariants = allVariants;
        }

        public string Package { get; }

        /// <summary>
        /// A lockfile node, wanted exactly: its version, its compiler (<c>none</c> when it has none), its architecture and
        /// every variant, both ways.
        /// </summary>
        public static SpecWant ForNode(string name, string version, string? compiler, string os, string platform, string target, IReadOnlyList<VariantSyntax> variants)
        {
            return new SpecWant(name, version, compiler ?? "none", os, platform, target, variants, allVariants: true);
        }

        /// <summary>The version (or constraint) wanted, as shown; null for any.</summary>
        public string? Version { get; }

        /// <summary>The compiler wanted, as shown (<c>none</c> for none); null for any.</summary>
        public string? Compiler { get; }

        public string? Os { get; }

        public string? Platform { get; }

        /// <summary>The target (or constraint) wanted, as shown; null for any.</summary>
        public string? Target { get; }

        /// <summary>The variants wanted (their names and texts; <see cref="VariantMatches"/> decides).</summary>
        public IReadOnlyList<VariantSyntax> Variants { get; }

        /// <summary>True when a cached variant that is not wanted is a difference too (an exact spec); false for a query.</summary>
        public bool AllVariants { get; }

        /// <summary>The one microarchitecture wanted, for "a cached target that runs on it": <see cref="Target"/> by default.</summary>
        public virtual string? RunsOnTarget => Target;

        public virtual bool VersionMatches(string cached) => SameVersion(Version!, cached);

        public virtual bool CompilerMatches(CompilerSyntax cached)
        {
            if (string.Equals(Compiler, "none", StringComparison.Ordinal) || cached.IsNone)
            {
                return cached.IsNone && string.Equals(Compiler, "none", StringComparison.Ordinal);
            }

            int at = Compiler!.IndexOf('@');
            string name = at < 0 ? Compiler : Compiler.Substring(0, at);
            string version = at < 0 ? string.Empty : Compiler.Substring(at + 1).TrimStart('=');
            return string.Equals(CompilerNames.Builtin(name), CompilerNames.Builtin(cached.Name), StringComparison.Ordinal)
                && SameVersion(version, cached.Version);
        }

        public virtual bool TargetMatches(string cached) => string.Equals(Target, cached, StringComparison.Ordinal);

        /// <summary>Whether the cached setting of the wanted variant <paramref name="index"/> (null: the binary lacks it) is the one wanted.</summary>
        public virtual bool VariantMatches(int index, VariantSyntax? cached) => cached is not null && SameSetting(Variants[index], cached);

        /// <summary>Equal versions by Spack's rules (<c>1.2 == 1-2</c>), or equal texts when either is not a version.</summary>
        public static bool SameVersion(string a, string b)
        {
            VersionValue? x = VersionValue.Parse(a, out _);
            VersionValue? y = VersionValue.Parse(b, out _);
            return x is not null && y is not null ? VersionValue.Compare(x, y) == 0 : string.Equals(a, b, StringComparison.Ordinal);
        }

        /// <summary>
        /// Two settings of one variant are the same when Spack reads them alike: bools (a single value <c>true</c> or
        /// <c>false</c> is a bool) with the same value, or the same set of values (a patch by its prefix: pages and specs
        /// write the first 7 characters of a patch's sha256).
        /// </summary>
        public static bool SameSetting(VariantSyntax a, VariantSyntax b)
        {
            bool? x = AsBool(a);
            bool? y = AsBool(b);
            if (x is not null || y is not null)
            {
                return x == y;
            }

            bool prefix = string.Equals(a.Name, "patches", StringComparison.Ordinal);
            return Covers(a.Values, b.Values, prefix) && Covers(b.Values, a.Values, prefix);
        }

        private static bool? AsBool(VariantSyntax variant)
        {
            int kind = variant.Kind & VariantFlags.KindMask;
            if (kind == VariantFlags.BoolTrue || kind == VariantFlags.BoolFalse)
            {
                return kind == VariantFlags.BoolTrue;
            }

            if (kind == VariantFlags.Single && variant.Values.Count == 1)
            {
                string value = variant.Values[0];
                if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return null;
        }

        /// <summary>True when every value of <paramref name="wanted"/> is among <paramref name="have"/>.</summary>
        private static bool Covers(EquatableArray<string> wanted, EquatableArray<string> have, bool prefix)
        {
            foreach (string value in wanted)
            {
                bool found = false;
                foreach (string other in have)
                {
                    if (prefix
                        ? value.StartsWith(other, StringComparison.Ordinal) || other.StartsWith(value, StringComparison.Ordinal)
                        : string.Equals(value, other, StringComparison.Ordinal))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
