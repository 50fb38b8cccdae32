using SpecGen.Format;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// A page after the effective severity of its diagnostics is known: the page when it enters the catalog (none of
    /// its diagnostics is an error), and the note that it is left out when it cannot be read and nothing else says so.
    /// </summary>
    internal sealed record CatalogPage(PageModel? Page, EquatableArray<DiagnosticInfo> Diagnostics);
}
