using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Scale;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// A copy of SpecGen's sources (src/Shared, src/Generator, src/Runtime) in memory, edited as a contributor
    /// would edit the files, then compiled: the generator and the runtime built from the copy, the generator run
    /// over pages, its output and a probe compiled against the copied runtime and run, its analyzer run on the
    /// probe. Lets a test follow a recipe of CONTRIBUTING.md literally and see whether each step is needed.
    /// </summary>
    internal sealed class ScratchBuild
    {
        private readonly Dictionary<string, string> _files;

        private ScratchBuild(Dictionary<string, string> files)
        {
            _files = files;
        }

        /// <summary>The sources as they are in the repository.</summary>
        public static ScratchBuild FromRepository()
        {
            var files = SourceCompilation.Sources("Shared", "Generator", "Runtime").ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
            foreach (string api in new[] { "src/Runtime/PublicAPI.Shipped.txt", "src/Runtime/PublicAPI.Unshipped.txt" })
            {
                files[api] = System.IO.File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, api));
            }

            return new ScratchBuild(files);
        }

        public ScratchBuild Clone() => new ScratchBuild(new Dictionary<string, string>(_files, StringComparer.Ordinal));

        /// <summary>The text of a file of the copy.</summary>
        public string Text(string path) => File(path);

        /// <summary>Replaces a whole file of the copy.</summary>
        public void Write(string path, string text) => _files[path] = text;

        /// <summary>Adds lines at the end of a file.</summary>
        public void AppendLines(string path, params string[] lines)
        {
            _files[path] = File(path).TrimEnd('\n') + "\n" + string.Join("\n", lines) + "\n";
        }

        /// <summary>Inserts <paramref name="text"/> on its own line(s) after the line holding <paramref name="anchor"/> (which must be there exactly once).</summary>
        public void InsertAfterLine(string path, string anchor, string text)
        {
            string source = File(path);
            int at = Single(source, anchor, path);
            int end = source.IndexOf('\n', at) + 1;
            _files[path] = source.Substring(0, end) + text + "\n" + source.Substring(end);
        }

        /// <summary>Inserts <paramref name="text"/> on its own line(s) before the line holding <paramref name="anchor"/> (which must be there exactly once).</summary>
        public void InsertBeforeLine(string path, string anchor, string text)
        {
            string source = File(path);
            int at = Single(source, anchor, path);
            int start = source.LastIndexOf('\n', at) + 1;
            _files[path] = source.Substring(0, start) + text + "\n" + source.Substring(start);
        }

        /// <summary>Replaces the one occurrence of <paramref name="find"/>.</summary>
        public void Replace(string path, string find, string replacement)
        {
            string source = File(path);
            int at = Single(source, find, path);
            _files[path] = source.Substring(0, at) + replacement + source.Substring(at + find.Length);
        }

        /// <summary>Adds <paramref name="parameter"/> at the end of the parameter list on the line holding <paramref name="signature"/>.</summary>
        public void AppendParameter(string path, string signature, string parameter)
        {
            string source = File(path);
            int at = Single(source, signature, path);
            int close = source.LastIndexOf(')', source.IndexOf('\n', at));
            _files[path] = source.Substring(0, close) + ", " + parameter + source.Substring(close);
        }

        /// <summary>Adds <paramref name="item"/> at the end of the array initializer that follows <paramref name="declaration"/>.</summary>
        public void AppendToArray(string path, string declaration, string item)
        {
            string source = File(path);
            int at = Single(source, declaration, path);
            int close = source.IndexOf(" };", at, StringComparison.Ordinal);
            _files[path] = source.Substring(0, close) + ", " + item + source.Substring(close);
        }

        /// <summary>Compiles the generator and the runtime; null with the errors when either fails.</summary>
        public Compiled? Compile(out string errors)
        {
            // The project file's AssemblyMetadata item (the diagnostics' help links), as MSBuild would write it.
            var metadata = ("AssemblyInfo.cs", "[assembly: System.Reflection.AssemblyMetadata(\"SpecGenDiagnosticsDocs\", \"https://example.org/docs/diagnostics.md\")]");
            CSharpCompilation generator = SourceCompilation.Compile("SpecGen.Generator", Sources("src/Shared/", "src/Generator/").Append(metadata));
            CSharpCompilation runtime = SourceCompilation.Compile("SpecGen.Runtime", Sources("src/Shared/", "src/Runtime/"));
            errors = (SourceCompilation.Errors(generator) + "\n" + SourceCompilation.Errors(runtime)).Trim();
            if (errors.Length == 0)
            {
                // The runtime's build runs the public API analyzer: a public change missing from PublicAPI.*.txt fails it.
                errors = string.Join("\n", PublicApiDiagnostics(runtime));
            }

            if (errors.Length > 0)
            {
                return null;
            }

            return new Compiled(Emit(generator), Emit(runtime));
        }

        private IEnumerable<(string Path, string Text)> Sources(params string[] prefixes)
        {
            return _files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal) && prefixes.Any(p => f.Key.StartsWith(p, StringComparison.Ordinal))).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value));
        }

        /// <summary>RS0016/RS0017 and the analyzer's other findings on the runtime, with the copy's PublicAPI files.</summary>
        private IEnumerable<Diagnostic> PublicApiDiagnostics(Compilation runtime)
        {
            Assembly analyzers = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "PublicApiAnalyzers", "Microsoft.CodeAnalysis.PublicApiAnalyzers.dll"));
            ImmutableArray<DiagnosticAnalyzer> instances = analyzers.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            ImmutableArray<AdditionalText> files = _files.Where(f => f.Key.StartsWith("src/Runtime/PublicAPI.", StringComparison.Ordinal))
                .Select(f => (AdditionalText)new MemoryAdditionalText(f.Key, f.Value))
                .ToImmutableArray();
            return runtime.WithAnalyzers(instances, new AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
                .Where(d => d.Id.StartsWith("RS", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning);
        }

        private string File(string path) => _files.TryGetValue(path, out string? text) ? text : throw new InvalidOperationException("No source " + path);

        private static int Single(string source, string anchor, string path)
        {
            int at = source.IndexOf(anchor, StringComparison.Ordinal);
            if (at < 0 || source.IndexOf(anchor, at + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException("The anchor '" + anchor + "' is not in " + path + " exactly once.");
            }

            return at;
        }

        private static byte[] Emit(Compilation compilation)
        {
            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }

            return stream.ToArray();
        }

        /// <summary>The generator and the runtime built from the copy.</summary>
        internal sealed class Compiled
        {
            public Compiled(byte[] generator, byte[] runtime)
            {
                Generator = generator;
                Runtime = runtime;
            }

            public byte[] Generator { get; }

            public byte[] Runtime { get; }

            /// <summary>
            /// Runs the copied generator over <paramref name="pages"/> (root namespace Consumer) with <paramref name="probe"/>
            /// in the compilation. Returns the errors of the output (empty when it compiles), the copied analyzer's
            /// diagnostics on it, and the probe's static <c>Run()</c> result when it compiles.
            /// </summary>
            public (string Errors, ImmutableArray<Diagnostic> Analyzer, string? Output) Run(IEnumerable<TestPage> pages, string probe)
            {
                var context = new ScratchContext();
                try
                {
                    Assembly generatorAssembly = context.Add(Generator);
                    context.Add(Runtime);
                    var generator = (IIncrementalGenerator)Activator.CreateInstance(generatorAssembly.GetType("SpecGen.Generator.SpecGenGenerator", throwOnError: true)!)!;
                    var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(generatorAssembly.GetType("SpecGen.Generator.Analysis.CatalogUsageAnalyzer", throwOnError: true)!)!;
                    GeneratorDriver driver = CSharpGeneratorDriver.Create(
                        new[] { generator.AsSourceGenerator() },
                        pages.Select(p => (AdditionalText)new MemoryAdditionalText(p.Path, p.Text)),
                        new CSharpParseOptions(LanguageVersion.Latest),
                        new TestOptionsProvider(new Dictionary<string, string> { ["RootNamespace"] = "Consumer" }));
                    CSharpCompilation consumer = SourceCompilation.Compile("Consumer", new[] { ("Probe.cs", probe) }, new[] { MetadataReference.CreateFromImage(Runtime) });
                    driver.RunGeneratorsAndUpdateCompilation(consumer, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
                    string errors = string.Join("\n", generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error));
                    ImmutableArray<Diagnostic> analyzed = output.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                    if (errors.Length > 0)
                    {
                        return (errors, analyzed, null);
                    }

                    using var stream = new MemoryStream();
                    output.Emit(stream);
                    Assembly probeAssembly = context.Add(stream.ToArray());
                    object? result = probeAssembly.GetType("Probe", throwOnError: true)!.GetMethod("Run")!.Invoke(null, null);
                    return (string.Empty, analyzed, (string?)result);
                }
                finally
                {
                    context.Unload();
                }
            }
        }

        /// <summary>Loads the copied assemblies; SpecGen.Runtime and SpecGen.Generator resolve to them, Roslyn and the rest to this process's.</summary>
        private sealed class ScratchContext : AssemblyLoadContext
        {
            private readonly Dictionary<string, Assembly> _own = new Dictionary<string, Assembly>(StringComparer.Ordinal);

            public ScratchContext()
                : base("scratch", isCollectible: true)
            {
            }

            public Assembly Add(byte[] image)
            {
                Assembly assembly = LoadFromStream(new MemoryStream(image));
                _own[assembly.GetName().Name!] = assembly;
                return assembly;
            }

            protected override Assembly? Load(AssemblyName assemblyName) => _own.TryGetValue(assemblyName.Name!, out Assembly? assembly) ? assembly : null;
        }
    }
}
