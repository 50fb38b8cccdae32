extern alias Generator;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Generator::SpecGen.Generator.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SpecGen.CodeFixes;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>SPG0021's code fix: the unknown name in the literal becomes one of the nearest names, one action per name.</summary>
    public class CodeFixTests
    {
        private static readonly TestPage[] Pages =
        {
            TestPaths.CorpusPage("develop-2025-04-20", "py-gast"),
            TestPaths.CorpusPage("develop-2025-04-20", "zlib"),
            TestPaths.CorpusPage("develop-2025-04-20", "zlib-ng"),
        };

        private static readonly Lazy<IReadOnlyDictionary<string, string>> Generated = new Lazy<IReadOnlyDictionary<string, string>>(
            () => GeneratorHarness.Run(Pages, new Dictionary<string, string> { ["RootNamespace"] = "Consumer" }).Sources);

        [Theory]
        [InlineData("SpackCache.Catalog.Where(package: \"py-gsat\")", "\"py-gsat\"", "Package|py-gsat|'py-gast'", "SpackCache.Catalog.Where(package: \"py-gast\")", 0)]
        [InlineData("SpackCache.Catalog.Query(\"py-gsat@0.5: target=aarch64\")", "\"py-gsat@0.5: target=aarch64\"", "Package|py-gsat|'py-gast'", "SpackCache.Catalog.Query(\"py-gast@0.5: target=aarch64\")", 0)]
        [InlineData("SpackCache.Catalog.Query(\"zlib os=ubuntu24.4\")", "\"zlib os=ubuntu24.4\"", "Operating system|ubuntu24.4|'ubuntu24.04' or 'ubuntu20.04' or 'ubuntu22.04'", "SpackCache.Catalog.Query(\"zlib os=ubuntu24.04\")", 0)]
        [InlineData("SpackCache.Catalog.Where(package: \"zlibng\")", "\"zlibng\"", "Package|zlibng|'zlib-ng' or 'zlib'", "SpackCache.Catalog.Where(package: \"zlib\")", 1)]
        [InlineData("SpackCache.Catalog.Where(package: \"zlibng\")", "\"zlibng\"", "Package|zlibng|'zlib-ng' or 'zlib'", "SpackCache.Catalog.Where(package: \"zlib-ng\")", 0)]
        public async Task The_fix_puts_a_nearest_name_in_the_literal(string call, string literal, string message, string fixedCall, int action)
        {
            string[] parts = message.Split('|');
            string source = Wrap(call);
            string expected = Wrap(fixedCall);
            var test = new Test(source, expected) { CodeActionIndex = action };
            int at = source.IndexOf(literal, StringComparison.Ordinal);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SPG0021", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 1, at + 1, 1, at + 1 + literal.Length).WithArguments(parts[0], parts[1], "SpackCache", "; did you mean " + parts[2] + "?"));

            await test.RunAsync();
        }

        [Fact]
        public async Task A_name_with_nothing_near_gets_no_fix()
        {
            string source = Wrap("SpackCache.Catalog.Where(package: \"openfoam\")");
            int at = source.IndexOf("\"openfoam\"", StringComparison.Ordinal);
            var test = new Test(source, source);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SPG0021", DiagnosticSeverity.Warning).WithSpan("/0/Test0.cs", 1, at + 1, 1, at + 11).WithArguments("Package", "openfoam", "SpackCache", string.Empty));
            test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);

            await test.RunAsync();
        }

        private static string Wrap(string call) => "namespace Consumer { static class Uses { static void Run() { " + call + "; } } }";

        private sealed class Test : CSharpCodeFixTest<CatalogUsageAnalyzer, QueryNeverMatchesCodeFix, DefaultVerifier>
        {
            public Test(string source, string fixedSource)
            {
                ReferenceAssemblies = new ReferenceAssemblies("net10.0");
                TestState.MarkupHandling = MarkupMode.None;
                FixedState.MarkupHandling = MarkupMode.None;
                TestState.AdditionalReferences.AddRange(GeneratorHarness.References.Value);
                TestState.Sources.Add(source);
                FixedState.Sources.Add(fixedSource);
                foreach ((string hint, string text) in Generated.Value.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    TestState.Sources.Add(("/" + hint, text));
                    FixedState.Sources.Add(("/" + hint, text));
                }

                if (source == fixedSource)
                {
                    FixedState.AdditionalReferences.AddRange(GeneratorHarness.References.Value);
                    FixedState.InheritanceMode = StateInheritanceMode.Explicit;
                }
            }
        }
    }
}
