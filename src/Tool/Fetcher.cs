using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SpecGen.Tool
{
    /// <summary>
    /// Fetches pages in two phases: every page is downloaded (concurrently) and checked first, and only then written,
    /// each to a temporary file beside its place and then moved over it. By default nothing is written unless every
    /// page arrived and passed, so a failed or interrupted run leaves every existing page as it was; with
    /// <c>keepGoing</c> the pages that arrived and passed are written and the others are left as they were.
    /// Problems are reported against the source: the URL (or the source's file) of the page, never the local file.
    /// The summary (<c>Fetched 3 pages into spack.</c>) goes to <c>report</c>.
    /// </summary>
    internal static class Fetcher
    {
        public static async Task<int> FetchAsync(PageSource source, string outDir, IReadOnlyList<(string Tag, string Package)> pages, int concurrency, bool keepGoing, ToolContext context, TextWriter report, CancellationToken cancellationToken)
        {
            TextWriter error = context.Error;
            var texts = new string?[pages.Count];
            var problems = new string?[pages.Count];
            string? unreachable = null;
            var progress = new Progress(context, pages.Count);
            using (var gate = new SemaphoreSlim(concurrency))
            {
                await Task.WhenAll(pages.Select(async (page, i) =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    string name = page.Tag + "/" + page.Package;
                    try
                    {
                        texts[i] = await source.GetAsync(page.Tag, page.Package, retry => progress.Note(name + ": " + retry), cancellationToken).ConfigureAwait(false);
                        problems[i] = texts[i] is null ? await Missing(source, page.Tag, page.Package, cancellationToken).ConfigureAwait(false) : null;
                    }
                    catch (PageSourceException ex) when (ex.Unreachable)
                    {
                        unreachable = ex.Message;
                        problems[i] = ex.Message;
                    }
                    catch (PageSourceException ex)
                    {
                        problems[i] = ex.Message;
                    }
                    finally
                    {
                        gate.Release();
                    }

                    if (unreachable is null)
                    {
                        progress.Item(name + ": " + (problems[i] is null ? source.Verb : "failed"));
                    }
                })).ConfigureAwait(false);
            }

            progress.Done();
            if (unreachable is not null)
            {
                // One failure for the whole run, not one per page: every page would fail the same way.
                error.WriteLine(unreachable);
                error.WriteLine("Nothing was fetched; nothing was written.");
                return ToolApp.Failure;
            }

            foreach (string problem in problems.OfType<string>().Distinct(StringComparer.Ordinal))
            {
                error.WriteLine(problem);
            }

            // The checks the build runs, on the pages as they arrived, reported at their address at the source.
            int[] arrived = Enumerable.Range(0, pages.Count).Where(i => problems[i] is null).ToArray();
            (_, IReadOnlyList<Diagnostic> diagnostics) = PageChecker.Run(arrived.Select(i => (source.AddressOf(pages[i].Tag, pages[i].Package), texts[i]!)), cancellationToken);
            foreach (Diagnostic diagnostic in diagnostics)
            {
                error.WriteLine(PageChecker.Format(diagnostic));
            }

            var rejected = new HashSet<string>(diagnostics.Where(PageChecker.IsError).Select(d => d.Location.GetLineSpan().Path), StringComparer.Ordinal);
            bool unplaced = diagnostics.Any(d => PageChecker.IsError(d) && d.Location.Kind == LocationKind.None);
            int[] good = unplaced ? Array.Empty<int>() : arrived.Where(i => !rejected.Contains(source.AddressOf(pages[i].Tag, pages[i].Package))).ToArray();
            int failed = pages.Count - good.Length;
            if (failed > 0 && !keepGoing)
            {
                error.WriteLine(rejected.Count > 0 && failed == rejected.Count
                    ? $"{Text.Count(rejected.Count, "page")} {(rejected.Count == 1 ? "fails its" : "fail their")} checks (at the source, above); nothing was written."
                    : $"{Text.Count(failed, "page")} of {pages.Count} could not be fetched; nothing was written.");
                return ToolApp.Failure;
            }

            string[] destinations = good.Select(i => PageFiles.PathOf(outDir, pages[i].Tag, pages[i].Package)).ToArray();
            if (!Commit(destinations, good.Select(i => texts[i]!).ToArray(), context, cancellationToken))
            {
                return ToolApp.Failure;
            }

            report.WriteLine(failed == 0
                ? $"Fetched {Text.Count(pages.Count, "page")} into {outDir}."
                : $"Fetched {good.Length} of {Text.Count(pages.Count, "page")} into {outDir}; {failed} failed and {(failed == 1 ? "was" : "were")} left as {(failed == 1 ? "it was" : "they were")}.");
            return failed == 0 ? 0 : ToolApp.Failure;
        }

        /// <summary>Why a page is not at the source: its tag is not there, or the tag has no such package (with the nearest names).</summary>
        private static async Task<string> Missing(PageSource source, string tag, string package, CancellationToken cancellationToken)
        {
            if (await source.HasTagAsync(tag, cancellationToken).ConfigureAwait(false) == false)
            {
                IReadOnlyList<string> tags = await PageSource.OrNone(async () => await source.TagsAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                return $"The tag '{tag}' is not at {source.Name}{Text.DidYouMean(tag, tags)}";
            }

            IReadOnlyList<string> known = await PageSource.OrNone(() => source.PackagesAsync(tag, cancellationToken)).ConfigureAwait(false);
            return $"The package '{package}' has no page in tag '{tag}' at {source.Name}{Text.DidYouMean(package, known)}";
        }

        /// <summary>
        /// Writes every page to a temporary file beside its place, then moves each over its place. When writing fails
        /// (a read-only folder, a full disk) it says so in one line, removes the temporary files and the folders it
        /// made, and returns false; the pages already there are untouched.
        /// </summary>
        private static bool Commit(string[] destinations, string[] texts, ToolContext context, CancellationToken cancellationToken)
        {
            var temporary = new string?[destinations.Length];
            var created = new List<string>();
            int moved = 0;
            try
            {
                for (int i = 0; i < destinations.Length; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    CreateFolder(Path.GetDirectoryName(Path.GetFullPath(destinations[i]))!, created);
                    temporary[i] = destinations[i] + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
                    context.WriteFile(temporary[i]!, texts[i]);
                }

                for (; moved < destinations.Length; moved++)
                {
                    File.Move(temporary[moved]!, destinations[moved], overwrite: true);
                    temporary[moved] = null;
                }

                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                context.Error.WriteLine($"Cannot write the pages: {ex.Message.TrimEnd('.')}; " + (moved == 0
                    ? "nothing was written."
                    : $"{Text.Count(moved, "page")} of {destinations.Length} {(moved == 1 ? "was" : "were")} written before the failure: {string.Join(", ", destinations.Take(moved))}."));
                return false;
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

                // Folders made for pages that were not written go again, deepest first (only when empty).
                foreach (string folder in created.OrderByDescending(f => f.Length))
                {
                    if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                    {
                        Directory.Delete(folder);
                    }
                }
            }
        }

        /// <summary>Creates a folder and the missing folders above it, recording each one made.</summary>
        private static void CreateFolder(string folder, List<string> created)
        {
            var missing = new Stack<string>();
            for (string? f = folder; f is not null && !Directory.Exists(f); f = Path.GetDirectoryName(f))
            {
                missing.Push(f);
            }

            foreach (string f in missing)
            {
                Directory.CreateDirectory(f);
                created.Add(f);
            }
        }
    }
}
