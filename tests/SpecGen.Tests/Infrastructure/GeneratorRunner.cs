using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using SpecGen.Generator;
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

    /// <summary>Drives <see cref="SpecGenGenerator"/> with <see cref="CSharpGeneratorDriver"/> and compiles what it emits.</summary>
    internal static class GeneratorRunner
    {
        internal static readonly Lazy<ImmutableArray<MetadataReference>> References = new Lazy<ImmutableArray<MetadataReference>>(LoadReferences);

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

        public static GeneratorOutput Run(
            IEnumerable<TestPage> pages,
            IReadOnlyDictionary<string, string>? properties = null,
            CSharpParseOptions? parseOptions = null,
            Func<string, bool>? isPage = null)
        {
            GeneratorDriver driver = CreateDriver(pages, properties, parseOptions, isPage);
            CSharpCompilation compilation = NewCompilation();
            if (parseOptions is not null && parseOptions.LanguageVersion < LanguageVersion.CSharp8)
            {
                compilation = compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable));
            }

            return Run(driver, compilation);
        }

        public static GeneratorOutput Run(GeneratorDriver driver, Compilation compilation)
        {
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            GeneratorDriverRunResult result = driver.GetRunResult();
            Assert.Empty(result.Results.SelectMany(r => r.Exception is null ? Array.Empty<Exception>() : new[] { r.Exception }));
            var sources = result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
            return new GeneratorOutput(driver, output, diagnostics.AddRange(result.Diagnostics).Distinct().ToImmutableArray(), sources);
        }

        /// <summary>Runs the generator, compiles the result, loads it and returns <c>SpackCache.Catalog</c>.</summary>
        public static SpecCatalog CompileCatalog(IEnumerable<TestPage> pages, IReadOnlyDictionary<string, string>? properties = null, CSharpParseOptions? parseOptions = null)
        {
            GeneratorOutput output = Run(pages, properties, parseOptions);
            Assert.Empty(output.Errors);
            return LoadCatalog(output.Compilation, (properties is not null && properties.TryGetValue("SpecGenClassName", out string? name) ? name : "SpackCache"));
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
    }
}
