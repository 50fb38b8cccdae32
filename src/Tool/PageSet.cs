using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SpecGen.Tool
{
    /// <summary>Pages read from disk and checked with the generator's own stages, in memory, and the catalog of those that passed.</summary>
    internal sealed record PageSet(IReadOnlyList<string> Files, SpecCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public int Errors => Diagnostics.Count(PageChecker.IsError);

        /// <summary>
        /// The pages a path names: the page itself when it is a file, every <c>specs.md</c> under it (any depth) when it
        /// is a folder; null, with the reason printed, when there is no such file or folder.
        /// </summary>
        public static IReadOnlyList<string>? Find(string path, TextWriter error)
        {
            if (File.Exists(path))
            {
                return new[] { path };
            }

            if (Directory.Exists(path))
            {
                return PageFiles.All(path);
            }

            error.WriteLine(path.IndexOfAny(new[] { '*', '?', '[' }) >= 0
                ? $"No file or folder '{path}': the pattern matched nothing (a shell passes a pattern that matches no file as it is). Give the folder of the pages instead, e.g. '{GlobRoot(path)}'."
                : $"No file or folder '{path}'.");
            return null;
        }

        /// <summary>
        /// Reads and checks pages: the one way every command gets its catalog (the generator's page and catalog checks,
        /// the encoder, and <see cref="SpecCatalog"/> over the encoded arrays, as a build compiles them). A bar shows
        /// progress on a terminal; <c>SPECGEN_TIMING=1</c> prints how long reading took.
        /// </summary>
        public static PageSet Read(IReadOnlyList<string> files, ToolContext context)
        {
            var progress = new Progress(context, files.Count, quiet: true);
            long start = Stopwatch.GetTimestamp();
            (SpecCatalog catalog, IReadOnlyList<Diagnostic> diagnostics) = PageChecker.Run(files.Select(path =>
            {
                string text = File.ReadAllText(path);
                progress.Item("reading " + path);
                return (path, text);
            }));
            progress.Done();
            if (context.Timing)
            {
                context.Error.WriteLine($"timing: read and checked {Text.Count(files.Count, "page")} ({Text.Count(catalog.Count, "spec")}) in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
            }

            return new PageSet(files, catalog, diagnostics);
        }

        /// <summary>The catalog of the pages, or null (with their errors printed) when some page fails its checks.</summary>
        public static SpecCatalog? Load(IReadOnlyList<string> files, ToolContext context)
        {
            PageSet pages = Read(files, context);
            foreach (Diagnostic diagnostic in pages.Diagnostics.Where(PageChecker.IsError))
            {
                context.Error.WriteLine(PageChecker.Format(diagnostic));
            }

            return pages.Errors == 0 ? pages.Catalog : null;
        }

        /// <summary>The folder part of a pattern before its first wildcard.</summary>
        private static string GlobRoot(string pattern)
        {
            int wildcard = pattern.IndexOfAny(new[] { '*', '?', '[' });
            string head = pattern.Substring(0, wildcard);
            int slash = head.LastIndexOfAny(new[] { '/', Path.DirectorySeparatorChar });
            return slash > 0 ? head.Substring(0, slash) : ".";
        }
    }
}
