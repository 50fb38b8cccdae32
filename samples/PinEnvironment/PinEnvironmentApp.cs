using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using SpecGen;

namespace PinEnvironment
{
    /// <summary>
    /// Writes a Spack environment (spack.yaml) that pins each requested package to the best cached binary that runs
    /// on a target (or this machine, <c>--host</c>), for an operating system and a stack:
    /// <c>- py-gast@0.5.4 /7u33aejtwnddwzz5674krdvmhbgnqjq5</c>. "Runs on" is archspec's graph: the binary's target
    /// is the target or one of its ancestors. "Best" is the most specific such target first (the most ancestors:
    /// zen3 before x86_64_v3 before x86_64_v2), then the newest version in Spack's order, then the first in catalog
    /// order (snapshot tag, then page order). <c>--exact-target</c> takes only binaries built for the target itself.
    /// <c>--host</c> is this machine: its microarchitecture and, unless <c>--os</c> is given, its operating system.
    /// Exit codes: 0 written; 1 some package has no such binary (each is named) or the file cannot be written; 2 a usage
    /// error (an unknown option, a malformed <c>--compiler</c>, an unknown target). Every error is one line.
    /// </summary>
    public static class PinEnvironmentApp
    {
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            SpecCatalog catalog = SpackCache.Catalog;
            var packages = new Argument<string[]>("packages") { Description = "Packages to pin (e.g. zlib cmake python)", Arity = ArgumentArity.OneOrMore };
            packages.Validators.Add(result =>
            {
                // A package name never starts with '-': such a word is an option this tool does not have.
                foreach (System.CommandLine.Parsing.Token token in result.Tokens)
                {
                    if (token.Value.StartsWith('-'))
                    {
                        result.AddError($"Unrecognized option '{token.Value}'.");
                    }
                }
            });
            var target = new Option<string?>("--target") { Description = "Target the binaries must run on, e.g. zen3 (default: x86_64_v3)" };
            var host = new Option<bool>("--host") { Description = "Pin binaries that run on this machine: its microarchitecture as archspec detects it, and its OS unless --os is given" };
            var exact = new Option<bool>("--exact-target") { Description = "Only binaries built for the target itself, not for its ancestors" };
            var os = new Option<string>("--os") { Description = "Operating system, e.g. ubuntu22.04", DefaultValueFactory = _ => SpackCache.OperatingSystems.Ubuntu22_04 };
            var stack = new Option<string>("--stack") { Description = "Stack whose cache must hold the binary", DefaultValueFactory = _ => SpackCache.Stacks.Root };
            var compiler = new Option<string?>("--compiler") { Description = "Compiler constraint in Spack syntax, e.g. gcc@11:" };
            var file = new Option<FileInfo?>("--output", "-o") { Description = "Where to write spack.yaml (default: standard output)" };
            var root = new RootCommand("Pin packages to cached Spack binaries, chosen at build time from the SpecGen catalog.")
            {
                packages, target, host, exact, os, stack, compiler, file,
            };
            root.SetAction(result =>
            {
                string? named = result.GetValue(target);
                if (named is not null && result.GetValue(host))
                {
                    error.WriteLine("Give --target or --host, not both.");
                    return 2;
                }

                bool osGiven = result.GetResult(os) is { Implicit: false };
                var request = new PinRequest(
                    result.GetValue(packages) ?? Array.Empty<string>(),
                    result.GetValue(host) ? Microarchitecture.Host.Name : named ?? SpackCache.Targets.X86_64V3,
                    result.GetValue(host) && !osGiven ? SpackArch.Current.Os : result.GetValue(os)!,
                    result.GetValue(stack)!,
                    result.GetValue(compiler),
                    result.GetValue(exact));
                return Pin(catalog, request, result.GetValue(file), output, error);
            });

            ParseResult parsed = root.Parse(args);
            try
            {
                int code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
                return parsed.Errors.Count > 0 ? 2 : code;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                error.WriteLine("PinEnvironment: " + ex.Message);
                return 1;
            }
        }

        /// <summary>Chooses a binary per package and writes the environment; returns the exit code.</summary>
        public static int Pin(SpecCatalog catalog, PinRequest request, FileInfo? file, TextWriter output, TextWriter error)
        {
            var problems = new List<string>();
            var pins = new List<Spec>();
            Microarchitecture? target = null;
            if (!request.ExactTarget && !Microarchitecture.TryParse(request.Target, out target))
            {
                error.WriteLine($"'{request.Target}' is not a microarchitecture archspec knows; use --exact-target to match a target by name.");
                return 2;
            }

            if (request.Compiler is not null && !SpecPattern.TryParse("x %" + request.Compiler, out _, out string? syntax))
            {
                error.WriteLine($"--compiler '{request.Compiler}' is not a compiler constraint in Spack syntax (e.g. gcc@11:): {syntax}");
                return 2;
            }

            foreach (string package in request.Packages)
            {
                if (!catalog.Packages.Contains(package))
                {
                    problems.Add($"'{package}' is not in the cache pages this tool was built with");
                    continue;
                }

                SpecQuery query;
                try
                {
                    query = catalog.Query(package + (request.Compiler is null ? string.Empty : " %" + request.Compiler));
                }
                catch (FormatException ex)
                {
                    // Refused where the pages cannot decide (--compiler c, cxx or fortran on a binary of a Spack 1.x compiler).
                    error.WriteLine(ex.Message);
                    return 2;
                }

                if (target is not null)
                {
                    query = query.RunnableOn(target);
                }

                Spec? best = null;
                foreach (Spec spec in query)
                {
                    if ((target is not null || spec.Target == request.Target) && spec.Os == request.Os && spec.Stacks.Contains(request.Stack)
                        && (best is null || IsBetter(spec, best.Value)))
                    {
                        best = spec;
                    }
                }

                if (best is Spec found)
                {
                    pins.Add(found);
                }
                else
                {
                    problems.Add($"'{package}' has no cached binary that {(target is null ? "is built for" : "runs on")} target={request.Target} os={request.Os} stack={request.Stack}"
                        + (request.Compiler is null ? string.Empty : " %" + request.Compiler));
                }
            }

            if (problems.Count > 0)
            {
                foreach (string problem in problems)
                {
                    error.WriteLine(problem);
                }

                return 1;
            }

            string yaml = Environment(request, pins);
            if (file is null)
            {
                output.Write(yaml);
            }
            else
            {
                // A failed write (a full disk, a read-only folder) is one line, and leaves no file that was not there.
                bool existed = File.Exists(file.FullName);
                try
                {
                    File.WriteAllText(file.FullName, yaml, new UTF8Encoding(false));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    error.WriteLine($"Cannot write {file.FullName}: {ex.Message}");
                    if (!existed && File.Exists(file.FullName))
                    {
                        File.Delete(file.FullName);
                    }

                    return 1;
                }

                output.WriteLine($"Pinned {(pins.Count == 1 ? "1 package" : pins.Count + " packages")} in {file.FullName}");
            }

            return 0;
        }

        /// <summary>The most specific target first (the most ancestors in archspec's graph), then the newer version; the earlier entry on a tie.</summary>
        private static bool IsBetter(Spec candidate, Spec best)
        {
            int specificity = Specificity(candidate.Target).CompareTo(Specificity(best.Target));
            return specificity > 0 || (specificity == 0 && candidate.Version > best.Version);
        }

        private static int Specificity(string target) => Microarchitecture.TryParse(target, out Microarchitecture? uarch) ? uarch!.Ancestors.Count : -1;

        /// <summary>The spack.yaml text: one spec per package, pinned by its full hash.</summary>
        public static string Environment(PinRequest request, IReadOnlyList<Spec> pins)
        {
            var yaml = new StringBuilder();
            yaml.Append("# Written by PinEnvironment from the SpecGen catalog: the best cached binary of each package\n");
            yaml.Append(request.ExactTarget ? "# built for target=" : "# that runs on target=").Append(request.Target).Append(" os=").Append(request.Os).Append(" stack=").Append(request.Stack).Append('\n');
            yaml.Append("spack:\n  specs:\n");
            foreach (Spec spec in pins.OrderBy(s => s.Package, StringComparer.Ordinal))
            {
                yaml.Append("  - ").Append(spec.Package).Append('@').Append(spec.Version).Append(" /").Append(spec.Hash)
                    .Append("  # ").Append(spec.Tag).Append(", ").Append(spec.Compiler.Text).Append('\n');
            }

            yaml.Append("  concretizer:\n    unify: true\n");
            return yaml.ToString();
        }
    }

    /// <summary>What to pin, and for which architecture and stack.</summary>
    public sealed record PinRequest(IReadOnlyList<string> Packages, string Target, string Os, string Stack, string? Compiler, bool ExactTarget = false);
}
