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

        private static Task<Diagnostic[]> Analyze(string body, Microsoft.CodeAnalysis.CSharp.LanguageVersion version = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)
        {
            return AnalyzeSource("namespace Consumer { static class Uses { static void Run() { SpecGen.Spec spec; " + body + " } } }", version);
        }

        private static async Task<Diagnostic[]> AnalyzeSource(string source, Microsoft.CodeAnalysis.CSharp.LanguageVersion version = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest, OutputKind kind = OutputKind.DynamicallyLinkedLibrary)
        {
            var parse = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(version);
            GeneratorOutput output = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(Pages, new Dictionary<string, string> { ["RootNamespace"] = "Consumer" }, parse),
                GeneratorHarness.NewCompilation(parse, "Consumer", source).WithOptions(GeneratorHarness.NewCompilation().Options.WithOutputKind(kind).WithNullableContextOptions(version >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable)));
            Compilation compilation = output.Compilation;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            ImmutableArray<Diagnostic> diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CatalogUsageAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToArray();
        }

        [Fact]
        public async Task Computed_arguments_read_no_catalog_and_a_kept_driver_reads_it_once()
        {
            var parse = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);
            var properties = new Dictionary<string, string> { ["RootNamespace"] = "Consumer" };
            const string Computed = "namespace Consumer { static class Uses { static bool Run(string h) { SpecGen.Spec spec; SpackCache.Catalog.Query(h); SpackCache.Catalog.Where(package: h, target: h); return SpackCache.Catalog.TryFindByHash(h, out spec); } } }";
            const string Literal = "namespace Consumer { static class Uses { static bool Run() { SpecGen.Spec spec; return SpackCache.Catalog.TryFindByHash(\"zzzzzzz\", out spec); } } }";

            // Calls whose arguments are computed: nothing to check, and the catalog is not read back.
            GeneratorOutput computed = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Pages, properties, parse), GeneratorHarness.NewCompilation(parse, "FactsComputed", Computed));
            Assert.Empty(await AnalyzerDiagnostics(computed.Compilation));
            Assert.False(CatalogFacts.ReadsByAssembly.ContainsKey("FactsComputed"));

            // A literal: read once; a C# edit with the kept driver (the same generated texts, parsed again) reads it no more.
            GeneratorOutput first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Pages, properties, parse), GeneratorHarness.NewCompilation(parse, "FactsKept", Literal));
            Assert.Equal(new[] { "SPG0022" }, (await AnalyzerDiagnostics(first.Compilation)).Select(d => d.Id));
            Assert.Equal(1, CatalogFacts.ReadsByAssembly["FactsKept"]);
            GeneratorOutput edited = GeneratorHarness.Run(first.Driver, GeneratorHarness.NewCompilation(parse, "FactsKept", Literal, "class Edited { }"));
            Assert.Equal(new[] { "SPG0022" }, (await AnalyzerDiagnostics(edited.Compilation)).Select(d => d.Id));
            Assert.Equal(1, CatalogFacts.ReadsByAssembly["FactsKept"]);

            // A new catalog (a page more): new generated trees, read again.
            GeneratorOutput grown = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Pages.Append(TestPaths.CorpusPage("develop-2025-04-20", "zlib-ng")), properties, parse), GeneratorHarness.NewCompilation(parse, "FactsKept", Literal));
            Assert.Equal(new[] { "SPG0022" }, (await AnalyzerDiagnostics(grown.Compilation)).Select(d => d.Id));
            Assert.Equal(2, CatalogFacts.ReadsByAssembly["FactsKept"]);
        }

        [Fact]
        public async Task Specs_versions_and_compilers_are_read_only_for_a_query_that_has_them()
        {
            var parse = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);
            var properties = new Dictionary<string, string> { ["RootNamespace"] = "Consumer" };
            const string Names = "namespace Consumer { static class Uses { static void Run() { SpecGen.Spec spec; SpackCache.Catalog.TryFindByHash(\"zzzzzzz\", out spec); SpackCache.Catalog.Where(package: \"zlibb\"); SpackCache.Catalog.Query(\"zlib target=x86_64_v3\"); } } }";
            GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Pages, properties, parse), GeneratorHarness.NewCompilation(parse, "FactsSpecs", Names));

            Assert.Equal(new[] { "SPG0022", "SPG0021" }, (await AnalyzerDiagnostics(output.Compilation)).OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));
            INamedTypeSymbol catalog = output.Compilation.GetTypeByMetadataName("Consumer.SpackCache")!;
            CatalogFacts facts = CatalogFacts.For(catalog, default)!;
            Assert.False(facts.SpecsRead);

            // A version in a query: the specs are read (once, into the same kept facts).
            Assert.False(facts.HasVersion("zlib", Generator::SpecGen.Format.VersionListValue.Parse("9.9", out _)!));
            Assert.True(facts.SpecsRead);
            Assert.True(facts.HasVersion("zlib", Generator::SpecGen.Format.VersionListValue.Parse("1.3", out _)!));
            Assert.True(facts.HasCompiler("zlib", "gcc", Generator::SpecGen.Format.VersionListValue.Parse("13", out _)));
            Assert.False(facts.HasCompiler("zlib", "gcc", Generator::SpecGen.Format.VersionListValue.Parse("99", out _)));
        }

        private static async Task<Diagnostic[]> AnalyzerDiagnostics(Compilation compilation)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return (await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CatalogUsageAnalyzer())).GetAnalyzerDiagnosticsAsync()).ToArray();
        }

        [Fact]
        public async Task Literals_that_match_something_are_quiet()
        {
            Diagnostic[] found = await Analyze(@"
                SpackCache.Catalog.Query(""py-gast@0.5: target=aarch64 os=ubuntu24.04 platform=linux"");
                SpackCache.Catalog.Query(""zlib@1.3 target=x86_64_v3 %gcc@13"");
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
            Assert.Equal("Package 'py-gsat' is not in the catalog SpackCache, so this never matches anything; did you mean 'py-gast'?", found[0].GetMessage());
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

        /// <summary>
        /// Issue 21: what the shared parser refuses warns at build time too (a virtual root, '%' on a package that is not a
        /// compiler, a reserved name without a host), with invisible characters escaped; what it accepts (Spack's '*',
        /// 'None' parts, reserved names with a host) is quiet.
        /// </summary>
        [Fact]
        public async Task Refusals_of_the_newest_rules_warn_and_what_spack_accepts_is_quiet()
        {
            Diagnostic[] found = await Analyze(@"
                SpackCache.Catalog.Query(""mpi"");
                SpackCache.Catalog.Query(""zlib %cmake"");
                SpackCache.Catalog.Query(""zlib os=default_os"");
                SpecGen.SpecPattern.Parse(""zlib\u0007"");
                SpackCache.Catalog.Query(""zlib os=default_os target=default_target"", SpecGen.SpackArch.Current);
                SpecGen.SpecPattern.Parse(""zlib target=fe"", SpecGen.SpackArch.Current);
                SpackCache.Catalog.Query(""zlib os=* platform=* target=x86_64_v3,*"");
                SpackCache.Catalog.Query(""zlib ~os arch=linux--"");
                SpackCache.Catalog.Query(""zlib arch=linux-None-None ~os"");
                SpackCache.Catalog.Query(""builtin.zlib %%gcc %[virtuals=c] gcc"");");

            Assert.Equal(new[] { "SPG0023", "SPG0023", "SPG0023", "SPG0023", "SPG0021" }, found.Select(d => d.Id));
            Assert.Contains("position 0: 'mpi' is a virtual package", found[0].GetMessage());
            Assert.Contains("position 5: 'cmake' is not a compiler", found[1].GetMessage());
            Assert.Contains("SpecCatalog.Query(query, host)", found[2].GetMessage());
            Assert.Contains("unexpected character 'U+0007'", found[3].GetMessage());
            Assert.DoesNotContain("\u0007", found[3].GetMessage(), System.StringComparison.Ordinal);

            // '~os' after another architecture attribute is the OS named 'False' (Spec._set_architecture), which no spec has.
            Assert.StartsWith("Operating system 'False' is not in the catalog", found[4].GetMessage());
        }

        /// <summary>Spack accepts an empty range (no FormatException, so no SPG0023), and it selects nothing: SPG0021 says so.</summary>
        [Fact]
        public async Task An_empty_range_spack_accepts_warns_that_it_matches_nothing()
        {
            Diagnostic d = Assert.Single(await Analyze("SpackCache.Catalog.Query(\"py-gast@2:1\");"));

            Assert.Equal("Version 'py-gast@2:1' is not in the catalog SpackCache for that package, so this never matches anything", d.GetMessage());
            Assert.Empty(InMemoryCatalog.From(Pages).Query("py-gast@2:1"));
        }

        [Fact]
        public async Task The_byte_array_form_before_csharp_11_is_read_too()
        {
            Diagnostic[] found = await Analyze(@"SpackCache.Catalog.TryFindByHash(""zzzzzzz"", out spec); SpackCache.Catalog.TryFindByHash(""7u33aej"", out spec);", Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10);

            Assert.Equal("SPG0022", Assert.Single(found).Id);
        }

        [Fact]
        public async Task Non_literal_arguments_parameters_and_combined_catalogs_are_not_checked_against_the_catalog()
        {
            Diagnostic[] found = await AnalyzeSource(@"namespace Consumer { static class Uses {
                static void Run(SpecGen.SpecCatalog given) {
                    string name = System.Environment.GetEnvironmentVariable(""X"") ?? ""nope"";
                    SpackCache.Catalog.Query(name);
                    given.Query(""nope"");
                    given.Where(package: ""nope"");
                    SpecGen.SpecCatalog.Combine(SpackCache.Catalog, given).Query(""nope"");
                    SpecGen.SpecCatalog reassigned = SpackCache.Catalog;
                    reassigned = given;
                    reassigned.Query(""nope"");
                } } }");
            Assert.Empty(found);
        }

        [Fact]
        public async Task Receivers_traced_to_the_generated_catalog_are_checked()
        {
            Diagnostic[] found = await AnalyzeSource(@"namespace Consumer { static class Uses {
                static readonly SpecGen.SpecCatalog Field = SpackCache.Catalog;
                static SpecGen.SpecCatalog Property => Field;
                static void Run() {
                    var local = SpackCache.Catalog;
                    SpecGen.SpecCatalog copy = (local);
                    local.Query(""py-gsat"");
                    copy.Where(os: ""ubuntu99.04"");
                    Field.Query(""zlib target=nosuch"");
                    Property.TryFindByHash(""zzzzzzz"", out SpecGen.Spec spec);
                } } }");

            Assert.Equal(new[] { "SPG0021", "SPG0021", "SPG0021", "SPG0022" }, found.Select(d => d.Id));
            Assert.StartsWith("Package 'py-gsat'", found[0].GetMessage());
            Assert.StartsWith("Operating system 'ubuntu99.04'", found[1].GetMessage());
            Assert.StartsWith("Target 'nosuch'", found[2].GetMessage());
        }

        [Fact]
        public async Task Parameters_are_traced_when_every_caller_in_the_file_passes_the_generated_catalog()
        {
            Diagnostic[] found = await AnalyzeSource(@"namespace Consumer { static class Uses {
                static readonly SpecGen.SpecCatalog Field = SpackCache.Catalog;
                static void Run() {
                    Pick(SpackCache.Catalog);
                    Pick(Field);
                    Local(SpackCache.Catalog);
                    void Local(SpecGen.SpecCatalog local) => local.Where(os: ""ubuntu99.04"");
                    Mixed(SpackCache.Catalog);
                    Mixed(SpecGen.SpecCatalog.Combine(SpackCache.Catalog, SpackCache.Catalog));
                    System.Action<SpecGen.SpecCatalog> group = AsGroup;
                    AsGroup(SpackCache.Catalog);
                    Reassigned(SpackCache.Catalog);
                }
                private static void Pick(SpecGen.SpecCatalog catalog) => catalog.Query(""py-gsat"");
                private static void Mixed(SpecGen.SpecCatalog catalog) => catalog.Query(""nope"");
                private static void AsGroup(SpecGen.SpecCatalog catalog) => catalog.Query(""nope"");
                private static void Reassigned(SpecGen.SpecCatalog catalog) { catalog = SpecGen.SpecCatalog.Combine(catalog, catalog); catalog.Query(""nope""); }
                public static void Open(SpecGen.SpecCatalog catalog) => catalog.Query(""nope"");
                } }");

            Assert.Equal(new[] { "SPG0021", "SPG0021" }, found.Select(d => d.Id));
            Assert.StartsWith("Operating system 'ubuntu99.04'", found[0].GetMessage());
            Assert.StartsWith("Package 'py-gsat'", found[1].GetMessage());
        }

        [Fact]
        public async Task Locals_of_top_level_statements_are_traced_as_the_readme_writes_them()
        {
            Diagnostic[] found = await AnalyzeSource(
                @"using SpecGen;
                using Consumer;
                SpecCatalog catalog = SpackCache.Catalog;
                foreach (Spec spec in catalog.Query(""py-gsat""))
                {
                    System.Console.WriteLine(spec);
                }

                SpecCatalog other = SpackCache.Catalog;
                other = SpecCatalog.Combine(other, other);
                other.Query(""nope"");",
                kind: OutputKind.ConsoleApplication);

            Assert.Equal(new[] { "SPG0021" }, found.Select(d => d.Id));
            Assert.StartsWith("Package 'py-gsat'", found[0].GetMessage());
        }

        [Fact]
        public async Task Malformed_queries_warn_whatever_the_receiver()
        {
            Diagnostic[] found = await AnalyzeSource(@"namespace Consumer { static class Uses {
                static void Run(SpecGen.SpecCatalog given) {
                    given.Query(""py-gast ^python"");
                    SpecGen.SpecPattern.Parse(""zlib@1.2,"");
                    SpecGen.SpecPattern.Parse(""zlib@1.2:"");
                } } }");

            Assert.Equal(new[] { "SPG0023", "SPG0023" }, found.Select(d => d.Id));
            Assert.Contains("position 8", found[0].GetMessage());
            Assert.Contains("position 8", found[1].GetMessage());
        }

        [Fact]
        public async Task Unknown_tags_in_diff_warn()
        {
            Diagnostic[] found = await Analyze(@"
                SpackCache.Catalog.Diff(""develop-2025-04-02"", ""develop-2025-04-20"");");

            Diagnostic d = Assert.Single(found);
            Assert.Equal("Snapshot tag 'develop-2025-04-02' is not in the catalog SpackCache, so this never matches anything; did you mean 'develop-2025-04-20'?", d.GetMessage());
        }

        /// <summary>Versions and compilers no spec of the package has (py-gast: 0.5.4, compiler none; zlib: 1.3.1, gcc 11.4.0 and 13.2.0, apple-clang 16.0.0), and their clean twins.</summary>
        [Fact]
        public async Task Versions_and_compilers_no_spec_has_warn()
        {
            Diagnostic[] found = await Analyze(@"
                SpackCache.Catalog.Query(""zlib@9.9"");
                SpackCache.Catalog.Query(""zlib %gcc@99"");
                SpackCache.Catalog.Query(""zlib %intel"");
                SpackCache.Catalog.Query(""py-gast %gcc"");
                SpackCache.Catalog.Query(""@7:"");
                SpackCache.Catalog.Query(""zlib@1.3 %gcc@13"");
                SpackCache.Catalog.Query(""zlib@:1.3.1 %apple-clang@16:"");
                SpackCache.Catalog.Query(""%gcc@11.4.0"");
                SpackCache.Catalog.Query(""zlib %c"");");

            Assert.Equal(
                new[]
                {
                    "Version 'zlib@9.9' is not in the catalog SpackCache for that package, so this never matches anything",
                    "Compiler 'gcc@99' is not in the catalog SpackCache for that package, so this never matches anything",
                    "Compiler 'intel' is not in the catalog SpackCache for that package, so this never matches anything",
                    "Compiler 'gcc' is not in the catalog SpackCache for that package, so this never matches anything",
                    "Version '@7:' is not in the catalog SpackCache, so this never matches anything",
                },
                found.Select(d => d.GetMessage()));
            Assert.Empty(InMemoryCatalog.From(Pages).Query("zlib %gcc@99"));
        }
    }
}
