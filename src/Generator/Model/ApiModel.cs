using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>What the generated API (the constants and their docs) is made from; unchanged by edits that only change data.</summary>
    internal sealed record ApiModel(int SpecCount, int PageCount, int PackageCount, int TagCount, EquatableArray<ApiName> Names);
}
