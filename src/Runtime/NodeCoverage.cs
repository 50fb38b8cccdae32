using System;
using System.Collections.Generic;

namespace SpecGen
{
    /// <summary>One node of a <see cref="CoverageReport"/>: its status and, when cached, every catalog entry of its hash.</summary>
    public sealed class NodeCoverage
    {
        internal NodeCoverage(LockNode node, CoverageStatus status, IReadOnlyList<Spec> entries)
        {
            Node = node;
            Status = status;
            Entries = entries;
            var tags = new List<string>();
            var stacks = new List<string>();
            foreach (Spec entry in entries)
            {
                AddOnce(tags, entry.Tag);
                foreach (string stack in entry.Stacks)
                {
                    AddOnce(stacks, stack);
                }
            }

            Tags = tags;
            Stacks = stacks;
        }

        /// <summary>The lockfile node.</summary>
        public LockNode Node { get; }

        /// <summary>Cached, missing or external.</summary>
        public CoverageStatus Status { get; }

        /// <summary>Every catalog entry of the node's hash (one per snapshot tag that lists it), in catalog order; empty unless cached.</summary>
        public IReadOnlyList<Spec> Entries { get; }

        /// <summary>The snapshot tags that hold the binary, in catalog order.</summary>
        public IReadOnlyList<string> Tags { get; }

        /// <summary>The stacks whose caches hold the binary, in the order first listed.</summary>
        public IReadOnlyList<string> Stacks { get; }

        /// <summary><c>zlib@1.3.1 /abcdefg: cached (develop-2025-04-20)</c>.</summary>
        public override string ToString()
        {
            string name = Node.Name + "@" + Node.Version + " /" + Node.Hash.Substring(0, Math.Min(Spec.ShortHashLength, Node.Hash.Length));
            return name + ": " + Status.ToString().ToLowerInvariant() + (Tags.Count > 0 ? " (" + string.Join(", ", Tags) + ")" : string.Empty);
        }

        private static void AddOnce(List<string> list, string value)
        {
            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }
    }
}
