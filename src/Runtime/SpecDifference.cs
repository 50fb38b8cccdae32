using SpecGen.Format;

namespace SpecGen
{
    /// <summary>A field in which a cached binary differs from what was wanted.</summary>
    public sealed class SpecDifference
    {
        private readonly SpecDifferenceData _data;

        internal SpecDifference(SpecDifferenceData data)
        {
            _data = data;
        }

        /// <summary><c>version</c>, <c>variant &lt;name&gt;</c>, <c>compiler</c>, <c>os</c>, <c>platform</c> or <c>target</c>.</summary>
        public string Field => _data.Field;

        /// <summary>What was wanted (<c>1.3.1</c>, <c>+shared</c>, <c>gcc@13.2.0</c>, a query's constraint), or null when nothing was (a variant the node does not have).</summary>
        public string? Wanted => _data.Wanted;

        /// <summary>What the cached binary has, or null when it has nothing (a variant its page does not list).</summary>
        public string? Cached => _data.Cached;

        /// <summary><c>version: wanted 1.3.1, cached 1.3</c>.</summary>
        public override string ToString() => _data.ToString();
    }
}
