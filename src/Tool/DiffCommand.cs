using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace SpecGen.Tool
{
    /// <summary>
    /// <c>diff DIR --from T1 --to T2 [--json]</c>: per package, the binaries added, removed and kept between two tags,
    /// matched by hash. A package with a page in one tag only is "not fetched" for the other: the folder cannot say
    /// whether the snapshot dropped it or it was never fetched, so its binaries are not counted as added or removed.
    /// </summary>
    internal static class DiffCommand
    {
        public static Command Create(ToolContext context)
        {
            var dir = ToolOptions.NoOptions(new Argument<string>("dir") { Description = "The folder of pages", DefaultValueFactory = _ => ToolApp.DefaultFolder });
            Option<string> fromTag = ToolOptions.Tag("--from", "The older tag", required: true);
            Option<string> toTag = ToolOptions.Tag("--to", "The newer tag", required: true);
            var json = new Option<bool>("--json") { Description = "One JSON object per line: package, change (added, removed, kept, not-fetched), hash, version, tag" };
            var diff = new Command("diff", "Per package, the binaries added, removed and kept between two tags, matched by hash") { dir, fromTag, toTag, json };
            diff.Validators.Add(result =>
            {
                if (ToolOptions.Given(result, fromTag) is string a && a == ToolOptions.Given(result, toTag))
                {
                    result.AddError($"--from and --to are the same tag ('{a}'): give two tags.");
                }
            });
            diff.SetAction(result => Run(result.GetValue(dir)!, result.GetValue(fromTag)!, result.GetValue(toTag)!, result.GetValue(json), context));
            return diff;
        }

        private static int Run(string dir, string fromTag, string toTag, bool json, ToolContext context)
        {
            if (!Directory.Exists(dir))
            {
                context.Error.WriteLine($"No folder '{dir}'.");
                return ToolApp.Failure;
            }

            IReadOnlyList<string> tags = PageFiles.Tags(dir).Select(t => t.Tag).ToList();
            foreach (string t in new[] { fromTag, toTag })
            {
                if (!tags.Contains(t))
                {
                    context.Error.WriteLine($"The tag '{t}' has no pages under {dir}{Text.DidYouMean(t, tags)}");
                    return ToolApp.Failure;
                }
            }

            IReadOnlyList<string> before = PageFiles.OfTag(dir, fromTag);
            IReadOnlyList<string> after = PageFiles.OfTag(dir, toTag);
            var inBefore = new HashSet<string>(before.Select(PageFiles.PackageOf));
            var inAfter = new HashSet<string>(after.Select(PageFiles.PackageOf));
            SpecCatalog? catalog = PageSet.Load(before.Concat(after).ToList(), context);
            if (catalog is null)
            {
                return ToolApp.Failure;
            }

            // Only the packages fetched for both tags are compared.
            SpecDiff changes = SpecDiff.Between(
                fromTag,
                catalog.Where(tag: fromTag).Where(s => inAfter.Contains(s.Package)),
                toTag,
                catalog.Where(tag: toTag).Where(s => inBefore.Contains(s.Package)));
            var notFetched = inBefore.Where(p => !inAfter.Contains(p)).Select(p => (Package: p, Tag: toTag))
                .Concat(inAfter.Where(p => !inBefore.Contains(p)).Select(p => (Package: p, Tag: fromTag)))
                .OrderBy(p => p.Package, System.StringComparer.Ordinal)
                .ToList();
            Write(changes, notFetched, json, context.Output);
            return 0;
        }

        /// <summary>
        /// The diff as a table (per package: added, removed, kept, versions; then a package per line that was not
        /// fetched for a tag, and the summary line) or as JSON lines.
        /// </summary>
        internal static void Write(SpecDiff diff, IReadOnlyList<(string Package, string Tag)> notFetched, bool json, TextWriter output)
        {
            if (json)
            {
                foreach (SpecChange change in diff)
                {
                    output.WriteLine(Json(change));
                }

                foreach ((string package, string tag) in notFetched)
                {
                    output.WriteLine(SpecJson.Line(w =>
                    {
                        w.WriteString("package", package);
                        w.WriteString("change", "not-fetched");
                        w.WriteString("tag", tag);
                    }));
                }

                return;
            }

            Table(diff, diff.Packages, output);
            foreach ((string package, string tag) in notFetched)
            {
                output.WriteLine($"{package}: not fetched for {tag}");
            }

            output.WriteLine(diff.ToString() + (notFetched.Count > 0 ? $"; {Text.Count(notFetched.Count, "package")} not fetched for both" : string.Empty));
        }

        /// <summary>Only what changed (the packages with binaries added or removed, and those binaries in JSON); returns the number of changed binaries.</summary>
        internal static int WriteChanges(SpecDiff diff, bool json, TextWriter output)
        {
            List<SpecChange> changed = diff.Where(c => c.Kind != SpecChangeKind.Kept).ToList();
            if (changed.Count == 0)
            {
                return 0;
            }

            if (json)
            {
                foreach (SpecChange change in changed)
                {
                    output.WriteLine(Json(change));
                }

                return changed.Count;
            }

            Table(diff, changed.Select(c => c.Package).Distinct().ToList(), output);
            output.WriteLine(diff.ToString());
            return changed.Count;
        }

        private static string Json(SpecChange change) => SpecJson.Line(w =>
        {
            w.WriteString("package", change.Package);
            w.WriteString("change", change.Kind.ToString().ToLowerInvariant());
            w.WriteString("hash", change.Hash);
            w.WriteString("version", change.Version.ToString());
            w.WriteString("tag", change.Spec.Tag);
        });

        private static void Table(SpecDiff diff, IReadOnlyList<string> packages, TextWriter output)
        {
            var rows = new List<string[]> { new[] { "package", "added", "removed", "kept", "versions" } };
            foreach (string package in packages)
            {
                SpecChange[] changes = diff.Of(package).ToArray();
                (IReadOnlyList<SpackVersion> was, IReadOnlyList<SpackVersion> now) = diff.Versions(package);
                string before = string.Join(", ", was);
                string after = string.Join(", ", now);
                rows.Add(new[]
                {
                    package,
                    Text.Number(changes.Count(c => c.Kind == SpecChangeKind.Added)),
                    Text.Number(changes.Count(c => c.Kind == SpecChangeKind.Removed)),
                    Text.Number(changes.Count(c => c.Kind == SpecChangeKind.Kept)),
                    before == after ? after : (before.Length == 0 ? "-" : before) + " -> " + (after.Length == 0 ? "-" : after),
                });
            }

            Text.Table(rows, output, 1, 2, 3);
        }
    }
}
