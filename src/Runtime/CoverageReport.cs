using System.Collections.Generic;

namespace SpecGen
{
    /// <summary>What a catalog holds of a lockfile (<see cref="SpecCatalog.Coverage"/>): each node's status, and totals.</summary>
    public sealed class CoverageReport
    {
        internal CoverageReport(SpackLockfile lockfile, IReadOnlyList<NodeCoverage> nodes)
        {
            Lockfile = lockfile;
            Nodes = nodes;
            foreach (NodeCoverage node in nodes)
            {
                switch (node.Status)
                {
                    case CoverageStatus.Cached:
                        Cached++;
                        break;
                    case CoverageStatus.Missing:
                        Missing++;
                        break;
                    default:
                        External++;
                        break;
                }
            }
        }

        /// <summary>The lockfile the report is about.</summary>
        public SpackLockfile Lockfile { get; }

        /// <summary>Every node, in the lockfile's order.</summary>
        public IReadOnlyList<NodeCoverage> Nodes { get; }

        /// <summary>How many nodes the catalog holds.</summary>
        public int Cached { get; }

        /// <summary>How many nodes are not externals and not in the catalog: they build from source.</summary>
        public int Missing { get; }

        /// <summary>How many nodes are externals.</summary>
        public int External { get; }

        /// <summary>True when every node that is not an external is cached.</summary>
        public bool IsComplete => Missing == 0;

        /// <summary><c>142 nodes: 40 cached, 100 missing, 2 external</c>.</summary>
        public override string ToString() => Nodes.Count + " nodes: " + Cached + " cached, " + Missing + " missing, " + External + " external";
    }
}
