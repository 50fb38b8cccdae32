using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Linq;

namespace SpecGen.Tool
{
    /// <summary>
    /// <c>list</c>, <c>show</c> and <c>query</c>: answers over a folder of pages, read and checked in memory with the
    /// build's own stages (<see cref="PageSet"/>), as <c>spack buildcache list</c> answers over a mirror. DIR is
    /// optional (default <c>spack</c>); for <c>list</c> a single argument that is not a file or folder is the query.
    /// </summary>
    internal static class CatalogCommands
    {
        public static Command List(ToolContext context)
        {
            Argument<string[]> args = Arguments("[DIR] [QUERY]", "A folder of pages (default spack) and a Spack spec query (default: every spec)", 0);
            var json = Json();
            var list = new Command("list", "List the specs of a folder of pages, or those that satisfy a query, in catalog order (tag, package, page order)") { args, json };
            list.SetAction(result =>
            {
                string[] values = result.GetValue(args) ?? Array.Empty<string>();
                bool firstIsDir = values.Length == 2 || (values.Length == 1 && (System.IO.Directory.Exists(values[0]) || System.IO.File.Exists(values[0])));
                string dir = firstIsDir ? values[0] : ToolApp.DefaultFolder;
                string? query = values.Length == 2 ? values[1] : values.Length == 1 && !firstIsDir ? values[0] : null;
                return Answer(dir, query, null, false, result.GetValue(json), sort: false, context);
            });
            return list;
        }

        public static Command Query(ToolContext context)
        {
            Argument<string[]> args = Arguments("[DIR] QUERY", "A folder of pages (default spack) and a Spack spec query, e.g. \"python@3.10: target=x86_64_v3 %gcc@11:\"", 1);
            var runnableOn = new Option<string?>("--runnable-on") { Description = "Only binaries that run on this microarchitecture (e.g. zen3): its own and its ancestors'" };
            runnableOn.Validators.Add(result =>
            {
                string? name = result.GetValueOrDefault<string?>();
                if (name is not null && !Microarchitecture.TryParse(name, out _))
                {
                    result.AddError($"'{name}' is not a microarchitecture archspec knows{Text.DidYouMean(name, Microarchitecture.All.Select(m => m.Name))}");
                }
            });
            var host = new Option<bool>("--host") { Description = "Only binaries for this machine: its OS and platform, and targets that run on its microarchitecture (see specgen host)" };
            var json = Json();
            var query = new Command("query", "List the specs that satisfy a Spack spec query, newest version first") { args, runnableOn, host, json };
            query.Validators.Add(result =>
            {
                if (result.GetValue(host) && ToolOptions.Given(result, runnableOn) is not null)
                {
                    result.AddError("Give --runnable-on or --host, not both.");
                }
            });
            query.SetAction(result =>
            {
                string[] values = result.GetValue(args)!;
                string dir = values.Length == 2 ? values[0] : ToolApp.DefaultFolder;
                return Answer(dir, values[values.Length - 1], result.GetValue(runnableOn), result.GetValue(host), result.GetValue(json), sort: true, context);
            });
            return query;
        }

        public static Command Show(ToolContext context)
        {
            Argument<string[]> args = Arguments("[DIR] /HASH", "A folder of pages (default spack) and a hash or a unique prefix of one, as in Spack's /hash", 1);
            var json = Json();
            var show = new Command("show", "Show the spec of a hash (every tag that lists it), in Spack syntax with its details") { args, json };
            show.SetAction(result =>
            {
                string[] values = result.GetValue(args)!;
                return ShowHash(values.Length == 2 ? values[0] : ToolApp.DefaultFolder, values[values.Length - 1].TrimStart('/'), result.GetValue(json), context);
            });
            return show;
        }

        private static Argument<string[]> Arguments(string helpName, string description, int minimum)
        {
            return ToolOptions.NoOptions(new Argument<string[]>("args") { HelpName = helpName, Description = description, Arity = new ArgumentArity(minimum, 2) });
        }

        private static Option<bool> Json() => new Option<bool>("--json")
        {
            Description = "One JSON object per spec per line, with the page's keys and values (package, tag, hash, compiler, os, platform, target, stacks, variants, versions, size, tarball)",
        };

        /// <summary>The catalog of a folder of pages (or one page), or null with the reason printed.</summary>
        private static SpecCatalog? Catalog(string dir, ToolContext context)
        {
            IReadOnlyList<string>? files = PageSet.Find(dir, context.Error);
            if (files is null)
            {
                return null;
            }

            if (files.Count == 0)
            {
                context.Error.WriteLine($"No pages under {dir} (no {PageFiles.FileName} at any depth); fetch some with specgen fetch.");
                return null;
            }

            return PageSet.Load(files, context);
        }

        private static int Answer(string dir, string? text, string? runnableOn, bool host, bool json, bool sort, ToolContext context)
        {
            SpecPattern? pattern = null;
            if (text is not null && (pattern = ParseQuery(text, host, context)) is null)
            {
                return ToolApp.Usage;
            }

            SpecCatalog? catalog = Catalog(dir, context);
            if (catalog is null)
            {
                return ToolApp.Failure;
            }

            if (pattern?.Name is string name && !catalog.Packages.Contains(name))
            {
                context.Error.WriteLine($"No package '{name}' in the pages under {dir}{Text.DidYouMean(name, catalog.Packages)}");
                return ToolApp.Failure;
            }

            long start = Stopwatch.GetTimestamp();
            IEnumerable<Spec> specs;
            try
            {
                specs = Select(catalog, pattern, runnableOn, host);
            }
            catch (FormatException ex)
            {
                // A question these pages cannot decide (%c, %cxx, %fortran on a binary of a Spack 1.x compiler): refused, as a malformed query is.
                context.Error.WriteLine(ex.Message);
                return ToolApp.Usage;
            }

            List<Spec> answer = (sort
                ? specs.OrderBy(s => s.Package, StringComparer.Ordinal).ThenByDescending(s => s.Version).ThenBy(s => s.Index)
                : specs).ToList();
            TimeSpan answered = Stopwatch.GetElapsedTime(start);
            if (answer.Count == 0)
            {
                string where = host ? " on this machine (" + SpackArch.Current + ")" : runnableOn is not null ? " that runs on " + runnableOn : string.Empty;
                context.Error.WriteLine($"No spec{(text is null ? string.Empty : " matches '" + text + "'")}{where} in {Text.Count(catalog.Count, "spec")} under {dir}.");
                return ToolApp.Failure;
            }

            Write(answer, json, context);
            if (context.Timing)
            {
                context.Error.WriteLine($"timing: answered in {answered.TotalMilliseconds:F1} ms ({Text.Count(answer.Count, "spec")} of {catalog.Count}), written in {(Stopwatch.GetElapsedTime(start) - answered).TotalMilliseconds:F1} ms");
            }

            return 0;
        }

        /// <summary>
        /// A query as the runtime reads it; with <paramref name="host"/>, the host's reserved names (<c>os=default_os</c>,
        /// <c>target=default_target</c>, <c>frontend</c>...) stand for this machine. Null, with the reason written, when
        /// it is malformed or asks what pages cannot answer.
        /// </summary>
        internal static SpecPattern? ParseQuery(string text, bool host, ToolContext context)
        {
            if (host)
            {
                try
                {
                    return SpecPattern.Parse(text, SpackArch.Current);
                }
                catch (FormatException ex)
                {
                    context.Error.WriteLine(ex.Message);
                    return null;
                }
            }

            if (SpecPattern.TryParse(text, out SpecPattern? pattern, out string? problem))
            {
                return pattern;
            }

            context.Error.WriteLine(problem!.Contains("stands for this machine's", StringComparison.Ordinal)
                ? problem + " On the command line, --host reads it as this machine (" + SpackArch.Current + ")."
                : problem);
            return null;
        }

        private static IEnumerable<Spec> Select(SpecCatalog catalog, SpecPattern? pattern, string? runnableOn, bool host)
        {
            SpecQuery query = pattern is null ? catalog.Where() : catalog.Query(pattern);
            if (host)
            {
                SpackArch here = SpackArch.Current;
                return query.RunnableOn(here.Target).Where(s => s.Os == here.Os && s.Platform == here.Platform);
            }

            return runnableOn is null ? query : query.RunnableOn(Microarchitecture.Parse(runnableOn));
        }

        /// <summary>Specs as JSON lines, or as a table (hash, spec, compiler, arch, tag) and a count.</summary>
        private static void Write(IReadOnlyList<Spec> specs, bool json, ToolContext context)
        {
            if (json)
            {
                foreach (Spec spec in specs)
                {
                    context.Output.WriteLine(SpecJson.Of(spec));
                }

                return;
            }

            var rows = new List<string[]> { new[] { "hash", "spec", "compiler", "arch", "tag" } };
            rows.AddRange(specs.Select(s => new[] { s.ShortHash, s.Package + "@" + s.Version, s.Compiler.Text, s.Arch, s.Tag }));
            Text.Table(rows, context.Output);
            context.Output.WriteLine(Text.Count(specs.Count, "spec"));
        }

        private static int ShowHash(string dir, string prefix, bool json, ToolContext context)
        {
            if (ToolOptions.NameProblem(prefix) is not null)
            {
                context.Error.WriteLine($"'{prefix}' is not a hash (Spack's hashes are letters a-z and digits 2-7).");
                return ToolApp.Usage;
            }

            SpecCatalog? catalog = Catalog(dir, context);
            if (catalog is null)
            {
                return ToolApp.Failure;
            }

            HashMatch match = catalog.FindByHash(prefix);
            if (match.Status == HashMatchStatus.NotFound)
            {
                context.Error.WriteLine($"No spec under {dir} has a hash starting with '{prefix}'.");
                return ToolApp.Failure;
            }

            if (match.Status == HashMatchStatus.Ambiguous)
            {
                string[] hashes = catalog.Select(s => s.Hash).Where(h => h.StartsWith(prefix, StringComparison.Ordinal)).Distinct().OrderBy(h => h, StringComparer.Ordinal).ToArray();
                context.Error.WriteLine($"'{prefix}' starts {Text.Count(hashes.Length, "hash", "hashes")} ({string.Join(", ", hashes.Take(5).Select(h => h.Substring(0, 7)))}{(hashes.Length > 5 ? ", ..." : string.Empty)}); give more characters.");
                return ToolApp.Failure;
            }

            if (json)
            {
                foreach (Spec entry in match)
                {
                    context.Output.WriteLine(SpecJson.Of(entry));
                }

                return 0;
            }

            Spec spec = match.First;
            context.Output.WriteLine(spec.ToString());
            var rows = new List<string[]>
            {
                new[] { "hash:", spec.Hash },
                new[] { "package:", spec.Package },
                new[] { "version:", spec.Version.ToString() },
                new[] { "compiler:", spec.Compiler.IsNone ? "none" : spec.Compiler.Text },
                new[] { "arch:", spec.Arch },
                new[] { "stacks:", spec.Stacks.ToString() },
                new[] { "variants:", string.Join(" ", spec.Variants.Select(v => v.Text)) },
                new[] { "size:", spec.Size is long size ? size + " bytes" : "unknown" },
                new[] { "tags:", string.Join(", ", match.Select(s => s.Tag)) },
            };
            if (spec.Tarball is string tarball)
            {
                rows.Add(new[] { "tarball:", tarball });
            }

            Text.Table(rows, context.Output);
            return 0;
        }
    }
}
