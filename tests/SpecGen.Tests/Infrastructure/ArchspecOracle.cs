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

        private ArchspecOracle(string json)
        {
            var parents = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var features = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var vendors = new Dictionary<string, string>(StringComparer.Ordinal);
            using (JsonDocument document = JsonDocument.Parse(json))
            {
                foreach (JsonProperty uarch in document.RootElement.GetProperty("microarchitectures").EnumerateObject())
                {
                    parents[uarch.Name] = uarch.Value.GetProperty("from").EnumerateArray().Select(p => p.GetString()!).ToArray();
                    features[uarch.Name] = uarch.Value.GetProperty("features").EnumerateArray().Select(p => p.GetString()!).ToArray();
                    vendors[uarch.Name] = uarch.Value.GetProperty("vendor").GetString()!;
                }
            }

            _features = features.ToFrozenDictionary(StringComparer.Ordinal);
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
