using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Emit;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Validation
{
    /// <summary>
    /// Puts the pages that passed their own checks into catalog order (tag, then package, ordinal) and
    /// runs the checks that need several pages: two pages for one package and tag (SPG0012), a hash
    /// listed twice in one tag (SPG0008); then builds the API (names that map to one identifier: SPG0017).
    /// </summary>
    internal static class CatalogBuilder
    {
        public static CatalogResult Build(ImmutableArray<PageModel> pages, CancellationToken cancellationToken)
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
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicatePage, page.TitleLocation, first.TitleLocation, page.Package, page.Tag));
                    continue;
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
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateHash, page.HashLocations[i], earlier, page.Specs[i].Hash, page.Tag));
                        clash = true;
                    }
                }

                if (clash)
                {
                    continue;
                }

                for (int i = 0; i < page.Specs.Count; i++)
                {
                    hashes.Add(page.Specs[i].Hash, page.HashLocations[i]);
                }

                pageByKey.Add((page.Tag, page.Package), page);
                kept.Add(page);
            }

            ApiModel api = ApiModelBuilder.Build(kept, diagnostics);
            PageData[] data = kept.Select(p => new PageData(p.Package, p.Tag, p.Specs)).ToArray();
            return new CatalogResult(new CatalogData(new EquatableArray<PageData>(data)), api, EquatableArray.From(diagnostics));
        }
    }
}
