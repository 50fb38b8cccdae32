using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// A second reading of archspec's graph, straight from data/archspec/microarchitectures.json with System.Text.Json
    /// and sets (no SpecGen code): the expectations of the target-range and RunnableOn tests come from it.
    /// </summary>
    internal sealed class ArchspecOracle
    {
        private readonly Dictionary<string, string[]> _parents = new Dictionary<string, string[]>(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _ancestors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        private ArchspecOracle(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            foreach (JsonProperty uarch in document.RootElement.GetProperty("microarchitectures").EnumerateObject())
            {
                _parents[uarch.Name] = uarch.Value.GetProperty("from").EnumerateArray().Select(p => p.GetString()!).ToArray();
            }
        }

        public static ArchspecOracle Instance { get; } = new ArchspecOracle(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "data", "archspec", "microarchitectures.json")));

        public IEnumerable<string> Names => _parents.Keys;

        public bool Knows(string name) => _parents.ContainsKey(name);

        /// <summary>Every ancestor of a known name (transitively through "from").</summary>
        public HashSet<string> Ancestors(string name)
        {
            if (!_ancestors.TryGetValue(name, out HashSet<string>? set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                foreach (string parent in _parents[name])
                {
                    set.Add(parent);
                    set.UnionWith(Ancestors(parent));
                }

                _ancestors[name] = set;
            }

            return set;
        }

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
