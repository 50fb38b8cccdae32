using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace SpecGen
{
    /// <summary>
    /// The binaries that appeared, disappeared and stayed between two snapshots, matched by hash, per package: in
    /// package order (ordinal), then removed, added and kept, each by version and hash. Made by
    /// <see cref="SpecCatalog.Diff(string, string)"/>.
    /// </summary>
    public sealed class SpecDiff : IReadOnlyList<SpecChange>
    {
        private readonly SpecChange[] _changes;

        private SpecDiff(string from, string to, SpecChange[] changes)
        {
            From = from;
            To = to;
            _changes = changes;
        }

        /// <summary>The older snapshot's tag.</summary>
        public string From { get; }

        /// <summary>The newer snapshot's tag.</summary>
        public string To { get; }

        /// <summary>Number of changes (added, removed and kept binaries).</summary>
        public int Count => _changes.Length;

        /// <summary>The packages with any change or kept binary, sorted ordinally.</summary>
        public IReadOnlyList<string> Packages => _changes.Select(c => c.Package).Distinct().ToArray();

        /// <summary>The change at <paramref name="index"/>.</summary>
        public SpecChange this[int index] => _changes[index];

        /// <summary>The changes of one package.</summary>
        public IEnumerable<SpecChange> Of(string package) => _changes.Where(c => string.Equals(c.Package, package, StringComparison.Ordinal));

        /// <summary>The versions a package had in the older and in the newer snapshot (Spack's order), for "1.3.0 -> 1.3.1" reports.</summary>
        public (IReadOnlyList<SpackVersion> From, IReadOnlyList<SpackVersion> To) Versions(string package)
        {
            SpackVersion[] before = Of(package).Where(c => c.Kind != SpecChangeKind.Added).Select(c => (c.Previous ?? c.Spec).Version).Distinct().OrderBy(v => v).ToArray();
            SpackVersion[] after = Of(package).Where(c => c.Kind != SpecChangeKind.Removed).Select(c => c.Version).Distinct().OrderBy(v => v).ToArray();
            return (before, after);
        }

        /// <summary>
        /// The summary line: <c>develop-2025-04-20 -> v0.23.1: 15 added, 24 removed, 0 kept</c>; for two states of one
        /// tag (<see cref="Between"/> with the same tag), <c>develop-2025-04-20: 1 added, 1 removed, 26 kept</c>.
        /// </summary>
        public override string ToString()
        {
            int added = 0, removed = 0;
            foreach (SpecChange change in _changes)
            {
                added += change.Kind == SpecChangeKind.Added ? 1 : 0;
                removed += change.Kind == SpecChangeKind.Removed ? 1 : 0;
            }

            return (string.Equals(From, To, StringComparison.Ordinal) ? From : From + " -> " + To) + ": " + added + " added, " + removed + " removed, " + (_changes.Length - added - removed) + " kept";
        }

        /// <inheritdoc/>
        public IEnumerator<SpecChange> GetEnumerator() => ((IEnumerable<SpecChange>)_changes).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>The diff of two sets of entries (each one snapshot), matched by hash within each package.</summary>
        public static SpecDiff Between(string from, IEnumerable<Spec> before, string to, IEnumerable<Spec> after)
        {
            if (before is null)
            {
                throw new ArgumentNullException(nameof(before));
            }

            if (after is null)
            {
                throw new ArgumentNullException(nameof(after));
            }

            var old = new Dictionary<(string Package, string Hash), Spec>();
            foreach (Spec spec in before)
            {
                old[(spec.Package, spec.Hash)] = spec;
            }

            var changes = new List<SpecChange>();
            var seen = new HashSet<(string Package, string Hash)>();
            foreach (Spec spec in after)
            {
                if (!seen.Add((spec.Package, spec.Hash)))
                {
                    continue;
                }

                changes.Add(old.TryGetValue((spec.Package, spec.Hash), out Spec previous)
                    ? new SpecChange(SpecChangeKind.Kept, spec, previous)
                    : new SpecChange(SpecChangeKind.Added, spec));
            }

            foreach (KeyValuePair<(string Package, string Hash), Spec> entry in old)
            {
                if (!seen.Contains(entry.Key))
                {
                    changes.Add(new SpecChange(SpecChangeKind.Removed, entry.Value));
                }
            }

            SpecChange[] ordered = changes
                .OrderBy(c => c.Package, StringComparer.Ordinal)
                .ThenBy(c => c.Kind == SpecChangeKind.Removed ? 0 : c.Kind == SpecChangeKind.Added ? 1 : 2)
                .ThenBy(c => c.Version)
                .ThenBy(c => c.Hash, StringComparer.Ordinal)
                .ToArray();
            return new SpecDiff(from, to, ordered);
        }
    }
}
