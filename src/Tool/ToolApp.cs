using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SpecGen.Tool
{
    /// <summary>The commands of <c>specgen</c>: fetch, check, diff and update. Exit codes: 0 success, 1 failure, 2 usage.</summary>
    public static class ToolApp
    {
        /// <summary>Where pages go and are read from when no folder is given.</summary>
        public const string DefaultFolder = "spack";

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            var tag = new Option<string>("--tag") { Description = "The snapshot tag, e.g. develop-2025-04-20", Required = true };
            var source = new Option<string>("--source") { Description = "Where pages come from: a URL in the cache layout or a local folder (a clone of the cache site's repository works)", DefaultValueFactory = _ => PageSource.Default };
            var outDir = new Option<string>("--out") { Description = "Where pages go: OUT/<tag>/<package>/specs.md", DefaultValueFactory = _ => DefaultFolder };
            var all = new Option<bool>("--all") { Description = "Every package of the tag (from a local --source)" };
            var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each download", DefaultValueFactory = _ => 30 };
            var retries = new Option<int>("--retries") { Description = "Retries of a download that failed for a transient reason", DefaultValueFactory = _ => 3 };
            var retryDelay = new Option<int>("--retry-delay") { Description = "Milliseconds before the first retry (doubled each time)", DefaultValueFactory = _ => 500 };
            var jobs = new Option<int>("--jobs") { Description = "Downloads at once", DefaultValueFactory = _ => 8 };
            var packages = new Argument<string[]>("packages") { Description = "Packages to fetch", Arity = ArgumentArity.ZeroOrMore };
            var fetch = new Command("fetch", "Fetch pages of a snapshot tag; each is written only when all arrived and pass SpecGen's checks")
            {
                tag, source, outDir, all, timeout, retries, retryDelay, jobs, packages,
            };
            fetch.SetAction(result =>
            {
                string t = result.GetValue(tag)!;
                string[] names = result.GetValue(packages) ?? Array.Empty<string>();
                using PageSource from = Open(result.GetValue(source)!, result.GetValue(timeout), result.GetValue(retries), result.GetValue(retryDelay));
                if (result.GetValue(all))
                {
                    string[]? listed;
                    try
                    {
                        listed = from.Packages(t);
                    }
                    catch (PageSourceException ex)
                    {
                        error.WriteLine(ex.Message);
                        return 2;
                    }

                    if (listed is null)
                    {
                        error.WriteLine($"The tag '{t}' is not at {from.Name}.");
                        return 1;
                    }

                    names = names.Concat(listed).Distinct(StringComparer.Ordinal).ToArray();
                }

                if (names.Length == 0)
                {
                    error.WriteLine("Name the packages to fetch, or give --all with a local --source.");
                    return 2;
                }

                return Fetcher.FetchAsync(from, result.GetValue(outDir)!, names.Select(n => (t, n)).ToList(), Math.Max(1, result.GetValue(jobs)), output, error, CancellationToken.None).GetAwaiter().GetResult();
            });

            var checkDir = new Argument<string>("dir") { Description = "The folder of pages", DefaultValueFactory = _ => DefaultFolder };
            var check = new Command("check", "Run every page and catalog check the build runs; diagnostics as MSBuild prints them") { checkDir };
            check.SetAction(result => Check(result.GetValue(checkDir)!, output, error));

            var diffDir = new Argument<string>("dir") { Description = "The folder of pages" };
            var from = new Option<string>("--from") { Description = "The older tag", Required = true };
            var to = new Option<string>("--to") { Description = "The newer tag", Required = true };
            var json = new Option<bool>("--json") { Description = "One JSON object per line: package, change, hash, version, tag" };
            var diff = new Command("diff", "Per package, the binaries added, removed and kept between two tags, matched by hash") { diffDir, from, to, json };
            diff.SetAction(result => Diff(result.GetValue(diffDir)!, result.GetValue(from)!, result.GetValue(to)!, result.GetValue(json), output, error));

            var updateDir = new Argument<string>("dir") { Description = "The folder of pages", DefaultValueFactory = _ => DefaultFolder };
            var updateJson = new Option<bool>("--json") { Description = "The diff as JSON lines" };
            var update = new Command("update", "Fetch every page under the folder again from its tag, then print what changed")
            {
                updateDir, source, timeout, retries, retryDelay, jobs, updateJson,
            };
            update.SetAction(result =>
            {
                using PageSource pageSource = Open(result.GetValue(source)!, result.GetValue(timeout), result.GetValue(retries), result.GetValue(retryDelay));
                return Update(result.GetValue(updateDir)!, pageSource, Math.Max(1, result.GetValue(jobs)), result.GetValue(updateJson), output, error);
            });

            var root = new RootCommand("specgen: get Spack build cache pages, check them as SpecGen's build does, and see what changed between snapshots.")
            {
                fetch, check, diff, update,
            };
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        }

        private static PageSource Open(string source, int timeoutSeconds, int retries, int retryDelayMs)
        {
            return PageSource.Open(source, TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds)), Math.Max(0, retries), TimeSpan.FromMilliseconds(Math.Max(0, retryDelayMs)));
        }

        internal static int Check(string dir, TextWriter output, TextWriter error)
        {
            if (!Directory.Exists(dir))
            {
                error.WriteLine($"No folder '{dir}'.");
                return 1;
            }

            IReadOnlyList<string> pages = PageFiles.All(dir);
            (SpecCatalog catalog, IReadOnlyList<Diagnostic> diagnostics) = PageChecker.Run(pages.Select(p => (p, File.ReadAllText(p))));
            foreach (Diagnostic diagnostic in diagnostics)
            {
                output.WriteLine(PageChecker.Format(diagnostic));
            }

            int errors = diagnostics.Count(PageChecker.IsError);
            error.WriteLine($"{pages.Count} pages, {catalog.Count} specs; {errors} error(s), {diagnostics.Count - errors} warning(s).");
            return errors > 0 ? 1 : 0;
        }

        internal static int Diff(string dir, string fromTag, string toTag, bool json, TextWriter output, TextWriter error)
        {
            foreach (string t in new[] { fromTag, toTag })
            {
                if (PageFiles.OfTag(dir, t).Count == 0)
                {
                    error.WriteLine($"The tag '{t}' has no pages under {dir}.");
                    return 1;
                }
            }

            SpecCatalog? catalog = Load(PageFiles.OfTag(dir, fromTag).Concat(PageFiles.OfTag(dir, toTag)), error);
            if (catalog is null)
            {
                return 1;
            }

            Write(catalog.Diff(fromTag, toTag), json, output);
            return 0;
        }

        internal static int Update(string dir, PageSource source, int jobs, bool json, TextWriter output, TextWriter error)
        {
            if (!Directory.Exists(dir))
            {
                error.WriteLine($"No folder '{dir}'.");
                return 1;
            }

            IReadOnlyList<(string Tag, string[] Packages)> tags = PageFiles.Tags(dir);
            if (tags.Count == 0)
            {
                error.WriteLine($"No pages under {dir} (expected <tag>/<package>/specs.md).");
                return 1;
            }

            SpecCatalog? before = Load(PageFiles.All(dir), error);
            if (before is null)
            {
                return 1;
            }

            var pages = tags.SelectMany(t => t.Packages.Select(p => (t.Tag, p))).ToList();
            int code = Fetcher.FetchAsync(source, dir, pages, jobs, TextWriter.Null, error, CancellationToken.None).GetAwaiter().GetResult();
            if (code != 0)
            {
                return code;
            }

            SpecCatalog? after = Load(PageFiles.All(dir), error);
            if (after is null)
            {
                return 1;
            }

            foreach ((string tag, _) in tags)
            {
                if (!json)
                {
                    output.WriteLine($"{tag}:");
                }

                Write(SpecDiff.Between(tag, before.Where(tag: tag), tag, after.Where(tag: tag)), json, output);
            }

            return 0;
        }

        /// <summary>The catalog of pages, or null (with the errors printed) when a page fails its checks.</summary>
        private static SpecCatalog? Load(IEnumerable<string> pages, TextWriter error)
        {
            (SpecCatalog catalog, IReadOnlyList<Diagnostic> diagnostics) = PageChecker.Run(pages.Select(p => (p, File.ReadAllText(p))));
            List<Diagnostic> errors = diagnostics.Where(PageChecker.IsError).ToList();
            foreach (Diagnostic diagnostic in errors)
            {
                error.WriteLine(PageChecker.Format(diagnostic));
            }

            return errors.Count == 0 ? catalog : null;
        }

        private static readonly JsonWriterOptions JsonOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The diff as a table (per package: added, removed, kept, versions) or as JSON lines.</summary>
        internal static void Write(SpecDiff diff, bool json, TextWriter output)
        {
            if (json)
            {
                foreach (SpecChange change in diff)
                {
                    using var buffer = new MemoryStream();
                    using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
                    {
                        writer.WriteStartObject();
                        writer.WriteString("package", change.Package);
                        writer.WriteString("change", change.Kind.ToString().ToLowerInvariant());
                        writer.WriteString("hash", change.Hash);
                        writer.WriteString("version", change.Version.ToString());
                        writer.WriteString("tag", change.Spec.Tag);
                        writer.WriteEndObject();
                    }

                    output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }

                return;
            }

            var rows = new List<string[]> { new[] { "package", "added", "removed", "kept", "versions" } };
            foreach (string package in diff.Packages)
            {
                SpecChange[] changes = diff.Of(package).ToArray();
                (IReadOnlyList<SpackVersion> before, IReadOnlyList<SpackVersion> after) = diff.Versions(package);
                string was = string.Join(", ", before);
                string now = string.Join(", ", after);
                string versions = was == now ? now : (was.Length == 0 ? "-" : was) + " -> " + (now.Length == 0 ? "-" : now);
                rows.Add(new[]
                {
                    package,
                    changes.Count(c => c.Kind == SpecChangeKind.Added).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    changes.Count(c => c.Kind == SpecChangeKind.Removed).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    changes.Count(c => c.Kind == SpecChangeKind.Kept).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    versions,
                });
            }

            int[] widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
            foreach (string[] row in rows)
            {
                output.WriteLine(string.Join("  ", row.Select((cell, c) => c is >= 1 and <= 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
            }

            output.WriteLine($"{diff.From} -> {diff.To}: {diff.Count(c => c.Kind == SpecChangeKind.Added)} added, {diff.Count(c => c.Kind == SpecChangeKind.Removed)} removed, {diff.Count(c => c.Kind == SpecChangeKind.Kept)} kept");
        }
    }
}
