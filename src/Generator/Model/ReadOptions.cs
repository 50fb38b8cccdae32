namespace SpecGen.Generator.Model
{
    /// <summary>What the page reader needs from MSBuild.</summary>
    internal sealed record ReadOptions(int MaxPageSize)
    {
        /// <summary>The page size limit when SpecGenMaxPageSize is not set, in characters (16 MiB).</summary>
        public const int DefaultMaxPageSize = 16 * 1024 * 1024;
    }
}
