using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SpecGen.Tool
{
    /// <summary>
    /// <c>coverage</c> and <c>explain</c>: will an environment come from the cache? Over a folder of pages read with the
    /// build's own stages, through the runtime's <see cref="SpecCatalog.Coverage"/> and <see cref="SpecCatalog.Explain(SpecPattern)"/>,
    /// the ranking SPG0026 uses too. Exit codes of <c>coverage</c>: 0 every node that is not an external is cached, 1 some
    /// are not, 2 a usage error, a lockfile that cannot be read, or pages that cannot be read.
    /// </summary>
    internal static class LockfileCommands
    {
        /// <summary>How many binaries the <c>explain</c> table shows (<c>--json</c> lists them all).</summary>
        private const int Shown = 10;

        public static Command Coverage(ToolContext context)
        {
            var lockfile = ToolOptions.NoOptions(new Argument<string>("lockfile") { Description = "A Spack environment's lockfile (spack.lock, versions 2 to 8)" });
            Option<string> pages = Pages();
            var tags = new Option<string[]>("--tag") { Description = "Only the pages of this snapshot tag (give it again for more tags)", Arity = ArgumentArity.OneOrMore };
            tags.Validators.Add(result =>
            {
                foreach (Token token in result.Tokens)
                {
                    ToolOptions.CheckName(result, "tag", token.Value);
                }
            });
            var json = new Option<bool>("--json") { Description = "One JSON object per node per line: name, version, hash, root, status (cached, missing, external), tags, verified, nearest" };
            var coverage = new Command("coverage", "Which nodes of a Spack lockfile the cache holds (by hash), and for each missing one the nearest cached binary and how it differs; exit 1 when some node would build from source")
            {
                lockfile, pages, tags, json,
            };
            coverage.SetAction(result => RunCoverage(result.GetValue(lockfile)!, result.GetValue(pages)!, result.GetValue(tags) ?? Array.Empty<string>(), result.GetValue(json), context));
            return coverage;
        }

        public static Command Explain(ToolContext context)
        {
            var query = ToolOptions.NoOptions(new Argument<string>("query") { Description = "A Spack spec query naming a package, e.g. \"zlib@1.3 +shared os=ubuntu22.04 %gcc@13\"" });
            Option<string> pages = Pages();
            var host = new Option<bool>("--host") { Description = "Want this machine: its OS and platform (unless the query gives them) and its target, which binaries for targets that run on it match" };
            var json = new Option<bool>("--json") { Description = "One JSON object per cached binary per line, nearest first: package, hash, tag, tags, version, compiler, os, platform, target, match, differences" };
            var explain = new Command("explain", "The cached binaries of the query's package, nearest first, each with the fields in which it differs from the query; exit 1 when none matches")
            {
                query, pages, host, json,
            };
            explain.SetAction(result => RunExplain(result.GetValue(query)!, result.GetValue(pages)!, result.GetValue(host), result.GetValue(json), context));
            return explain;
        }

        /// <summary>The lockfile, or null with the reason printed (a file that cannot be read or is not a lockfile).</summary>
        public static SpackLockfile? LoadLockfile(string path, ToolContext context)
        {
            try
            {
                return SpackLockfile.Load(path);
            }
            catch (Exception ex) when (ex is FormatException || ex is IOException || ex is UnauthorizedAccessException)
            {
                context.Error.WriteLine(ex is FileNotFoundException || ex is DirectoryNotFoundException ? $"No file '{path}'." : ex.Message);
                return null;
            }
        }

        private static Option<string> Pages() => new Option<string>("--pages")
        {
            Description = "The folder of pages, <tag>/<package>/specs.md (default " + ToolApp.DefaultFolder + ")",
            DefaultValueFactory = _ => ToolApp.DefaultFolder,
        };

        /// <summary>The catalog of the pages under <paramref name="dir"/> (of <paramref name="tags"/> only, when given), or null with the reason printed.</summary>
        private static SpecCatalog? Catalog(string dir, IReadOnlyList<string> tags, ToolContext context)
        {
            if (!Directory.Exists(dir))
            {
                context.Error.WriteLine($"No folder of pages '{dir}' (give it with --pages; fetch pages with specgen fetch).");
                return null;
            }

            var files = new List<string>();
            if (tags.Count == 0)
            {
                files.AddRange(PageFiles.All(dir));
            }
            else
            {
                IReadOnlyList<string> known = PageFiles.Tags(dir).Select(t => t.Tag).ToList();
                foreach (string tag in tags.Distinct(StringComparer.Ordinal))
                {
                    IReadOnlyList<string> ofTag = PageFiles.OfTag(dir, tag);
                    if (ofTag.Count == 0)
                    {
                        context.Error.WriteLine($"The tag '{tag}' has no pages under {dir}{Text.DidYouMean(tag, known)}");
                        return null;
                    }

                    files.AddRange(ofTag);
                }
            }

            if (files.Count == 0)
            {
                context.Error.WriteLine($"No pages under {dir} (no {PageFiles.FileName} at any depth); fetch some with specgen fetch.");
                return null;
            }

            return PageSet.Load(files, context);
        }

        private static int RunCoverage(string path, string dir, IReadOnlyList<string> tags, bool json, ToolContext context)
        {
            long start = Stopwatch.GetTimestamp();
            SpackLockfile? lockfile = LoadLockfile(path, context);
            if (lockfile is null)
            {
                return ToolApp.Usage;
            }

            if (context.Timing)
            {
                context.Error.WriteLine($"timing: read the lockfile ({Text.Count(lockfile.Nodes.Count, "node")}) in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
            }

            SpecCatalog? catalog = Catalog(dir, tags, context);
            if (catalog is null)
            {
                return ToolApp.Usage;
            }

            long answering = Stopwatch.GetTimestamp();
            CoverageReport report = catalog.Coverage(lockfile);
            var rows = new List<string[]> { new[] { "node", "root", "status", "tags", "nearest cached binary" } };
            foreach (NodeCoverage node in report.Nodes)
            {
                NearestSpec? nearest = null;
                string? note = null;
                if (node.Status == CoverageStatus.Missing)
                {
                    SpecExplanation explanation = catalog.Explain(node.Node);
                    nearest = explanation.HasPage ? explanation.Nearest[0] : null;
                    note = nearest?.Summary() ?? $"no page of {node.Node.Name}";
                }

                if (json)
                {
                    context.Output.WriteLine(SpecJson.Line(writer => WriteNode(writer, node, nearest)));
                }
                else
                {
                    rows.Add(new[]
                    {
                        node.Node.Name + "@" + node.Node.Version + " /" + Short(node.Node.Hash),
                        node.Node.IsRoot ? "root" : string.Empty,
                        node.Status.ToString().ToLowerInvariant(),
                        string.Join(", ", node.Tags),
                        note ?? string.Empty,
                    });
                }
            }

            if (context.Timing)
            {
                context.Error.WriteLine($"timing: answered and wrote {Text.Count(report.Nodes.Count, "node")} in {Stopwatch.GetElapsedTime(answering).TotalMilliseconds:F0} ms");
            }

            if (json)
            {
                context.Error.WriteLine(report.ToString());
            }
            else
            {
                Text.Table(rows, context.Output);
                context.Output.WriteLine(report.ToString());
            }

            return report.IsComplete ? 0 : ToolApp.Failure;
        }

        private static void WriteNode(Utf8JsonWriter writer, NodeCoverage node, NearestSpec? nearest)
        {
            LockNode lockNode = node.Node;
            writer.WriteString("name", lockNode.Name);
            writer.WriteString("version", lockNode.Version.ToString());
            writer.WriteString("hash", lockNode.Hash);
            writer.WriteBoolean("root", lockNode.IsRoot);
            writer.WriteString("status", node.Status.ToString().ToLowerInvariant());
            writer.WriteStartArray("tags");
            foreach (string tag in node.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            if (lockNode.HashMatchesContent is bool verified)
            {
                writer.WriteBoolean("verified", verified);
            }
            else
            {
                writer.WriteNull("verified");
            }

            if (nearest is null)
            {
                writer.WriteNull("nearest");
                return;
            }

            writer.WriteStartObject("nearest");
            writer.WriteString("hash", nearest.Spec.Hash);
            writer.WriteString("tag", nearest.Spec.Tag);
            WriteDifferences(writer, nearest);
            writer.WriteEndObject();
        }

        private static void WriteDifferences(Utf8JsonWriter writer, NearestSpec nearest)
        {
            writer.WriteStartArray("differences");
            foreach (SpecDifference difference in nearest.Differences)
            {
                writer.WriteStartObject();
                writer.WriteString("field", difference.Field);
                WriteOrNull(writer, "wanted", difference.Wanted);
                WriteOrNull(writer, "cached", difference.Cached);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        private static void WriteOrNull(Utf8JsonWriter writer, string name, string? value)
        {
            if (value is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }

        private static int RunExplain(string text, string dir, bool host, bool json, ToolContext context)
        {
            SpecPattern? pattern = CatalogCommands.ParseQuery(text, host, context);
            if (pattern is null)
            {
                return ToolApp.Usage;
            }

            if (pattern.Name is null)
            {
                context.Error.WriteLine($"The query '{text}' names no package: explain compares the binaries of one package (e.g. \"zlib {text.Trim()}\").");
                return ToolApp.Usage;
            }

            if (host)
            {
                if (pattern.Target is not null)
                {
                    context.Error.WriteLine("Give a target in the query or --host, not both.");
                    return ToolApp.Usage;
                }

                // This machine, in Spack's syntax: its target (binaries for what runs on it then match), and its OS and platform unless given.
                SpackArch here = SpackArch.Current;
                string arch = " target=" + here.Target.Name + (pattern.Os is null ? " os=" + here.Os : string.Empty) + (pattern.Platform is null ? " platform=" + here.Platform : string.Empty);
                int compiler = CompilerStart(text);
                pattern = SpecPattern.Parse(text.Substring(0, compiler).TrimEnd() + arch + " " + text.Substring(compiler), here);
            }

            SpecCatalog? catalog = Catalog(dir, Array.Empty<string>(), context);
            if (catalog is null)
            {
                return ToolApp.Usage;
            }

            SpecExplanation explanation;
            try
            {
                explanation = catalog.Explain(pattern);
            }
            catch (FormatException ex)
            {
                // A question these pages cannot decide (%c, %cxx, %fortran on a binary of a Spack 1.x compiler): refused, as a malformed query is.
                context.Error.WriteLine(ex.Message);
                return ToolApp.Usage;
            }

            if (!explanation.HasPage)
            {
                context.Error.WriteLine($"No page of '{pattern.Name}' under {dir}, so none of its binaries is cached{Text.DidYouMean(pattern.Name!, catalog.Packages)}");
                return ToolApp.Failure;
            }

            if (json)
            {
                foreach (NearestSpec nearest in explanation.Nearest)
                {
                    context.Output.WriteLine(SpecJson.Line(writer => WriteCandidate(writer, nearest)));
                }
            }
            else
            {
                var rows = new List<string[]> { new[] { "hash", "spec", "compiler", "arch", "tags", "differences" } };
                foreach (NearestSpec nearest in explanation.Nearest.Take(Shown))
                {
                    Spec spec = nearest.Spec;
                    string differences = nearest.IsMatch ? "matches" : string.Join("; ", nearest.Differences.Select(d => d.ToString()));
                    if (nearest.TargetRunsOnWanted)
                    {
                        differences += $" (target {spec.Target} runs on {pattern.Targets?.ExactName})";
                    }

                    rows.Add(new[] { spec.ShortHash, spec.Package + "@" + spec.Version, spec.Compiler.Text, spec.Arch, string.Join(", ", nearest.Entries.Select(e => e.Tag).Distinct()), differences });
                }

                Text.Table(rows, context.Output);
                int matches = explanation.Nearest.Count(n => n.IsMatch);
                string more = explanation.Nearest.Count > Shown ? $" (the {Shown} nearest shown; --json lists all)" : string.Empty;
                context.Output.WriteLine($"{Text.Count(explanation.Nearest.Count, "cached binary", "cached binaries")} of {explanation.Package}, {Text.Number(matches)} matching{more}");
            }

            return explanation.HasMatch ? 0 : ToolApp.Failure;
        }

        private static void WriteCandidate(Utf8JsonWriter writer, NearestSpec nearest)
        {
            Spec spec = nearest.Spec;
            writer.WriteString("package", spec.Package);
            writer.WriteString("hash", spec.Hash);
            writer.WriteString("tag", spec.Tag);
            writer.WriteStartArray("tags");
            foreach (string tag in nearest.Entries.Select(e => e.Tag).Distinct())
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            writer.WriteString("version", spec.Version.ToString());
            writer.WriteString("compiler", spec.Compiler.Text);
            writer.WriteString("os", spec.Os);
            writer.WriteString("platform", spec.Platform);
            writer.WriteString("target", spec.Target);
            writer.WriteBoolean("match", nearest.IsMatch);
            WriteDifferences(writer, nearest);
        }

        /// <summary>Where the query's compiler part starts (its first '%' outside quotes), or its length: what follows belongs to the compiler.</summary>
        private static int CompilerStart(string text)
        {
            char quote = '\0';
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c == '\'' || c == '"')
                {
                    quote = c;
                }
                else if (c == '%')
                {
                    return i;
                }
            }

            return text.Length;
        }

        private static string Short(string hash) => hash.Substring(0, Math.Min(Spec.ShortHashLength, hash.Length));
    }
}
