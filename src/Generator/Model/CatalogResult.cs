using SpecGen.Format;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Model
{
    /// <summary>The catalog, its API, and the diagnostics that need more than one page.</summary>
    internal sealed record CatalogResult(CatalogData Data, ApiModel Api, EquatableArray<DiagnosticInfo> Diagnostics);
}
