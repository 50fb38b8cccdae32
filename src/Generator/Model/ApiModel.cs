using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>What the generated API (the constants and their docs) is made from; unchanged by edits that only change data.</summary>
    /// <remarks><see cref="PackageConstants"/> false: the package names have no constants (SpecGenPackageConstants=false).</remarks>
    internal sealed record ApiModel(int SpecCount, int PageCount, int PackageCount, int TagCount, EquatableArray<ApiName> Names, bool PackageConstants = true)
    {
        /// <summary>No names: the API of no catalog (too large, failed) or of one the generator builds in a step of its own.</summary>
        public static ApiModel Empty { get; } = new ApiModel(0, 0, 0, 0, EquatableArray<ApiName>.Empty);
    }
}
