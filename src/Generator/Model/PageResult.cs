using SpecGen.Format;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Model
{
    /// <summary>The result of reading one page: the page, or null when it cannot be read, and its diagnostics.</summary>
    internal sealed record PageResult(PageModel? Page, EquatableArray<DiagnosticInfo> Diagnostics);
}
