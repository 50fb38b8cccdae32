using SpecGen.Format;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// The catalog, its API (empty when the generator builds it in a step of its own), the diagnostics that need more
    /// than one page, the pages left out by them (<see cref="LeftOut"/>, paths), and whether there is a catalog at all
    /// (<see cref="Complete"/> is false when it was too large or failed, and then there is no API either).
    /// </summary>
    internal sealed record CatalogResult(CatalogData Data, ApiModel Api, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<string> LeftOut = default, bool Complete = true);
}
