namespace SpecGen
{
    /// <summary>What a catalog holds of a lockfile node.</summary>
    public enum CoverageStatus
    {
        /// <summary>A binary with the node's hash is in the catalog: it installs from the cache.</summary>
        Cached,

        /// <summary>No binary has the node's hash: it builds from source.</summary>
        Missing,

        /// <summary>An external: found on the system, never expected in a cache.</summary>
        External,
    }
}
