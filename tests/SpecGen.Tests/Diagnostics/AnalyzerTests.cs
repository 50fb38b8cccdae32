extern alias Generator;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Generator::SpecGen.Generator.Analysis;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>The analyzer that warns where a literal handed to a generated catalog can never match.</summary>
    public class AnalyzerTests
    {
        private static readonly TestPage[] Pages =
        {
            TestPaths.CorpusPage("develop-2025-04-20", "py-gast"),
            TestPaths.CorpusPage("develop-2025-04-20", "zlib"),
        };

        private static async Task<Diagnostic[]> Analyze(string body, Microsoft.CodeAnalysis.CSharp.LanguageVersion version = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)
        {
            string source = "namespace Consumer { static class Uses { static void Run() { SpecGen.Spec spec; " + body + " } } }";
            var parse = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(version);
            GeneratorOutput output = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(Pages, new Dictionary<string, string> { ["RootNamespace"] = "Consumer" }, parse),
                GeneratorHarness.NewCompilation(parse, "Consumer", source).WithOptions(GeneratorHarness.NewCompilation().Options.WithNullableContextOptions(version >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable)));
            Compilation compilation = output.Compilation;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CatalogUsageAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        }

        [Fact]
        public async Task Literals_that_match_something_are_quiet()
        {
            Diagnostic[] found = await Analyze(@"
                SpackCache.Catalog.Query(""py-gast@0.5: target=aarch64 os=ubuntu24.04 platform=linux %gcc"");
                SpackCache.Catalog.Query(""zlib /n5mtx7t"");
                SpackCache.Catalog.Where(package: ""zlib"", stack: ""e4s"", target: ""x86_64_v3"", os: ""ubuntu22.04"", platform: ""linux"", tag: ""develop-2025-04-20"");
                SpackCache.Catalog.TryFindByHash(""7u33aej"", out spec);
                SpackCache.Catalog.FindByHash(""7u33aejtwnddwzz5674krdvmhbgnqjq5"");
                SpackCache.Catalog.FindByHash(""a"");");
            Assert.Empty(found);
        }

        [Fact]
        public async Task Unknown_names_in_queries_and_filters_warn_at_the_literal()
        {
            Diagnostic[] found = await Analyze(@"
                SpackCache.Catalog.Query(""py-gsat target=aarch64"");
                SpackCache.Catalog.Query(""zlib os=ubuntu99.04"");
                SpackCache.Catalog.Where(stack: ""e4x"", target: ""x86_64_v3"");");

            Assert.Equal(new[] { "SPG0021", "SPG0021", "SPG0021" }, found.Select(d => d.Id));
            Assert.Equal(DiagnosticSeverity.Warning, found[0].Severity);
            Assert.Equal("Package 'py-gsat' is not in the catalog SpackCache, so this never matches anything", found[0].GetMessage());
            Assert.Equal("\"py-gsat target=aarch64\"", found[0].Location.SourceTree!.GetText().ToString(found[0].Location.SourceSpan));
            Assert.Contains("Operating system 'ubuntu99.04'", found[1].GetMessage());
            Assert.Contains("Stack 'e4x'", found[2].GetMessage());
        }

        [Fact]
        public async Task Every_where_parameter_and_every_query_name_is_checked()
        {
            // One unknown name per Where parameter (from the schema), and per name a query can give.
            string where = string.Concat(SpecGen.Format.Dimensions.All.Select(d => "SpackCache.Catalog.Where(" + d.Parameter + ": \"nosuch-" + d.Parameter + "\");\n"));
            Diagnostic[] found = await Analyze(where + @"
                SpackCache.Catalog.Query(""zlib target=nosuch-target"");
                SpackCache.Catalog.Query(""zlib platform=nosuch-platform"");
                SpackCache.Catalog.Query(""zlib arch=linux-nosuchos-x86_64_v3"");");

            string[] expected = SpecGen.Format.Dimensions.All.Select(d => d.Noun + " 'nosuch-" + d.Parameter + "'")
                .Concat(new[] { "Target 'nosuch-target'", "Platform 'nosuch-platform'", "Operating system 'nosuchos'" })
                .ToArray();
            Assert.Equal(expected.Length, found.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal("SPG0021", found[i].Id);
                Assert.StartsWith(expected[i] + " is not in the catalog SpackCache", found[i].GetMessage());
            }
        }

        [Fact]
        public async Task A_hash_longer_than_a_hash_or_empty_finds_nothing()
        {
            Diagnostic[] found = await Analyze(@"
                SpackCache.Catalog.FindByHash(""7u33aejtwnddwzz5674krdvmhbgnqjq5a"");
                SpackCache.Catalog.TryFindByHash("""", out spec);
                SpackCache.Catalog.TryFindByHash(""7u33aejtwnddwzz5674krdvmhbgnqjq5"", out spec);");

            Assert.Equal(new[] { "SPG0022", "SPG0022" }, found.Select(d => d.Id));
            Assert.Contains("'7u33aejtwnddwzz5674krdvmhbgnqjq5a' matches no spec", found[0].GetMessage());
            Assert.Contains("'' matches no spec", found[1].GetMessage());
        }

        [Fact]
        public async Task Hashes_that_find_nothing_warn()
        {
            Diagnostic[] found = await Analyze(@"
                SpackCache.Catalog.TryFindByHash(""zzzzzzz"", out spec);
                SpackCache.Catalog.TryFindByHash(""c"", out spec);
                SpackCache.Catalog.FindByHash(""/7u33aej"");
                SpackCache.Catalog.Query(""/zzzz"");");

            Assert.Equal(new[] { "SPG0022", "SPG0022", "SPG0022", "SPG0022" }, found.Select(d => d.Id));
            Assert.Contains("matches no spec", found[0].GetMessage());
            Assert.Contains("ambiguous", found[1].GetMessage());
            Assert.Contains("'/7u33aej' matches no spec", found[2].GetMessage());
        }

        [Fact]
        public async Task Malformed_queries_warn_with_the_position()
        {
            Diagnostic[] found = await Analyze(@"SpackCache.Catalog.Query(""py-gast ^python"");");

            Diagnostic d = Assert.Single(found);
            Assert.Equal("SPG0023", d.Id);
            Assert.Contains("position 8", d.GetMessage());
        }

        // The parser the runtime throws from is the analyzer's too: what would throw FormatException warns at build time.
        [Theory]
        [InlineData("hdf5@1.2,", 8)]
        [InlineData("hdf5@=", 4)]
        [InlineData("hdf5 %gcc@1::2", 12)]
        [InlineData("hdf5@1.6:1.4", 4)]
        [InlineData("zlib %gcc+shared", 9)]
        public async Task Malformed_version_lists_and_compiler_attributes_warn(string query, int position)
        {
            Diagnostic[] found = await Analyze("SpackCache.Catalog.Query(\"" + query + "\");");

            Diagnostic d = Assert.Single(found);
            Assert.Equal("SPG0023", d.Id);
            Assert.StartsWith("This query throws FormatException when it runs: position " + position + ":", d.GetMessage());
            Assert.Throws<System.FormatException>(() => SpecPattern.Parse(query));
        }

        [Fact]
        public async Task An_empty_range_spack_accepts_is_no_warning()
        {
            Assert.Empty(await Analyze("SpackCache.Catalog.Query(\"py-gast@2:1\");"));
        }

        [Fact]
        public async Task The_byte_array_form_before_csharp_11_is_read_too()
        {
            Diagnostic[] found = await Analyze(@"SpackCache.Catalog.TryFindByHash(""zzzzzzz"", out spec); SpackCache.Catalog.TryFindByHash(""7u33aej"", out spec);", Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10);

            Assert.Equal("SPG0022", Assert.Single(found).Id);
        }

        [Fact]
        public async Task Non_literal_arguments_and_other_catalogs_are_left_alone()
        {
            Diagnostic[] found = await Analyze(@"
                string name = System.Environment.GetEnvironmentVariable(""X"") ?? ""nope"";
                SpackCache.Catalog.Query(name);
                SpecGen.SpecCatalog other = SpackCache.Catalog;
                other.Query(""nope"");");
            Assert.Empty(found);
        }
    }
}
