using System;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A CPU microarchitecture as archspec (and so Spack) names and orders it: <c>zen3</c>, <c>x86_64_v3</c>,
    /// <c>neoverse_v2</c>, <c>m1</c>, <c>power9le</c>. One instance per name, so <c>==</c> compares identity. The graph
    /// is archspec's data compiled into this assembly: nothing is parsed at run time.
    /// </summary>
    /// <remarks>
    /// A binary built for target <c>T</c> runs on host <c>H</c> when <c>T &lt;= H</c>: <c>T</c> is <c>H</c> or one of
    /// its ancestors. The order is partial: <c>x86_64 &lt; skylake</c> and <c>x86_64_v3 &lt; zen3</c>, while
    /// <c>cascadelake</c> and <c>cannonlake</c> are unordered, so every comparison between them is false.
    /// </remarks>
    public sealed partial class Microarchitecture
    {
        private static readonly Microarchitecture[] AllValues = Build();
        private static readonly Dictionary<string, Microarchitecture> UnknownFamilies = new Dictionary<string, Microarchitecture>(StringComparer.Ordinal);
        private static readonly Lazy<Microarchitecture> HostValue = new Lazy<Microarchitecture>(HostDetection.Detect);

        private readonly string[] _features;

        private Microarchitecture(int index, string name, string vendor, int generation, string cpuPart, string[] features)
        {
            Index = index;
            Name = name;
            Vendor = vendor;
            Generation = generation;
            CpuPart = cpuPart;
            _features = features;
            Family = this;
            Generic = this;
            Parents = Array.Empty<Microarchitecture>();
            Ancestors = Array.Empty<Microarchitecture>();
            SelfAndAncestors = new ulong[ArchspecGraph.MaskWords];
        }

        /// <summary>Every microarchitecture archspec knows, each after its parents (archspec's order).</summary>
        public static IReadOnlyList<Microarchitecture> All => AllValues;

        /// <summary>
        /// This machine's microarchitecture, detected once as archspec detects it: from <c>/proc/cpuinfo</c> on Linux,
        /// from <c>sysctl</c> on macOS; elsewhere (or when those cannot be read) the family of the process architecture.
        /// </summary>
        public static Microarchitecture Host => HostValue.Value;

        /// <summary>The name: <c>zen3</c>, <c>x86_64_v3</c>, <c>aarch64</c>.</summary>
        public string Name { get; }

        /// <summary>The vendor: <c>GenuineIntel</c>, <c>AuthenticAMD</c>, <c>ARM</c>, <c>Apple</c>..., or <c>generic</c> for the families and generic levels.</summary>
        public string Vendor { get; }

        /// <summary>The architecture family (the root of the graph above it): <c>x86_64</c>, <c>aarch64</c>, <c>ppc64le</c>...</summary>
        public Microarchitecture Family { get; private set; }

        /// <summary>The most specific generic microarchitecture that it is or descends from: <c>x86_64_v3</c> for <c>zen3</c>, <c>aarch64</c> for <c>neoverse_v2</c>.</summary>
        public Microarchitecture Generic { get; private set; }

        /// <summary>The direct parents, in archspec's order.</summary>
        public IReadOnlyList<Microarchitecture> Parents { get; private set; }

        /// <summary>Every ancestor: the parents, then their ancestors (archspec's order). Binaries for any of them run here.</summary>
        public IReadOnlyList<Microarchitecture> Ancestors { get; private set; }

        /// <summary>The POWER generation (8 for <c>power8le</c>), 0 for other families.</summary>
        public int Generation { get; }

        /// <summary>The features archspec lists for it, sorted (plus <c>sse3</c> where <c>ssse3</c> is, as archspec adds it).</summary>
        public IReadOnlyList<string> Features => _features;

        /// <summary>Its index in <see cref="All"/>, or -1 for a machine family archspec does not know.</summary>
        internal int Index { get; }

        /// <summary>The AArch64 CPU part (<c>0xd4f</c>), or empty.</summary>
        internal string CpuPart { get; }

        /// <summary>The indexes of this microarchitecture and its ancestors, as bits (empty for an unknown one).</summary>
        internal ulong[] SelfAndAncestors { get; private set; }

        /// <summary>The microarchitecture with this name; <see cref="FormatException"/> when archspec does not know it.</summary>
        public static Microarchitecture Parse(string name)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            return TryParse(name, out Microarchitecture? result)
                ? result!
                : throw new FormatException(Format.PythonText.Escape("'" + name + "' is not a microarchitecture archspec knows (see Microarchitecture.All)."));
        }

        /// <summary>The microarchitecture with this name (ordinal, as archspec compares names), or false.</summary>
        public static bool TryParse(string? name, out Microarchitecture? result)
        {
            int index = ArchspecGraph.IndexOf(name);
            result = index >= 0 ? AllValues[index] : null;
            return result is not null;
        }

        /// <summary>
        /// True when the microarchitecture has <paramref name="feature"/>, directly or through one of archspec's
        /// feature aliases (<c>avx512</c>: any AVX-512 set; <c>sse3</c>: <c>ssse3</c>; <c>neon</c>: every AArch64;
        /// <c>altivec</c>, <c>vsx</c>, <c>fma</c>: every POWER).
        /// </summary>
        public bool HasFeature(string feature)
        {
            if (feature is null)
            {
                throw new ArgumentNullException(nameof(feature));
            }

            if (Array.BinarySearch(_features, feature, StringComparer.Ordinal) >= 0)
            {
                return true;
            }

            int alias = Array.IndexOf(ArchspecData.FeatureAliases, feature);
            return alias >= 0 && MatchesAlias(alias);
        }

        /// <summary>The name.</summary>
        public override string ToString() => Name;

        /// <summary>True when <paramref name="left"/> is a strict ancestor of <paramref name="right"/>: a binary for it runs on <paramref name="right"/>.</summary>
        public static bool operator <(Microarchitecture? left, Microarchitecture? right)
        {
            return left is not null && right is not null && !ReferenceEquals(left, right) && ArchspecGraph.InMask(right.SelfAndAncestors, left.Index);
        }

        /// <summary>True when <paramref name="right"/> is a strict ancestor of <paramref name="left"/>.</summary>
        public static bool operator >(Microarchitecture? left, Microarchitecture? right) => right < left;

        /// <summary>True when <paramref name="left"/> is <paramref name="right"/> or one of its ancestors.</summary>
        public static bool operator <=(Microarchitecture? left, Microarchitecture? right)
        {
            return left is not null && (ReferenceEquals(left, right) || left < right);
        }

        /// <summary>True when <paramref name="right"/> is <paramref name="left"/> or one of its ancestors.</summary>
        public static bool operator >=(Microarchitecture? left, Microarchitecture? right) => right <= left;

        /// <summary>archspec's generic_microarchitecture: a family it does not know (s390x...), one instance per name.</summary>
        internal static Microarchitecture Unknown(string name)
        {
            if (TryParse(name, out Microarchitecture? known))
            {
                return known!;
            }

            lock (UnknownFamilies)
            {
                if (!UnknownFamilies.TryGetValue(name, out Microarchitecture? unknown))
                {
                    unknown = new Microarchitecture(-1, name, "generic", 0, string.Empty, Array.Empty<string>());
                    UnknownFamilies.Add(name, unknown);
                }

                return unknown;
            }
        }

        /// <summary>alias.py: every rule of the alias holds (any_of: one of the features or aliases; families: the family).</summary>
        private bool MatchesAlias(int alias)
        {
            if (ArchspecData.FeatureAliasAnyOf[alias] is string[] anyOf)
            {
                bool any = false;
                foreach (string other in anyOf)
                {
                    if (!string.Equals(other, ArchspecData.FeatureAliases[alias], StringComparison.Ordinal) && HasFeature(other))
                    {
                        any = true;
                        break;
                    }
                }

                if (!any)
                {
                    return false;
                }
            }

            return ArchspecData.FeatureAliasFamilies[alias] is not string[] families || Array.IndexOf(families, Family.Name) >= 0;
        }

        private static Microarchitecture[] Build()
        {
            var all = new Microarchitecture[ArchspecGraph.Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = new Microarchitecture(i, ArchspecData.Names[i], ArchspecData.Vendors[i], ArchspecData.Generations[i], ArchspecData.CpuParts[i], FeaturesOf(ArchspecData.Features[i]));
            }

            foreach (Microarchitecture uarch in all)
            {
                int i = uarch.Index;
                uarch.Parents = Array.ConvertAll(ArchspecData.Parents[i], p => all[p]);
                uarch.Ancestors = Array.ConvertAll(ArchspecGraph.Ancestors(i), a => all[a]);
                uarch.Family = all[ArchspecGraph.Family(i)];
                uarch.Generic = all[ArchspecGraph.Generic(i)];
                uarch.SelfAndAncestors = ArchspecGraph.SelfAndAncestors(i);
            }

            return all;
        }

        /// <summary>The sorted features; archspec's Microarchitecture adds sse3 wherever ssse3 is (Linux lists only ssse3).</summary>
        internal static string[] FeaturesOf(IEnumerable<string> listed)
        {
            var features = new SortedSet<string>(listed, StringComparer.Ordinal);
            if (features.Contains("ssse3"))
            {
                features.Add("sse3");
            }

            var sorted = new string[features.Count];
            features.CopyTo(sorted);
            return sorted;
        }
    }
}
