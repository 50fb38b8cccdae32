using System;
using System.Collections.Generic;
using System.Globalization;
using SpecGen.Format;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit
{
    /// <summary>
    /// One chunk of the catalog's pages, encoded and emitted as its own file. <see cref="Id"/> is empty for a catalog
    /// written as one data file. The chunk may take <see cref="Data"/>'s page count / <see cref="PageBucket"/> of the
    /// string-heap budget: the bucket is the catalog's page count rounded up to a power of two, so the shares never add
    /// up to more than the budget, and adding or removing a page changes no other chunk's share (unless the count
    /// crosses a power of two).
    /// </summary>
    internal sealed record CatalogChunk(string Id, int PageBucket, CatalogData Data)
    {
        /// <summary>The bytes of <paramref name="budget"/> this chunk may take (all of it for a catalog written as one data file).</summary>
        public int ShareOf(int budget) => Id.Length == 0 ? budget : (int)((long)budget * Data.Pages.Count / PageBucket);
    }

    /// <summary>
    /// Splits the catalog's pages (in catalog order) into chunks whose boundaries depend on the pages' own names, so an
    /// edit re-encodes and re-emits one chunk: a chunk ends where the tag changes, and after a package whose name hashes
    /// to 0 modulo the expected chunk size (adding or removing a page moves no other boundary). A chunk is named by a
    /// hash of its tag and first package, so its file and class keep their names when other chunks change.
    /// </summary>
    internal static class ChunkPlanner
    {
        /// <summary>Catalogs of at most this many pages are written as one data file unless the project sets a chunk size.</summary>
        public const int AutoThreshold = 512;

        /// <summary>The expected chunk size the default chooses: at most 64 chunks (expected; tags add some) up to <see cref="MaxAutoChunked"/> pages.</summary>
        public const int AutoChunk = 128;

        /// <summary>
        /// Catalogs of more pages are written as one data file unless the project sets a chunk size: past about 8 MB of
        /// data a chunk's share of the string-heap budget no longer holds it, and chunks written as UTF-8 literals cost
        /// more than one file (50,000 pages: 62.3 s and 3.6 GB chunked against 50.2 s and 2.9 GB as one file).
        /// </summary>
        public const int MaxAutoChunked = 8192;

        /// <summary>The expected pages per chunk for a catalog of <paramref name="pageCount"/> pages, or 0 for one data file.</summary>
        public static int PagesPerChunk(int pageCount, int setting)
        {
            if (setting >= 0)
            {
                return setting;
            }

            if (pageCount <= AutoThreshold || pageCount > MaxAutoChunked)
            {
                return 0;
            }

            return AutoChunk;
        }

        public static EquatableArray<CatalogChunk> Plan(CatalogData data, int setting)
        {
            EquatableArray<PageData> pages = data.Pages;
            int perChunk = PagesPerChunk(pages.Count, setting);
            var runs = new List<(int Start, int End)>();
            if (perChunk > 0)
            {
                int start = 0;
                for (int i = 0; i < pages.Count; i++)
                {
                    if (i + 1 == pages.Count || IsBoundary(pages[i], pages[i + 1], perChunk))
                    {
                        runs.Add((start, i + 1));
                        start = i + 1;
                    }
                }
            }

            if (runs.Count <= 1)
            {
                return new EquatableArray<CatalogChunk>(new[] { new CatalogChunk(string.Empty, 1, data) });
            }

            var chunks = new CatalogChunk[runs.Count];
            int bucket = 1;
            while (bucket < pages.Count)
            {
                bucket *= 2;
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            for (int c = 0; c < runs.Count; c++)
            {
                (int start, int end) = runs[c];
                var chunkPages = new PageData[end - start];
                for (int i = start; i < end; i++)
                {
                    chunkPages[i - start] = pages[i];
                }

                string id = Hash(pages[start].Tag + "\n" + pages[start].Package).ToString("x8", CultureInfo.InvariantCulture);
                string unique = id;
                for (int n = 2; !used.Add(unique); n++)
                {
                    unique = id + "_" + n.ToString(CultureInfo.InvariantCulture);
                }

                chunks[c] = new CatalogChunk(unique, bucket, new CatalogData(new EquatableArray<PageData>(chunkPages)));
            }

            return new EquatableArray<CatalogChunk>(chunks);
        }

        /// <summary>True when a chunk ends between two pages next to each other in catalog order.</summary>
        public static bool IsBoundary(PageData page, PageData next, int perChunk)
        {
            if (!string.Equals(page.Tag, next.Tag, StringComparison.Ordinal))
            {
                return true;
            }

            return !string.Equals(page.Package, next.Package, StringComparison.Ordinal) && Mix(Hash(page.Package)) % (uint)perChunk == 0;
        }

        /// <summary>Spreads FNV-1a's high bits into its low ones (the low bits of FNV-1a depend only on the characters' low bits).</summary>
        private static uint Mix(uint hash)
        {
            hash ^= hash >> 16;
            hash = unchecked(hash * 0x7feb352d);
            return hash ^ (hash >> 15);
        }

        /// <summary>FNV-1a over the characters: the same on every machine and in every process (unlike string.GetHashCode).</summary>
        public static uint Hash(string text)
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return hash;
        }
    }
}
