using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;

using SpecGen.Format;

namespace SpecGen.Generator.Pages
{
    /// <summary>
    /// Decides whether a page enters the catalog, by the severity its diagnostics have in this compilation (not
    /// their defaults): a page with an error stays out, so a build that passes has every page it lists. A page
    /// that cannot be read at all stays out whatever the severities; when the project has lowered every error
    /// that says why, SPG0025 says the page is left out, so it is never lost silently.
    /// </summary>
    internal static class PageFilter
    {
        /// <summary>Every page's decision: the pages that enter the catalog (in the order given), the paths of read pages left out, and the SPG0025 diagnostics.</summary>
        public static PageSelection Apply(System.Collections.Immutable.ImmutableArray<PageResult> results, EffectiveSeverities severities)
        {
            var kept = new System.Collections.Generic.List<PageModel>(results.Length);
            var leftOut = new System.Collections.Generic.List<string>();
            var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
            foreach (PageResult result in results)
            {
                CatalogPage page = Apply(result, severities);
                diagnostics.AddRange(page.Diagnostics);
                if (page.Page is not null)
                {
                    kept.Add(page.Page);
                }
                else if (result.Page is not null)
                {
                    leftOut.Add(result.Page.FilePath);
                }
            }

            return new PageSelection(EquatableArray.From(kept), EquatableArray.From(leftOut), EquatableArray.From(diagnostics));
        }

        public static CatalogPage Apply(PageResult result, EffectiveSeverities severities)
        {
            bool hasError = severities.AnyError(result.Diagnostics);
            if (result.Page is not null)
            {
                return new CatalogPage(hasError ? null : result.Page, EquatableArray<DiagnosticInfo>.Empty);
            }

            if (hasError)
            {
                return new CatalogPage(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            // Unreadable, and nothing reported as an error says so: say it.
            DiagnosticInfo? cause = null;
            foreach (DiagnosticInfo diagnostic in result.Diagnostics)
            {
                if (diagnostic.IsErrorByDefault)
                {
                    cause = diagnostic;
                    break;
                }
            }

            DiagnosticInfo leftOut = cause is null
                ? DiagnosticInfo.Create(DiagnosticDescriptors.PageLeftOut, null, "(no reason was reported)")
                : DiagnosticInfo.Create(DiagnosticDescriptors.PageLeftOut, cause.Location, cause.Id + ": " + cause.Message);
            return new CatalogPage(null, new EquatableArray<DiagnosticInfo>(new[] { leftOut }));
        }
    }
}
