extern alias Generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Generator::SpecGen.Generator;
using Generator::SpecGen.Generator.Model;
using SpecGen.Scale;
using Xunit;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>The result of one generator run over a set of pages.</summary>
    internal sealed record GeneratorOutput(
        GeneratorDriver Driver,
        Compilation Compilation,
        ImmutableArray<Diagnostic> Diagnostics,
        IReadOnlyDictionary<string, string> Sources)
    {
        public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

        /// <summary>Every generated file, in hint-name order, joined (null when nothing was generated).</summary>
        public string? Source => Sources.Count == 0 ? null : string.Concat(Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));
    }

    /// <summary>
    /// The one way tests run <see cref="SpecGenGenerator"/>: <see cref="Run(GeneratorDriver, Compilation)"/> drives it with
    /// <see cref="CSharpGeneratorDriver"/> (as the IDE and csc do), compiles what it emits and checks on every run that no
    /// pipeline step holds a compiler object; <see cref="Verify"/> runs it through the Microsoft.CodeAnalysis testing
    /// harness, which compares generated sources and diagnostics (ID, severity, spans, arguments) exactly.
    /// </summary>
    internal static class GeneratorHarness
    {
        internal static readonly Lazy<ImmutableArray<MetadataReference>> References = new Lazy<ImmutableArray<MetadataReference>>(LoadReferences);

        /// <summary>SpecGen steps whose values are the compiler's own inputs (the additional files), not SpecGen's models.</summary>
        private static readonly HashSet<string> InputSteps = new HashSet<string>(StringComparer.Ordinal) { PipelineSteps.PageFiles, PipelineSteps.PageTexts };

        private static int s_loads;

        public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) => new CSharpParseOptions(version);

        public static CSharpCompilation NewCompilation(string assemblyName = "Consumer", params string[] sources) => NewCompilation(ParseOptions(), assemblyName, sources);

        public static CSharpCompilation NewCompilation(CSharpParseOptions parseOptions, string assemblyName, params string[] sources)
        {
            return CSharpCompilation.Create(
                assemblyName,
                sources.Select(s => CSharpSyntaxTree.ParseText(s, parseOptions)),
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        public static GeneratorDriver CreateDriver(
            IEnumerable<TestPage> pages,
            IReadOnlyDictionary<string, string>? properties = null,
            CSharpParseOptions? parseOptions = null,
            Func<string, bool>? isPage = null)
        {
            return CreateDriver(pages.Select(p => (AdditionalText)new MemoryAdditionalText(p.Path, p.Text)), properties, parseOptions, isPage);
        }

        public static GeneratorDriver CreateDriver(
            IEnumerable<AdditionalText> texts,
            IReadOnlyDictionary<string, string>? properties = null,
            CSharpParseOptions? parseOptions = null,
            Func<string, bool>? isPage = null)
        {
            return CSharpGeneratorDriver.Create(
                new[] { new SpecGenGenerator().AsSourceGenerator() },
                texts,
                parseOptions ?? ParseOptions(),
                new TestOptionsProvider(properties, isPage),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        }

        /// <summary>
        /// Runs the generator over pages; <paramref name="severities"/> sets per-ID severities as WarningsAsErrors or NoWarn
        /// would, <paramref name="generalOption"/> all warnings' as TreatWarningsAsErrors would.
        /// </summary>
        public static GeneratorOutput Run(
            IEnumerable<TestPage> pages,
            IReadOnlyDictionary<string, string>? properties = null,
            CSharpParseOptions? parseOptions = null,
            Func<string, bool>? isPage = null,
            IReadOnlyDictionary<string, ReportDiagnostic>? severities = null,
            ReportDiagnostic generalOption = ReportDiagnostic.Default)
        {
            GeneratorDriver driver = CreateDriver(pages, properties, parseOptions, isPage);
            CSharpCompilation compilation = NewCompilation(parseOptions ?? ParseOptions(), "Consumer");
            if (parseOptions is not null && parseOptions.LanguageVersion < LanguageVersion.CSharp8)
            {
                compilation = compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable));
            }

            if (severities is not null)
            {
                compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(severities));
            }

            compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(generalOption));

            return Run(driver, compilation);
        }

        public static GeneratorOutput Run(GeneratorDriver driver, Compilation compilation)
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            GeneratorDriverRunResult result = driver.GetRunResult();
            Assert.Empty(result.Results.SelectMany(r => r.Exception is null ? Array.Empty<Exception>() : new[] { r.Exception }));
            AssertNoCompilerObjects(result.Results.Single());
            var sources = result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
            return new GeneratorOutput(driver, output, diagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray(), sources);
        }

        /// <summary>Runs the generator, compiles the result, loads it and returns <c>SpackCache.Catalog</c>.</summary>
        public static SpecCatalog CompileCatalog(IEnumerable<TestPage> pages, IReadOnlyDictionary<string, string>? properties = null, CSharpParseOptions? parseOptions = null)
        {
            GeneratorOutput output = Run(pages, properties, parseOptions);
            Assert.Empty(output.Errors);
            return LoadCatalog(output.Compilation, properties is not null && properties.TryGetValue("SpecGenClassName", out string? name) ? name : "SpackCache");
        }

        public static SpecCatalog LoadCatalog(Compilation compilation, string className = "SpackCache")
        {
            Assembly assembly = Emit(compilation);
            Type type = assembly.GetTypes().Single(t => t.Name == className);
            return (SpecCatalog)type.GetProperty("Catalog")!.GetValue(null)!;
        }

        public static Assembly Emit(Compilation compilation)
        {
            using var stream = new MemoryStream();
            EmitResult result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            // A context per assembly: every test may name its assembly "Consumer". SpecGen.Runtime comes from the default context.
            var context = new AssemblyLoadContext(compilation.AssemblyName + "-" + System.Threading.Interlocked.Increment(ref s_loads), isCollectible: false);
            return context.LoadFromStream(new MemoryStream(stream.ToArray()));
        }

        /// <summary>A harness test over pages (marked as pages, as SpecGen.targets marks them); add expectations and run it.</summary>
        public static Test Verify(params TestPage[] pages) => new Test(pages);

        /// <summary>The list SpecGen.targets writes (SpecGen.inputs): its header, then a line per page and per lockfile.</summary>
        public static string InputListText(IEnumerable<string> pages, IEnumerable<string> lockfiles)
            => InputList.Header + "\n" + string.Concat(pages.Select(p => "page " + p + "\n")) + string.Concat(lockfiles.Select(p => "lockfile " + p + "\n"));

        /// <summary>Fails when any value of a SpecGen step holds a symbol, syntax, compilation, text or location: such values keep compilations alive and defeat caching.</summary>
        public static void AssertNoCompilerObjects(GeneratorRunResult result)
        {
            foreach (KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>> step in result.TrackedSteps.Concat(result.TrackedOutputSteps))
            {
                if (!step.Key.StartsWith("SpecGen.", StringComparison.Ordinal) || InputSteps.Contains(step.Key))
                {
                    continue;
                }

                foreach (object value in step.Value.SelectMany(s => s.Outputs).Select(o => o.Value))
                {
                    AssertNoCompilerObjects(value, step.Key, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }

        private static void AssertNoCompilerObjects(object? value, string step, HashSet<object> seen)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
            {
                return;
            }

            Type type = value.GetType();
            Assert.False(
                value is ISymbol or SyntaxNode or Compilation or SemanticModel or AdditionalText or SourceText or Location or Diagnostic or DiagnosticDescriptor,
                $"{step} holds a {type.Name}");
            if (value is System.Collections.IEnumerable sequence)
            {
                foreach (object? item in sequence)
                {
                    AssertNoCompilerObjects(item, step, seen);
                }

                return;
            }

            if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis.Text", StringComparison.Ordinal) == true)
            {
                return;
            }

            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                AssertNoCompilerObjects(property.GetValue(value), step, seen);
            }
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            return platform
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Append(typeof(SpecCatalog).Assembly.Location)
                .Distinct()
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        /// <summary>
        /// A Microsoft.CodeAnalysis.Testing source generator test for SpecGen: pages as additional files marked
        /// as pages, a global config for settings and severities, references from this runtime (no download).
        /// </summary>
        internal sealed class Test : CSharpSourceGeneratorTest<SpecGenGenerator, DefaultVerifier>
        {
            private readonly StringBuilder _config = new StringBuilder("is_global = true\nbuild_property.RootNamespace = Consumer\n");
            private readonly List<string> _pagePaths = new List<string>();
            private readonly List<string> _lockfilePaths = new List<string>();

            public Test(TestPage[] pages)
            {
                ReferenceAssemblies = new ReferenceAssemblies("net10.0");
                TestState.MarkupHandling = MarkupMode.None;
                TestState.AdditionalReferences.AddRange(References.Value);
                foreach (TestPage page in pages)
                {
                    TestState.AdditionalFiles.Add((page.Path, SourceText.From(page.Text, Encoding.UTF8)));
                    _pagePaths.Add(page.Path);
                }
            }

            public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

            /// <summary>Adds a lockfile as SpecGen.targets passes a SpackLockfile item (an additional file the list names as a lockfile).</summary>
            public Test WithLockfile(string path, string text)
            {
                TestState.AdditionalFiles.Add((path, SourceText.From(text, Encoding.UTF8)));
                _lockfilePaths.Add(path);
                return this;
            }

            /// <summary>Sets an MSBuild property as SpecGen.props passes it to the compiler.</summary>
            public Test WithProperty(string name, string value)
            {
                _config.Append("build_property.").Append(name).Append(" = ").Append(value).Append('\n');
                return this;
            }

            /// <summary>Sets a diagnostic's severity as a .globalconfig does (<c>dotnet_diagnostic.ID.severity</c>).</summary>
            public Test WithSeverity(string id, string severity)
            {
                _config.Append("dotnet_diagnostic.").Append(id).Append(".severity = ").Append(severity).Append('\n');
                return this;
            }

            /// <summary>
            /// Expects a generated file <paramref name="hintName"/> with the text <paramref name="source"/> (in UTF-8 with the
            /// checksum algorithm SpecGen gives its files, which the test framework compares too).
            /// </summary>
            public Test ExpectSource(string hintName, string source)
            {
                TestState.GeneratedSources.Add((typeof(SpecGenGenerator), hintName, SourceText.From(source, Encoding.UTF8, Generator::SpecGen.Generator.Emit.GeneratedText.Checksum)));
                return this;
            }

            /// <summary>Expects a diagnostic.</summary>
            public Test Expect(DiagnosticResult diagnostic)
            {
                ExpectedDiagnostics.Add(diagnostic);
                return this;
            }

            /// <summary>Checks diagnostics only (the generated source is checked elsewhere), with a consumer source that uses nothing, or <paramref name="consumer"/>.</summary>
            public Test DiagnosticsOnly(string consumer = "namespace Consumer { internal static class Uses { } }")
            {
                TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
                TestState.Sources.Add(("/Consumer.cs", consumer));
                return this;
            }

            protected override System.Threading.Tasks.Task RunImplAsync(System.Threading.CancellationToken cancellationToken)
            {
                // As SpecGen.targets lists the SpackCachePage and SpackLockfile items, in an additional file of their own.
                if (_pagePaths.Count + _lockfilePaths.Count > 0)
                {
                    TestState.AdditionalFiles.Add(("/obj/" + InputList.FileName, SourceText.From(InputListText(_pagePaths, _lockfilePaths), Encoding.UTF8)));
                }

                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", _config.ToString()));
                return base.RunImplAsync(cancellationToken);
            }

            protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
        }
    }
}
