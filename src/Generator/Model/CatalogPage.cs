using SpecGen.Format;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// A page after the effective severity of its diagnostics is known: the page when it enters the catalog (none of
    /// its diagnostics is an error), and the note that it is left out when it cannot be read and nothing else says so.
    /// </summary>
    internal sealed record CatalogPage(PageModel? Page, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Which pages enter the catalog: those kept (in the project's order), the paths of read pages left out by an error, and SPG0025 for unreadable ones.</summary>
    internal sealed record PageSelection(EquatableArray<PageModel> Kept, EquatableArray<string> LeftOut, EquatableArray<DiagnosticInfo> Diagnostics);
}
