namespace SpecGen
{
    /// <summary>What happened to a binary between two snapshots.</summary>
    public enum SpecChangeKind
    {
        /// <summary>In the newer snapshot only.</summary>
        Added,

        /// <summary>In the older snapshot only.</summary>
        Removed,

        /// <summary>In both (the same hash: the same binary).</summary>
        Kept,
    }
}
