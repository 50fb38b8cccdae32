using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>A cached binary of an explanation (<see cref="SpecExplanation"/>) and the fields in which it differs from what was wanted.</summary>
    public sealed class NearestSpec
    {
        internal NearestSpec(IReadOnlyList<Spec> entries, NearestCandidate candidate, string? wantedTarget)
        {
            Entries = entries;
            var differences = new SpecDifference[candidate.Differences.Count];
            for (int i = 0; i < differences.Length; i++)
            {
                differences[i] = new SpecDifference(candidate.Differences[i]);
            }

            Differences = differences;
            TargetRunsOnWanted = candidate.RunsOn is not null;
            Candidate = candidate;
            WantedTarget = wantedTarget;
        }

        /// <summary>The binary: the first catalog entry of its hash.</summary>
        public Spec Spec => Entries[0];

        /// <summary>Every catalog entry of the hash (one per snapshot tag that lists it), in catalog order.</summary>
        public IReadOnlyList<Spec> Entries { get; }

        /// <summary>The fields that differ, in the order version, variants (by name), compiler, os, platform, target; empty for a match.</summary>
        public IReadOnlyList<SpecDifference> Differences { get; }

        /// <summary>True when no field differs: the binary is what was wanted (its target may be one that runs on the wanted one).</summary>
        public bool IsMatch => Differences.Count == 0;

        /// <summary>
        /// True when the binary's target is not the wanted one but runs on it (it is one of the wanted
        /// microarchitecture's ancestors in archspec's graph): reported, not counted as a difference.
        /// </summary>
        public bool TargetRunsOnWanted { get; }

        internal NearestCandidate Candidate { get; }

        internal string? WantedTarget { get; }

        /// <summary><c>the nearest cached binary, /abcdefg in develop-2025-04-20, differs in version: wanted 1.3.1, cached 1.3</c>.</summary>
        public override string ToString() => NearestSpecs.Describe(Candidate, Spec.Hash, Spec.Tag, WantedTarget);

        /// <summary><c>/abcdefg in develop-2025-04-20, differs in version: wanted 1.3.1, cached 1.3</c>.</summary>
        internal string Summary() => NearestSpecs.Summary(Candidate, Spec.Hash, Spec.Tag, WantedTarget);
    }
}
