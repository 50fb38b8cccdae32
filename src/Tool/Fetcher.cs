using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SpecGen.Tool
{
    /// <summary>
    /// Fetches pages in two phases: every page is downloaded (concurrently) and checked first, and only when all of
    /// them arrived and passed are they written, each to a temporary file beside its place and then moved over it.
    /// A failed or interrupted run therefore leaves every existing page as it was.
    /// </summary>
    internal static class Fetcher
    {
        public static async Task<int> FetchAsync(PageSource source, string outDir, IReadOnlyList<(string Tag, string Package)> pages, int concurrency, TextWriter output, TextWriter error, CancellationToken cancellationToken)
        {
            var texts = new string?[pages.Count];
            var problems = new string?[pages.Count];
            int done = 0;
            using var gate = new SemaphoreSlim(concurrency);
            await Task.WhenAll(pages.Select(async (page, i) =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    texts[i] = await source.GetAsync(page.Tag, page.Package, cancellationToken).ConfigureAwait(false);
                    if (texts[i] is null)
                    {
                        problems[i] = source.HasTag(page.Tag) == false
                            ? $"The tag '{page.Tag}' is not at {source.Name}."
                            : $"The package '{page.Package}' has no page in tag '{page.Tag}' at {source.Name}.";
                    }
                }
                catch (PageSourceException ex)
                {
                    problems[i] = $"{page.Tag}/{page.Package}: {ex.Message}";
                }
                finally
                {
                    gate.Release();
                }

                int count = Interlocked.Increment(ref done);
                lock (error)
                {
                    error.WriteLine($"[{count}/{pages.Count}] {page.Tag}/{page.Package}: {(problems[i] is null ? "downloaded" : "failed")}");
                }
            })).ConfigureAwait(false);

            bool failed = false;
            foreach (string problem in problems.OfType<string>())
            {
                error.WriteLine(problem);
                failed = true;
            }

            if (failed)
            {
                error.WriteLine("Nothing was written.");
                return 1;
            }

            // The checks the build runs, on the pages as they will be written.
            var destinations = pages.Select(p => PageFiles.PathOf(outDir, p.Tag, p.Package)).ToArray();
            (_, IReadOnlyList<Diagnostic> diagnostics) = PageChecker.Run(destinations.Select((path, i) => (path, texts[i]!)), cancellationToken);
            foreach (Diagnostic diagnostic in diagnostics)
            {
                error.WriteLine(PageChecker.Format(diagnostic));
            }

            if (diagnostics.Any(PageChecker.IsError))
            {
                error.WriteLine("Some pages fail their checks; nothing was written.");
                return 1;
            }

            Commit(destinations, texts!, cancellationToken);
            output.WriteLine($"Fetched {pages.Count} page{(pages.Count == 1 ? string.Empty : "s")} into {outDir}.");
            return 0;
        }

        /// <summary>Writes every page to a temporary file beside its place, then moves each over its place.</summary>
        private static void Commit(string[] destinations, string[] texts, CancellationToken cancellationToken)
        {
            var temporary = new string[destinations.Length];
            try
            {
                for (int i = 0; i < destinations.Length; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Directory.CreateDirectory(Path.GetDirectoryName(destinations[i])!);
                    temporary[i] = destinations[i] + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
                    File.WriteAllText(temporary[i], texts[i], new UTF8Encoding(false));
                }

                for (int i = 0; i < destinations.Length; i++)
                {
                    File.Move(temporary[i], destinations[i], overwrite: true);
                    temporary[i] = null!;
                }
            }
            finally
            {
                foreach (string? path in temporary)
                {
                    if (path is not null && File.Exists(path))
                    {
                        File.Delete(path);
                    }
                }
            }
        }
    }
}
