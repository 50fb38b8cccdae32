using System;
using System.Collections.Generic;
using System.Text;

namespace SpecGen.Format
{
    /// <summary>One cached binary (a hash; every entry of it among the candidates) and how it differs from what was wanted.</summary>
    internal sealed class NearestCandidate
    {
        public NearestCandidate(int index, IReadOnlyList<SpecDifferenceData> differences, string? runsOn, VersionValue? version, bool otherFamily = false)
        {
            Index = index;
            Differences = differences;
            RunsOn = runsOn;
            Version = version;
            OtherFamily = otherFamily;
        }

        /// <summary>The first entry of the hash, in catalog order.</summary>
        public int Index { get; }

        /// <summary>Every entry of the hash (several snapshot tags), in catalog order.</summary>
        public List<int> Entries { get; } = new List<int>();

        /// <summary>The fields that differ, in the order version, variants (by name), compiler, os, platform, target.</summary>
        public IReadOnlyList<SpecDifferenceData> Differences { get; }

        /// <summary>The cached target when it is not the wanted one but runs on it (archspec): not a difference.</summary>
        public string? RunsOn { get; }

        /// <summary>
        /// True when the cached target is of another family than the wanted one in archspec's graph (aarch64 for x86_64):
        /// a binary that no machine of the wanted kind runs. False when the targets agree or either is not in archspec.
        /// </summary>
        public bool OtherFamily { get; }

        /// <summary>True when no field differs (a target that runs on the wanted one is no difference).</summary>
        public bool IsMatch => Differences.Count == 0;

        internal VersionValue? Version { get; }
    }

    /// <summary>
    /// The one ranking of cached binaries against what was wanted, for the runtime (SpecCatalog.Explain, coverage)
    /// and the generator (SPG0026): each binary of the package is compared field by field (version, each variant,
    /// compiler, os, platform, target); a cached target that runs on the wanted microarchitecture (it or one of its
    /// ancestors in archspec's graph) is noted, not counted. Binaries are ranked by how many fields differ, then those
    /// whose target is of the wanted target's family (archspec's: x86_64, aarch64, ppc64le...) before those of another,
    /// then those built for the wanted target itself before those that only run on it, then the newest version, then
    /// catalog order.
    /// A hash listed in several snapshot tags is one candidate.
    /// </summary>
    internal static class NearestSpecs
    {
        public static List<NearestCandidate> Rank(SpecWant want, ICachedSpecs cached)
        {
            var byHash = new Dictionary<string, NearestCandidate>(StringComparer.Ordinal);
            var ranked = new List<NearestCandidate>();
            var compilers = new Dictionary<string, CompilerSyntax?>(StringComparer.Ordinal);
            for (int i = 0; i < cached.Count; i++)
            {
                string hash = cached.Hash(i);
                if (byHash.TryGetValue(hash, out NearestCandidate? seen))
                {
                    seen.Entries.Add(i);
                    continue;
                }

                NearestCandidate candidate = Compare(want, cached, i, compilers);
                candidate.Entries.Add(i);
                byHash.Add(hash, candidate);
                ranked.Add(candidate);
            }

            ranked.Sort(Order);
            return ranked;
        }

        /// <summary>
        /// What a missing node's explanation says after its name: the nearest binary and how it differs, e.g.
        /// <c>the nearest cached binary, /abcdefg in develop-2025-04-20, differs in version: wanted 1.3.1, cached 1.3</c>.
        /// </summary>
        public static string Describe(NearestCandidate nearest, string hash, string tag, string? wantedTarget)
        {
            return "the nearest cached binary, " + Summary(nearest, hash, tag, wantedTarget);
        }

        /// <summary><c>/abcdefg in develop-2025-04-20, differs in version: wanted 1.3.1, cached 1.3</c>, and the note on a target that runs on the wanted one.</summary>
        public static string Summary(NearestCandidate nearest, string hash, string tag, string? wantedTarget)
        {
            var text = new StringBuilder("/").Append(hash, 0, Math.Min(7, hash.Length)).Append(" in ").Append(tag).Append(", ");
            if (nearest.Differences.Count == 0)
            {
                text.Append("differs in nothing a cache page records (its dependencies or the package's source differ)");
            }
            else
            {
                text.Append("differs in ").Append(Join(nearest.Differences));
            }

            if (nearest.RunsOn is not null)
            {
                text.Append("; its target ").Append(nearest.RunsOn).Append(" runs on ").Append(wantedTarget);
            }

            return text.ToString();
        }

        /// <summary>The differences, <c>; </c> between them.</summary>
        public static string Join(IReadOnlyList<SpecDifferenceData> differences)
        {
            var text = new StringBuilder();
            foreach (SpecDifferenceData difference in differences)
            {
                if (text.Length > 0)
                {
                    text.Append("; ");
                }

                text.Append(difference);
            }

            return text.ToString();
        }

        /// <summary>A page's variant text as a setting; a text that does not parse (a page kept with SPG0016 lowered) is a single value named by the whole text.</summary>
        public static VariantSyntax Setting(string text)
        {
            return ValueGrammar.ParseVariant(text, out _)
                ?? new VariantSyntax(text, text, VariantFlags.Single, IsExact: false, IsQuoted: false, new EquatableArray<string>(new[] { text }));
        }

        /// <summary>True when a binary for <paramref name="cached"/> runs on <paramref name="wanted"/> (it or an ancestor in archspec's graph).</summary>
        public static bool RunsOn(string cached, string wanted)
        {
            return ArchspecGraph.IsSelfOrAncestor(ArchspecGraph.IndexOf(cached), ArchspecGraph.IndexOf(wanted));
        }

        private static NearestCandidate Compare(SpecWant want, ICachedSpecs cached, int i, Dictionary<string, CompilerSyntax?> compilers)
        {
            var differences = new List<SpecDifferenceData>();
            string version = cached.Version(i);
            if (want.Version is not null && !want.VersionMatches(version))
            {
                differences.Add(new SpecDifferenceData(SpecDifferenceData.VersionField, want.Version, version));
            }

            IReadOnlyList<VariantSyntax> have = cached.Variants(i);
            var variants = new List<SpecDifferenceData>();
            for (int w = 0; w < want.Variants.Count; w++)
            {
                VariantSyntax wanted = want.Variants[w];
                VariantSyntax? setting = Find(have, wanted.Name);
                if (!want.VariantMatches(w, setting))
                {
                    variants.Add(new SpecDifferenceData(SpecDifferenceData.VariantPrefix + wanted.Name, wanted.Text, setting?.Text));
                }
            }

            if (want.AllVariants)
            {
                foreach (VariantSyntax setting in have)
                {
                    if (Find(want.Variants, setting.Name) is null)
                    {
                        variants.Add(new SpecDifferenceData(SpecDifferenceData.VariantPrefix + setting.Name, null, setting.Text));
                    }
                }
            }

            variants.Sort((a, b) => string.CompareOrdinal(a.Field, b.Field));
            differences.AddRange(variants);

            if (want.Compiler is not null)
            {
                string text = cached.Compiler(i);
                if (!compilers.TryGetValue(text, out CompilerSyntax? compiler))
                {
                    compiler = ValueGrammar.ParseCompiler(text, out _);
                    compilers.Add(text, compiler);
                }

                if (compiler is null || !want.CompilerMatches(compiler))
                {
                    differences.Add(new SpecDifferenceData(SpecDifferenceData.CompilerField, want.Compiler, text));
                }
            }

            AddIfDifferent(differences, SpecDifferenceData.OsField, want.Os, cached.Os(i));
            AddIfDifferent(differences, SpecDifferenceData.PlatformField, want.Platform, cached.Platform(i));

            string? runsOn = null;
            bool otherFamily = false;
            if (want.Target is not null)
            {
                string target = cached.Target(i);
                if (!want.TargetMatches(target))
                {
                    if (want.RunsOnTarget is string wanted && RunsOn(target, wanted))
                    {
                        runsOn = target;
                    }
                    else
                    {
                        differences.Add(new SpecDifferenceData(SpecDifferenceData.TargetField, want.Target, target));
                        otherFamily = OfOtherFamilies(target, want.RunsOnTarget ?? want.Target);
                    }
                }
            }

            return new NearestCandidate(i, differences, runsOn, VersionValue.Parse(version, out _), otherFamily);
        }

        /// <summary>True when both targets are in archspec's graph and their families differ.</summary>
        public static bool OfOtherFamilies(string cached, string wanted)
        {
            int a = ArchspecGraph.IndexOf(cached);
            int b = ArchspecGraph.IndexOf(wanted);
            return a >= 0 && b >= 0 && ArchspecGraph.Family(a) != ArchspecGraph.Family(b);
        }

        private static void AddIfDifferent(List<SpecDifferenceData> differences, string field, string? wanted, string cached)
        {
            if (wanted is not null && !string.Equals(wanted, cached, StringComparison.Ordinal))
            {
                differences.Add(new SpecDifferenceData(field, wanted, cached));
            }
        }

        private static VariantSyntax? Find(IReadOnlyList<VariantSyntax> variants, string name)
        {
            foreach (VariantSyntax variant in variants)
            {
                if (string.Equals(variant.Name, name, StringComparison.Ordinal))
                {
                    return variant;
                }
            }

            return null;
        }

        private static int Order(NearestCandidate a, NearestCandidate b)
        {
            int c = a.Differences.Count.CompareTo(b.Differences.Count);
            if (c != 0)
            {
                return c;
            }

            c = a.OtherFamily.CompareTo(b.OtherFamily);
            if (c != 0)
            {
                return c;
            }

            c = (a.RunsOn is null ? 0 : 1).CompareTo(b.RunsOn is null ? 0 : 1);
            if (c != 0)
            {
                return c;
            }

            if (a.Version is not null && b.Version is not null)
            {
                c = VersionValue.Compare(b.Version, a.Version);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Index.CompareTo(b.Index);
        }
    }
}
