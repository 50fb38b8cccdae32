using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
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

        /// <summary>Catalog order: tag, then package, then path, each ordinal.</summary>
        private static int CompareCatalogOrder(PageModel a, PageModel b)
        {
            int c = string.CompareOrdinal(a.Tag, b.Tag);
            c = c != 0 ? c : string.CompareOrdinal(a.Package, b.Package);
            return c != 0 ? c : string.CompareOrdinal(a.FilePath, b.FilePath);
        }

        /// <summary>True when no page comes after the next one in catalog order.</summary>
        private static bool InCatalogOrder(PageModel[] pages)
        {
            for (int i = 1; i < pages.Length; i++)
            {
                if (CompareCatalogOrder(pages[i - 1], pages[i]) > 0)
                {
                    return false;
                }
            }

            return true;
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
        /// False when no hash is listed twice within a tag (also within one page): each hash's 64-bit key (made when its
        /// page was read, <see cref="PageModel.HashKeys"/>) mixed with its tag's, entered in one open-addressing set, with
        /// no key entered twice. True when a key repeats, which the exact check then sorts out (two hashes whose keys
        /// collide only cost that check, never a diagnostic). Reading the keys, not the hashes, keeps the walk in a few
        /// contiguous arrays: the 52,000 hash strings of a snapshot are scattered over the heap.
        /// </summary>
        [MethodImpl(Jit.Hot)]
        private static bool MayRepeatAHash(PageModel[] ordered, int specCount, CancellationToken cancellationToken)
        {
            int bits = 4;
            while ((1L << bits) < specCount * 2L)
            {
                bits++;
            }

            int size = 1 << bits;

            var keys = new ulong[size];
            int mask = size - 1;
            ulong tagKey = 0;
            for (int p = 0; p < ordered.Length; p++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (p == 0 || !string.Equals(ordered[p].Tag, ordered[p - 1].Tag, StringComparison.Ordinal))
                {
                    tagKey = HashKey.Of(ordered[p].Tag);
                }

                foreach (ulong hashKey in ordered[p].HashKeys.AsSpan())
                {
                    ulong key = HashKey.Mix(hashKey ^ tagKey);
                    for (int at = (int)(key >> (64 - bits)); ; at = (at + 1) & mask)
                    {
                        if (keys[at] == 0)
                        {
                            keys[at] = key;
                            break;
                        }

                        if (keys[at] == key)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
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
            // Stable: two pages of one tag, package and path (the same file listed twice) keep the project's order. Pages
            // usually come in catalog order already (a glob lists them by path), which one pass finds.
            PageModel[] ordered = pages.ToArray();
            if (!InCatalogOrder(ordered))
            {
                (PageModel Page, int Position)[] sorted = ordered.Select((page, i) => (page, i)).ToArray();
                Array.Sort(sorted, (a, b) =>
                {
                    int c = CompareCatalogOrder(a.Page, b.Page);
                    return c != 0 ? c : a.Position.CompareTo(b.Position);
                });
                ordered = Array.ConvertAll(sorted, entry => entry.Page);
            }

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
