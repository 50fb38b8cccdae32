using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;

namespace SpecGen.Tool
{
    /// <summary><c>fetch</c> and <c>update</c>: pages from a source into a folder, written only when they pass SpecGen's checks.</summary>
    internal static class FetchCommands
    {
        public static Command Fetch(ToolContext context)
        {
            Option<string> tag = ToolOptions.Tag(required: true);
            Option<string> source = ToolOptions.Source();
            var outDir = new Option<string>("--out") { Description = "Where pages go: OUT/<tag>/<package>/specs.md", DefaultValueFactory = _ => ToolApp.DefaultFolder };
            var all = new Option<bool>("--all") { Description = "Every package of the tag (listed by the source)" };
            var lockfile = new Option<string?>("--lock") { Description = "Every package a Spack lockfile (spack.lock) names; one with no page in the tag is listed (none of its binaries is cached), not an error" };
            Option<int> jobs = ToolOptions.AtLeast("--jobs", "Downloads at once", 8, 1);
            var http = new ToolOptions.Http();
            Argument<string[]> packages = ToolOptions.Packages("Packages to fetch");
            var fetch = new Command("fetch", "Fetch pages of a snapshot tag; they are written only when all arrived and pass SpecGen's checks")
            {
                tag, source, outDir, all, lockfile, jobs, packages,
            };
            foreach (Option option in http.All)
            {
                fetch.Options.Add(option);
            }

            fetch.Validators.Add(result =>
            {
                bool hasNames = result.GetResult(packages)?.Tokens.Count > 0;
                bool hasLock = ToolOptions.Given(result, lockfile) is not null;
                if (result.GetValue(all) && hasNames)
                {
                    result.AddError("--all fetches every package of the tag: give --all or package names, not both.");
                }
                else if (hasLock && (hasNames || result.GetValue(all)))
                {
                    result.AddError("--lock fetches the packages a lockfile names: give --lock, --all or package names, one of them.");
                }
                else if (!result.GetValue(all) && !hasNames && !hasLock)
                {
                    result.AddError("Name the packages to fetch, or give --all or --lock.");
                }
            });
            fetch.SetAction(result =>
            {
                string t = result.GetValue(tag)!;
                using PageSource from = PageSource.Open(result.GetValue(source)!, http.Settings(result, context));
                IReadOnlyList<string> names = result.GetValue(packages) ?? Array.Empty<string>();
                if (result.GetValue(lockfile) is string lockPath)
                {
                    SpackLockfile? environment = LockfileCommands.LoadLockfile(lockPath, context);
                    if (environment is null)
                    {
                        return ToolApp.Usage;
                    }

                    IReadOnlyList<string>? listed = from.PackagesAsync(t, CancellationToken.None).GetAwaiter().GetResult();
                    if (listed is null)
                    {
                        return UnknownTag(from, t, context);
                    }

                    names = PagesOf(environment, listed, t, context);
                    if (names.Count == 0)
                    {
                        return 0;
                    }
                }
                else if (result.GetValue(all))
                {
                    IReadOnlyList<string>? listed = from.PackagesAsync(t, CancellationToken.None).GetAwaiter().GetResult();
                    if (listed is null)
                    {
                        return UnknownTag(from, t, context);
                    }

                    names = listed;
                }

                return Fetcher.FetchAsync(from, result.GetValue(outDir)!, names.Select(n => (t, n)).ToList(), result.GetValue(jobs), keepGoing: false, context, context.Output, CancellationToken.None).GetAwaiter().GetResult();
            });
            return fetch;
        }

        /// <summary>A tag the source does not have: said, with the nearest tags it has.</summary>
        private static int UnknownTag(PageSource from, string tag, ToolContext context)
        {
            IReadOnlyList<string> tags = PageSource.OrNone(async () => await from.TagsAsync(CancellationToken.None).ConfigureAwait(false)).GetAwaiter().GetResult();
            context.Error.WriteLine($"The tag '{tag}' is not at {from.Name}{Text.DidYouMean(tag, tags)}");
            return ToolApp.Failure;
        }

        /// <summary>
        /// The packages a lockfile names that have a page in the tag, sorted; those without one are listed (on standard
        /// output: they are part of the answer, none of their binaries is cached), and so are names that are not Spack
        /// package names, which no page can have.
        /// </summary>
        private static IReadOnlyList<string> PagesOf(SpackLockfile lockfile, IReadOnlyList<string> listed, string tag, ToolContext context)
        {
            var available = new HashSet<string>(listed, StringComparer.Ordinal);
            string[] named = lockfile.Nodes.Select(n => n.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            string[] withPage = named.Where(n => ToolOptions.NameProblem(n) is null && available.Contains(n)).ToArray();
            string[] without = named.Where(n => !withPage.Contains(n, StringComparer.Ordinal)).ToArray();
            if (without.Length > 0)
            {
                context.Output.WriteLine($"{Text.Count(without.Length, "package")} of the lockfile {(without.Length == 1 ? "has" : "have")} no page in {tag} (nothing of {(without.Length == 1 ? "it" : "them")} is cached): {string.Join(", ", without)}");
            }

            if (withPage.Length == 0)
            {
                context.Output.WriteLine($"None of the {Text.Count(named.Length, "package")} of the lockfile has a page in {tag}; nothing to fetch.");
            }

            return withPage;
        }

        public static Command Update(ToolContext context)
        {
            var dir = ToolOptions.NoOptions(new Argument<string>("dir") { Description = "The folder of pages", DefaultValueFactory = _ => ToolApp.DefaultFolder });
            Option<string> source = ToolOptions.Source();
            Option<int> jobs = ToolOptions.AtLeast("--jobs", "Downloads at once", 8, 1);
            var http = new ToolOptions.Http();
            var keepGoing = new Option<bool>("--keep-going") { Description = "Write the pages that arrived and pass their checks even when others failed (exit 1 still)" };
            var json = new Option<bool>("--json") { Description = "The changes as JSON lines (as diff --json)" };
            var update = new Command("update", "Fetch every page under the folder again from its tag, then print the binaries added and removed")
            {
                dir, source, jobs, keepGoing, json,
            };
            foreach (Option option in http.All)
            {
                update.Options.Add(option);
            }

            update.SetAction(result =>
            {
                using PageSource from = PageSource.Open(result.GetValue(source)!, http.Settings(result, context));
                return Update(result.GetValue(dir)!, from, result.GetValue(jobs), result.GetValue(keepGoing), result.GetValue(json), context);
            });
            return update;
        }

        private static int Update(string dir, PageSource source, int jobs, bool keepGoing, bool json, ToolContext context)
        {
            if (!Directory.Exists(dir))
            {
                context.Error.WriteLine($"No folder '{dir}'.");
                return ToolApp.Failure;
            }

            IReadOnlyList<(string Tag, IReadOnlyList<string> Packages)> tags = PageFiles.Tags(dir);
            if (tags.Count == 0)
            {
                context.Error.WriteLine($"No pages under {dir} (expected <tag>/<package>/specs.md).");
                return ToolApp.Failure;
            }

            SpecCatalog? before = PageSet.Load(PageFiles.All(dir), context);
            if (before is null)
            {
                return ToolApp.Failure;
            }

            var pages = tags.SelectMany(t => t.Packages.Select(p => (t.Tag, p))).ToList();
            int code = Fetcher.FetchAsync(source, dir, pages, jobs, keepGoing, context, context.Error, CancellationToken.None).GetAwaiter().GetResult();
            if (code != 0 && !keepGoing)
            {
                return code;
            }

            SpecCatalog? after = PageSet.Load(PageFiles.All(dir), context);
            if (after is null)
            {
                return ToolApp.Failure;
            }

            int changes = 0;
            foreach ((string tag, _) in tags)
            {
                changes += DiffCommand.WriteChanges(SpecDiff.Between(tag, before.Where(tag: tag), tag, after.Where(tag: tag)), json, context.Output);
            }

            if (changes == 0)
            {
                context.Error.WriteLine($"No binary was added or removed in {Text.Count(pages.Count, "page")}.");
            }

            return code;
        }
    }
}
