using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using SpecGen;
using Spectre.Console;

namespace CacheQuery
{
    /// <summary>The commands of the tool, over <see cref="SpackCache.Catalog"/>.</summary>
    public static class CacheQueryApp
    {
        /// <summary>Runs the tool with <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            SpecCatalog catalog = SpackCache.Catalog;

            var package = new Option<string?>("--package") { Description = "Only specs of this package (e.g. py-gast)" };
            var stack = new Option<string?>("--stack") { Description = "Only specs in this stack (e.g. e4s)" };
            var target = new Option<string?>("--target") { Description = "Only specs for this target (e.g. aarch64)" };
            var os = new Option<string?>("--os") { Description = "Only specs for this operating system (e.g. ubuntu24.04)" };
            var platform = new Option<string?>("--platform") { Description = "Only specs for this platform (e.g. linux)" };
            var tag = new Option<string?>("--tag") { Description = "Only specs of this snapshot tag (e.g. develop-2025-04-20)" };
            var json = new Option<bool>("--json") { Description = "One JSON object per spec per line, with the page's keys and values" };
            var runnableOn = new Option<string?>("--runnable-on") { Description = "Only binaries that run on this microarchitecture (e.g. zen3), or on this machine with 'host'" };
            var list = new Command("list", "List the specs that match every given filter")
            {
                package, stack, target, os, platform, tag, runnableOn, json,
            };
            list.SetAction(result =>
            {
                var filter = new Filter(
                    result.GetValue(package),
                    result.GetValue(stack),
                    result.GetValue(target),
                    result.GetValue(os),
                    result.GetValue(platform),
                    result.GetValue(tag));
                return ListCommand.Run(catalog, filter, result.GetValue(runnableOn), result.GetValue(json), output, error);
            });

            var hash = new Argument<string>("hash") { Description = "A full hash or a unique prefix of one (as in spack's /hash)" };
            var show = new Command("show", "Show one spec in Spack syntax, with its details") { hash };
            show.SetAction(result => ShowCommand.Run(catalog, result.GetValue(hash) ?? string.Empty, output, error));

            var constraint = new Argument<string>("constraint") { Description = "A Spack spec constraint, e.g. \"py-gast@0.5: %gcc@11: target=aarch64\"" };
            var queryJson = new Option<bool>("--json") { Description = "One JSON object per spec per line" };
            var queryRunnableOn = new Option<string?>("--runnable-on") { Description = "Only binaries that run on this microarchitecture (e.g. zen3), or on this machine with 'host'" };
            var query = new Command("query", "List the specs that satisfy a Spack spec constraint, newest version first") { constraint, queryRunnableOn, queryJson };
            query.SetAction(result => QueryCommand.Run(catalog, result.GetValue(constraint) ?? string.Empty, result.GetValue(queryRunnableOn), result.GetValue(queryJson), output, error));

            var cpuinfo = new Option<FileInfo?>("--cpuinfo") { Description = "Detect from a saved Linux /proc/cpuinfo instead of this machine" };
            var sysctl = new Option<FileInfo?>("--sysctl") { Description = "Detect from saved macOS sysctl output (key: value lines) instead of this machine" };
            var machine = new Option<string?>("--machine") { Description = "What uname -m says on the machine of the report (x86_64, aarch64, ppc64le, riscv64)" };
            var host = new Command("host", "Show this machine as Spack names it (platform-os-target) and the targets whose binaries run on it") { cpuinfo, sysctl, machine };
            host.SetAction(result => HostCommand.Run(result.GetValue(cpuinfo), result.GetValue(sysctl), result.GetValue(machine), output, error));

            var stats = new Command("stats", "Count the specs per snapshot tag, stack, target and operating system");
            stats.SetAction(_ => StatsCommand.Run(catalog, output));

            var root = new RootCommand("Query the Spack build cache pages compiled into this tool by SpecGen.") { list, show, query, stats, host };
            // Exit codes: 0 success, 1 nothing found, 2 a usage error (System.CommandLine's message and the usage); an
            // error that is not a usage error (an unreadable --cpuinfo file) is one line, never a stack trace.
            ParseResult parsed = root.Parse(args);
            try
            {
                int code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
                return parsed.Errors.Count > 0 ? 2 : code;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                error.WriteLine("CacheQuery: " + ex.Message);
                return 1;
            }
        }

        /// <summary>A Spectre console that writes to <paramref name="writer"/>, wide enough for a table when redirected.</summary>
        internal static IAnsiConsole Console(TextWriter writer)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer),
                Ansi = AnsiSupport.Detect,
                ColorSystem = ColorSystemSupport.Detect,
            });
            if (ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected)
            {
                return console;
            }

            console.Profile.Width = 200;
            return console;
        }
    }

    /// <summary>The filters of <c>list</c>: null means any.</summary>
    internal sealed record Filter(string? Package, string? Stack, string? Target, string? Os, string? Platform, string? Tag)
    {
        /// <summary>Names a filter value the catalog does not hold, with the values it does hold.</summary>
        public string? FindUnknown(SpecCatalog catalog)
        {
            return Unknown("package", Package, catalog.Packages)
                ?? Unknown("stack", Stack, catalog.Stacks)
                ?? Unknown("target", Target, catalog.Targets)
                ?? Unknown("operating system", Os, catalog.OperatingSystems)
                ?? Unknown("platform", Platform, catalog.Platforms)
                ?? Unknown("snapshot tag", Tag, catalog.Tags);
        }

        private static string? Unknown(string what, string? value, NameList known)
        {
            if (value is null || known.Contains(value))
            {
                return null;
            }

            IEnumerable<string> close = known.Where(k => k.Contains(value, StringComparison.OrdinalIgnoreCase) || value.Contains(k, StringComparison.OrdinalIgnoreCase));
            string hint = close.Any() ? "did you mean " + string.Join(", ", close.Take(5)) + "?" : "known: " + string.Join(", ", known.Take(12)) + (known.Count > 12 ? ", ..." : string.Empty);
            return "The catalog has no " + what + " '" + value + "'; " + hint;
        }
    }
}
