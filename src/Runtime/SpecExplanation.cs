using System.Collections.Generic;

namespace SpecGen
{
    /// <summary>
    /// Why a spec is or is not in a catalog (<see cref="SpecCatalog.Explain(LockNode)"/>,
    /// <see cref="SpecCatalog.Explain(SpecPattern)"/>): every cached binary of the package, nearest first, each with the
    /// fields in which it differs; or that the catalog has no page of the package.
    /// </summary>
    public sealed class SpecExplanation
    {
        internal SpecExplanation(string package, IReadOnlyList<NearestSpec> nearest)
        {
            Package = package;
            Nearest = nearest;
        }

        /// <summary>The package explained.</summary>
        public string Package { get; }

        /// <summary>False when the catalog has no binary of the package (no page of it).</summary>
        public bool HasPage => Nearest.Count > 0;

        /// <summary>
        /// The package's cached binaries (one per hash), ranked: fewest differing fields first, then those whose
        /// target is of the wanted target's family (archspec's x86_64, aarch64, ppc64le...), then those built for the
        /// wanted target itself, then the newest version, then catalog order.
        /// </summary>
        public IReadOnlyList<NearestSpec> Nearest { get; }

        /// <summary>True when some binary has no differing field.</summary>
        public bool HasMatch => Nearest.Count > 0 && Nearest[0].IsMatch;

        /// <summary><c>zlib: no page in the catalog</c>, or <c>zlib: 4 cached binaries; the nearest cached binary, /abcdefg ...</c>.</summary>
        public override string ToString()
        {
            return !HasPage
                ? Package + ": no page in the catalog"
                : Package + ": " + Nearest.Count + (Nearest.Count == 1 ? " cached binary; " : " cached binaries; ") + Nearest[0];
        }
    }
}
