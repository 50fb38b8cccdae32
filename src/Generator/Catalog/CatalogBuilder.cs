using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;

using SpecGen.Format;

namespace SpecGen.Generator.Catalog
{
    /// <summary>
    /// Puts the pages that entered the catalog into catalog order (tag, then package, ordinal) and runs the
    /// checks that need several pages: two pages for one package and tag (SPG0012), a hash listed in two pages
    /// of one tag (SPG0008); a page they find is left out when that diagnostic is an error in this compilation.
    /// Then builds the API (names that map to one identifier: SPG0017).
    /// </summary>
    internal static class CatalogBuilder
    {
        public static CatalogResult Build(ImmutableArray<PageModel> pages, EffectiveSeverities severities, CancellationToken cancellationToken, long maxCatalogSize = long.MaxValue)
        {
            long size = 0;
            foreach (PageModel page in pages)
            {
                size += page.TextLength;
            }

            if (size > maxCatalogSize)
            {
                return TooLarge(pages.Length + " pages of " + size + " characters in all are more than this compilation can hold (SpecGenMaxCatalogSize: " + maxCatalogSize + ")");
            }

            try
            {
                return BuildCore(pages, severities, cancellationToken);
            }
            catch (OutOfMemoryException)
            {
                return TooLarge(pages.Length + " pages of " + size + " characters in all ran this compiler out of memory");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failure of SpecGen's own: reported, never thrown at the compiler.
                var failure = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, "the catalog: " + ex.GetType().Name + ": " + ex.Message);
                return new CatalogResult(new CatalogData(EquatableArray<PageData>.Empty), new ApiModel(0, 0, 0, 0, EquatableArray<ApiName>.Empty), new EquatableArray<DiagnosticInfo>(new[] { failure }));
            }
        }

        /// <summary>No catalog, and an error that says what to do instead.</summary>
        private static CatalogResult TooLarge(string what)
        {
            var error = DiagnosticInfo.Create(
                DiagnosticDescriptors.ResourceLimit,
                null,
                what + ". Split the pages into catalog libraries, one project per snapshot tag with <SpecGenPublic>true</SpecGenPublic>, and combine them with SpecCatalog.Combine (README: Large catalogs); or, on a machine with the memory for it, raise SpecGenMaxCatalogSize");
            return new CatalogResult(new CatalogData(EquatableArray<PageData>.Empty), new ApiModel(0, 0, 0, 0, EquatableArray<ApiName>.Empty), new EquatableArray<DiagnosticInfo>(new[] { error }));
        }

        private static CatalogResult BuildCore(ImmutableArray<PageModel> pages, EffectiveSeverities severities, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            PageModel[] ordered = pages
                .OrderBy(p => p.Tag, StringComparer.Ordinal)
                .ThenBy(p => p.Package, StringComparer.Ordinal)
                .ThenBy(p => p.FilePath, StringComparer.Ordinal)
                .ToArray();

            var kept = new List<PageModel>(ordered.Length);
            var pageByKey = new Dictionary<(string Tag, string Package), PageModel>();
            var hashesByTag = new Dictionary<string, Dictionary<string, LocationInfo>>(StringComparer.Ordinal);
            foreach (PageModel page in ordered)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (pageByKey.TryGetValue((page.Tag, page.Package), out PageModel? first))
                {
                    DiagnosticInfo duplicate = DiagnosticInfo.Create(DiagnosticDescriptors.DuplicatePage, page.TitleLocation, first.TitleLocation, page.Package, page.Tag, first.TitleLocation.ToDisplayString());
                    diagnostics.Add(duplicate);
                    if (severities.IsError(duplicate.Id))
                    {
                        continue;
                    }
                }

                if (!hashesByTag.TryGetValue(page.Tag, out Dictionary<string, LocationInfo>? hashes))
                {
                    hashes = new Dictionary<string, LocationInfo>(StringComparer.Ordinal);
                    hashesByTag.Add(page.Tag, hashes);
                }

                bool clash = false;
                for (int i = 0; i < page.Specs.Count; i++)
                {
                    if (hashes.TryGetValue(page.Specs[i].Hash, out LocationInfo? earlier))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateHash, page.HashLocations[i], earlier, page.Specs[i].Hash, page.Tag, earlier.ToDisplayString()));
                        clash = true;
                    }
                }

                if (clash && severities.IsError(DiagnosticDescriptors.DuplicateHash.Id))
                {
                    continue;
                }

                for (int i = 0; i < page.Specs.Count; i++)
                {
                    if (!hashes.ContainsKey(page.Specs[i].Hash))
                    {
                        hashes.Add(page.Specs[i].Hash, page.HashLocations[i]);
                    }
                }

                if (!pageByKey.ContainsKey((page.Tag, page.Package)))
                {
                    pageByKey.Add((page.Tag, page.Package), page);
                }

                kept.Add(page);
            }

            ApiModel api = ApiModelBuilder.Build(kept, diagnostics);
            PageData[] data = kept.Select(p => new PageData(p.Package, p.Tag, p.Specs, p.Compilers, p.Variants)).ToArray();
            return new CatalogResult(new CatalogData(new EquatableArray<PageData>(data)), api, EquatableArray.From(diagnostics));
        }
    }
}
