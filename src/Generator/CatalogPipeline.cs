using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Catalog;
using SpecGen.Generator.Model;
using SpecGen.Generator.Pages;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator
{
    /// <summary>
    /// The stages of <see cref="SpecGenGenerator"/> in the same order, without the incremental driver: for
    /// benchmarks, tests and tools that check pages outside a build and must report what a build would.
    /// </summary>
    internal static class CatalogPipeline
    {
        public static (CatalogResult Catalog, List<DiagnosticInfo> Diagnostics) Run(
            IEnumerable<(string Path, SourceText Text)> pages,
            ReadOptions options,
            EffectiveSeverities severities,
            CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var models = ImmutableArray.CreateBuilder<PageModel>();
            foreach ((string path, SourceText text) in pages)
            {
                PageResult result = PageReader.Read(path, text, options, cancellationToken);
                diagnostics.AddRange(result.Diagnostics);
                CatalogPage page = PageFilter.Apply(result, severities);
                diagnostics.AddRange(page.Diagnostics);
                if (page.Page is not null)
                {
                    models.Add(page.Page);
                }
            }

            CatalogResult catalog = CatalogBuilder.Build(models.ToImmutable(), severities, cancellationToken, options.MaxCatalogSize);
            diagnostics.AddRange(catalog.Diagnostics);
            return (catalog, diagnostics);
        }
    }
}
