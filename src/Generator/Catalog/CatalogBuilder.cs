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
    /// With <c>withApi</c> (tools and tests), also builds the API (names that map to one identifier: SPG0017); the generator builds it in a step of its own from each page's names, so a data edit leaves it cached.
    /// </summary>
    internal static class CatalogBuilder
    {
        public static CatalogResult Build(IReadOnlyList<PageModel> pages, EffectiveSeverities severities, CancellationToken cancellationToken, long maxCatalogSize = long.MaxValue, bool withApi = true)
        {
            long size = 0;
            foreach (PageModel page in pages)
            {
                size += page.TextLength;
            }

            if (size > maxCatalogSize)
            {
                return TooLarge(pages.Count + " pages of " + size + " characters in all are more than this compilation can hold (SpecGenMaxCatalogSize: " + maxCatalogSize + ")");
            }

            try
            {
                return BuildCore(pages, severities, cancellationToken, withApi);
            }
            catch (OutOfMemoryException)
            {
                return TooLarge(pages.Count + " pages of " + size + " characters in all ran this compiler out of memory");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failure of SpecGen's own: reported, never thrown at the compiler.
                var failure = DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, "the catalog: " + ex.GetType().Name + ": " + ex.Message);
                return new CatalogResult(new CatalogData(EquatableArray<PageData>.Empty), ApiModel.Empty, new EquatableArray<DiagnosticInfo>(new[] { failure }), Complete: false);
            }
        }

        /// <summary>Two pages of one tag and package (SPG0012) and a hash listed in two pages of one tag (SPG0008), in catalog order; a page they find is left out when its diagnostic is an error.</summary>
        private static void Check(PageModel[] ordered, EffectiveSeverities severities, List<DiagnosticInfo> diagnostics, List<PageModel> kept, List<string> leftOut, int specCount, CancellationToken cancellationToken)
        {
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
                        leftOut.Add(page.FilePath);
                        continue;
                    }
                }

                if (!hashesByTag.TryGetValue(page.Tag, out Dictionary<string, LocationInfo>? hashes))
                {
                    hashes = new Dictionary<string, LocationInfo>(specCount, StringComparer.Ordinal);
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
                    leftOut.Add(page.FilePath);
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
        }

        /// <summary>True when two pages next to each other in catalog order have one tag and package.</summary>
        private static bool HasSamePackageTwice(PageModel[] ordered)
        {
            for (int i = 1; i < ordered.Length; i++)
            {
                if (string.Equals(ordered[i].Tag, ordered[i - 1].Tag, StringComparison.Ordinal) && string.Equals(ordered[i].Package, ordered[i - 1].Package, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// False when no hash is listed twice within a tag (also within one page): each tag's hashes as 64-bit FNV-1a
        /// values, sorted, with no two alike. True when two are alike, which the exact check then sorts out.
        /// </summary>
        private static bool MayRepeatAHash(PageModel[] ordered, int specCount, CancellationToken cancellationToken)
        {
            var keys = new ulong[specCount];
            int start = 0;
            while (start < ordered.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int end = start;
                int count = 0;
                while (end < ordered.Length && string.Equals(ordered[end].Tag, ordered[start].Tag, StringComparison.Ordinal))
                {
                    foreach (SpecData spec in ordered[end].Specs)
                    {
                        keys[count++] = Fnv64(spec.Hash);
                    }

                    end++;
                }

                Array.Sort(keys, 0, count);
                for (int i = 1; i < count; i++)
                {
                    if (keys[i] == keys[i - 1])
                    {
                        return true;
                    }
                }

                start = end;
            }

            return false;
        }

        private static ulong Fnv64(string text)
        {
            ulong hash = 14695981039346656037;
            foreach (char c in text)
            {
                hash = unchecked((hash ^ c) * 1099511628211);
            }

            return hash;
        }

        /// <summary>No catalog, and an error that says what to do instead.</summary>
        private static CatalogResult TooLarge(string what)
        {
            var error = DiagnosticInfo.Create(
                DiagnosticDescriptors.ResourceLimit,
                null,
                what + ". Split the pages into catalog libraries, one project per snapshot tag with <SpecGenPublic>true</SpecGenPublic>, and combine them with SpecCatalog.Combine (README: Large catalogs); or, on a machine with the memory for it, raise SpecGenMaxCatalogSize");
            return new CatalogResult(new CatalogData(EquatableArray<PageData>.Empty), ApiModel.Empty, new EquatableArray<DiagnosticInfo>(new[] { error }), Complete: false);
        }

        private static CatalogResult BuildCore(IReadOnlyList<PageModel> pages, EffectiveSeverities severities, CancellationToken cancellationToken, bool withApi)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diagnostics = new List<DiagnosticInfo>();
            // Stable: two pages of one tag, package and path (the same file listed twice) keep the project's order.
            (PageModel Page, int Position)[] sorted = pages.Select((page, i) => (page, i)).ToArray();
            Array.Sort(sorted, (a, b) =>
            {
                int c = string.CompareOrdinal(a.Page.Tag, b.Page.Tag);
                c = c != 0 ? c : string.CompareOrdinal(a.Page.Package, b.Page.Package);
                c = c != 0 ? c : string.CompareOrdinal(a.Page.FilePath, b.Page.FilePath);
                return c != 0 ? c : a.Position.CompareTo(b.Position);
            });
            PageModel[] ordered = Array.ConvertAll(sorted, entry => entry.Page);

            int specCount = 0;
            foreach (PageModel page in ordered)
            {
                specCount += page.Specs.Count;
            }

            // Most catalogs have neither check's case: found cheaply, then every page is kept without the per-hash dictionaries.
            bool mayClash = HasSamePackageTwice(ordered) || MayRepeatAHash(ordered, specCount, cancellationToken);
            var kept = new List<PageModel>(ordered.Length);
            var leftOut = new List<string>();
            if (!mayClash)
            {
                kept.AddRange(ordered);
            }
            else
            {
                Check(ordered, severities, diagnostics, kept, leftOut, specCount, cancellationToken);
            }

            ApiModel api = ApiModel.Empty;
            if (withApi)
            {
                ApiResult result = ApiModelBuilder.Build(kept.Select(PageNames.From).ToArray(), EquatableArray<string>.Empty);
                api = result.Api;
                diagnostics.AddRange(ApiModelBuilder.Diagnostics(result.Collisions, kept));
            }

            PageData[] data = kept.Select(p => new PageData(p.Package, p.Tag, p.Specs, p.Compilers, p.Variants)).ToArray();
            return new CatalogResult(new CatalogData(new EquatableArray<PageData>(data)), api, EquatableArray.From(diagnostics), EquatableArray.From(leftOut));
        }
    }
}
