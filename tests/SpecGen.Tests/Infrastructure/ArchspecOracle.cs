using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// A second reading of archspec's graph, straight from data/archspec/microarchitectures.json with System.Text.Json
    /// and sets (no SpecGen code): the expectations of the target-range and RunnableOn tests come from it. Immutable
    /// once made (every ancestor set is computed up front), so the test classes that share it may run in parallel.
    /// </summary>
    internal sealed class ArchspecOracle
    {
        private readonly FrozenDictionary<string, string[]> _parents;
        private readonly FrozenDictionary<string, string[]> _features;
        private readonly FrozenDictionary<string, string> _vendors;
        private readonly FrozenDictionary<string, FrozenSet<string>> _ancestors;
        private readonly FrozenDictionary<string, string> _cpuParts;
        private readonly FrozenDictionary<string, string> _armVendors;
        private readonly KeyValuePair<string, string>[] _darwinFlags;
        private readonly string[] _order;

        private ArchspecOracle(string json)
        {
            var parents = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var features = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var vendors = new Dictionary<string, string>(StringComparer.Ordinal);
            var cpuParts = new Dictionary<string, string>(StringComparer.Ordinal);
            var armVendors = new Dictionary<string, string>(StringComparer.Ordinal);
            var darwinFlags = new List<KeyValuePair<string, string>>();
            var order = new List<string>();
            using (JsonDocument document = JsonDocument.Parse(json))
            {
                foreach (JsonProperty code in document.RootElement.GetProperty("conversions").GetProperty("arm_vendors").EnumerateObject())
                {
                    armVendors[code.Name] = code.Value.GetString()!;
                }

                foreach (JsonProperty flags in document.RootElement.GetProperty("conversions").GetProperty("darwin_flags").EnumerateObject())
                {
                    darwinFlags.Add(new KeyValuePair<string, string>(flags.Name, flags.Value.GetString()!));
                }

                foreach (JsonProperty uarch in document.RootElement.GetProperty("microarchitectures").EnumerateObject())
                {
                    order.Add(uarch.Name);
                    cpuParts[uarch.Name] = uarch.Value.TryGetProperty("cpupart", out JsonElement part) ? part.GetString()! : string.Empty;
                    parents[uarch.Name] = uarch.Value.GetProperty("from").EnumerateArray().Select(p => p.GetString()!).ToArray();
                    features[uarch.Name] = uarch.Value.GetProperty("features").EnumerateArray().Select(p => p.GetString()!).ToArray();
                    vendors[uarch.Name] = uarch.Value.GetProperty("vendor").GetString()!;
                }
            }

            _features = features.ToFrozenDictionary(StringComparer.Ordinal);
            _cpuParts = cpuParts.ToFrozenDictionary(StringComparer.Ordinal);
            _armVendors = armVendors.ToFrozenDictionary(StringComparer.Ordinal);
            _order = order.ToArray();
            _darwinFlags = darwinFlags.ToArray();
            _vendors = vendors.ToFrozenDictionary(StringComparer.Ordinal);

            var ancestors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            HashSet<string> Collect(string name)
            {
                if (!ancestors.TryGetValue(name, out HashSet<string>? set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    foreach (string parent in parents[name])
                    {
                        set.Add(parent);
                        set.UnionWith(Collect(parent));
                    }

                    ancestors[name] = set;
                }

                return set;
            }

            foreach (string name in parents.Keys)
            {
                Collect(name);
            }

            _parents = parents.ToFrozenDictionary(StringComparer.Ordinal);
            _ancestors = ancestors.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        }

        public static ArchspecOracle Instance { get; } = new ArchspecOracle(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "data", "archspec", "microarchitectures.json")));

        public IEnumerable<string> Names => _parents.Keys;

        public bool Knows(string name) => _parents.ContainsKey(name);

        /// <summary>The direct parents ("from") of a known name.</summary>
        public IReadOnlyList<string> Parents(string name) => _parents[name];

        /// <summary>The features archspec requires of a known name, as its JSON lists them.</summary>
        public IReadOnlyList<string> Features(string name) => _features[name];

        /// <summary>The vendor of a known name (<c>generic</c> for the generic levels).</summary>
        public string Vendor(string name) => _vendors[name];

        /// <summary>Every ancestor of a known name (transitively through "from").</summary>
        public IReadOnlySet<string> Ancestors(string name) => _ancestors[name];

        /// <summary>archspec's a &lt;= b for known names: a is b or one of its ancestors.</summary>
        public bool AtMost(string a, string b) => Knows(a) && Knows(b) && (a == b || Ancestors(b).Contains(a));

        /// <summary>A binary for <paramref name="target"/> runs on <paramref name="host"/>.</summary>
        public bool RunsOn(string target, string host) => AtMost(target, host);

        /// <summary>The names in the JSON's order (TARGETS' order in archspec, which decides ties).</summary>
        public IReadOnlyList<string> InOrder => _order;

        /// <summary>The AArch64 CPU part of a known name ("cpupart"), or empty.</summary>
        public string CpuPart(string name) => _cpuParts[name];

        /// <summary>The JSON's AArch64 implementer codes ("conversions"/"arm_vendors") and their vendor names.</summary>
        public IReadOnlyDictionary<string, string> ArmVendors => _armVendors;

        /// <summary>The JSON's macOS flag names ("conversions"/"darwin_flags": Darwin names, space-separated, to Linux names), in its order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> DarwinFlags => _darwinFlags;

        /// <summary>The root of a known name's graph (x86_64, aarch64...): the ancestor, or itself, without parents.</summary>
        public string Family(string name) => _parents[name].Length == 0 ? name : Ancestors(name).Single(a => _parents[a].Length == 0);

        /// <summary>
        /// archspec's host() (detect.py, 2026) for a Linux report of the x86_64 or aarch64 family, written from its
        /// description: a target is compatible when its family is the machine's, its vendor the report's or generic, and
        /// the report has all its features (on aarch64 the generic levels other than aarch64 itself never are; a
        /// Microarchitecture with ssse3 also has sse3, the report and every target alike). Of the compatible ones, the
        /// best generic by (ancestors, features); then, if any compatible target has the report's CPU part, only those;
        /// then the strict descendants of that generic; the best of them by (ancestors, features), the first in the JSON's
        /// order on a tie, else the generic.
        /// </summary>
        public string Host(string family, string vendor, IEnumerable<string> reported, string cpuPart)
        {
            // microarchitecture.py __init__: a Microarchitecture with ssse3 has sse3, the report and every target alike.
            static HashSet<string> WithSse3(IEnumerable<string> features)
            {
                var set = new HashSet<string>(features, StringComparer.Ordinal);
                if (set.Contains("ssse3"))
                {
                    set.Add("sse3");
                }

                return set;
            }

            HashSet<string> have = WithSse3(reported);
            HashSet<string> FeaturesOf(string name) => WithSse3(_features[name]);

            bool Compatible(string target)
            {
                if (family == "aarch64" && _vendors[target] == "generic" && target != "aarch64")
                {
                    return false;
                }

                return Family(target) == family && (_vendors[target] == vendor || _vendors[target] == "generic") && FeaturesOf(target).IsSubsetOf(have);
            }

            (int, int) Key(string name) => (Ancestors(name).Count, FeaturesOf(name).Count);

            string? Best(IEnumerable<string> names)
            {
                string? best = null;
                foreach (string name in names)
                {
                    if (best is null || Key(name).CompareTo(Key(best)) > 0)
                    {
                        best = name;
                    }
                }

                return best;
            }

            List<string> candidates = _order.Where(Compatible).ToList();
            string? generic = Best(candidates.Where(c => _vendors[c] == "generic"));
            if (generic is null)
            {
                return family;
            }

            if (cpuPart.Length > 0 && candidates.Any(c => _cpuParts[c] == cpuPart))
            {
                candidates = candidates.Where(c => _cpuParts[c] == cpuPart).ToList();
            }

            return Best(candidates.Where(c => Ancestors(c).Contains(generic))) ?? generic;
        }

        /// <summary>Spack's reading of target=lo:hi for a concrete target (an open end is null).</summary>
        public bool InRange(string target, string? low, string? high)
        {
            if (low is null && high is null)
            {
                return true;
            }

            return Knows(target) && (low is null || AtMost(low, target)) && (high is null || AtMost(target, high));
        }
    }
}
