using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// SpecGen's own sources compiled in memory (the generator: src/Generator and src/Shared; the runtime: src/Runtime
    /// and src/Shared), against this test host's runtime, Roslyn and YamlDotNet: for tests that read the code's
    /// symbols (the stage order) or compile edited copies of it (the contributor recipes).
    /// </summary>
    internal static class SourceCompilation
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new Lazy<ImmutableArray<MetadataReference>>(LoadReferences);

        /// <summary>The source files of a folder under src/ (bin and obj left out), as (path relative to the repository, text).</summary>
        public static IReadOnlyList<(string Path, string Text)> Sources(params string[] folders)
        {
            var files = new List<(string, string)>();
            foreach (string folder in folders)
            {
                string root = Path.Combine(TestPaths.RepositoryRoot, "src", folder);
                foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    string relative = Path.GetRelativePath(TestPaths.RepositoryRoot, file).Replace('\\', '/');
                    if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    files.Add((relative, File.ReadAllText(file)));
                }
            }

            return files;
        }

        /// <summary>A library compilation of <paramref name="sources"/> (preprocessor symbols as the project defines them).</summary>
        public static CSharpCompilation Compile(string assemblyName, IEnumerable<(string Path, string Text)> sources, IEnumerable<MetadataReference>? extra = null, params string[] symbols)
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: symbols);
            SyntaxTree[] trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path)).ToArray();
            return CSharpCompilation.Create(
                assemblyName,
                trees,
                References.Value.AddRange(extra ?? Array.Empty<MetadataReference>()),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        }

        /// <summary>The errors of a compilation, one per line (empty when it compiles).</summary>
        public static string Errors(Compilation compilation)
        {
            return string.Join(Environment.NewLine, compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            string[] wanted = { "System.", "Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.dll", "YamlDotNet.dll" };
            return platform
                .Where(p => wanted.Any(w => Path.GetFileName(p).StartsWith(w, StringComparison.Ordinal)) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Where(p => !Path.GetFileName(p).StartsWith("SpecGen", StringComparison.Ordinal))
                .Distinct()
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }
    }
}
