using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    public class GeneratorTests
    {
        private static readonly TestPage PyGast = TestPaths.CorpusPage("develop-2025-04-20", "py-gast");

        [Fact]
        public void Seed_page_gives_the_expected_catalog_and_no_diagnostics()
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { PyGast });

            Assert.Empty(output.Diagnostics);
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(output.Compilation);
            Assert.Equal(24, catalog.Count);
            Assert.Equal(12, catalog.Stacks.Count);
            Assert.Equal(3, catalog.Targets.Count);
            Assert.Equal(4, catalog.OperatingSystems.Count);
            Assert.Equal(2, catalog.Platforms.Count);
            Assert.Equal(new[] { "py-gast" }, catalog.Packages.ToArray());
            Assert.Equal(new[] { "develop-2025-04-20" }, catalog.Tags.ToArray());
            Assert.Equal(new[] { "aarch64", "neoverse_v2", "x86_64_v3" }, catalog.Targets.ToArray());
            Assert.Equal(new[] { "darwin", "linux" }, catalog.Platforms.ToArray());
        }

        [Fact]
        public void A_page_with_no_specs_adds_its_package_and_nothing_else_even_as_the_only_page()
        {
            var empty = new TestPage(
                "/p/develop-2025-04-20/empty-pkg/specs.md",
                "---\ntitle: \"empty-pkg\"\nlayout: cache\ncategories: [package, develop-2025-04-20]\n" +
                "meta: {\"compilers\": [], \"num_specs\": 0, \"num_specs_by_stack\": {}, \"oss\": [], \"platforms\": [], \"stacks\": [], \"targets\": [], \"versions\": []}\n" +
                "spec_details: []\n---\n");

            GeneratorOutput withZlib = GeneratorHarness.Run(new[] { empty, TestPaths.CorpusPage("develop-2025-04-20", "zlib") });
            Assert.Empty(withZlib.Diagnostics);
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(withZlib.Compilation);
            Assert.Equal(3, catalog.Count);
            Assert.Equal(new[] { "empty-pkg", "zlib" }, catalog.Packages.ToArray());
            Assert.Empty(catalog.Where(package: "empty-pkg"));

            GeneratorOutput alone = GeneratorHarness.Run(new[] { empty });
            Assert.Empty(alone.Diagnostics);
            SpecCatalog only = GeneratorHarness.LoadCatalog(alone.Compilation);
            Assert.Empty(only);
            Assert.Equal(new[] { "empty-pkg" }, only.Packages.ToArray());
            Assert.False(only.TryFindByHash("aaaaaaa", out _));
            Assert.False(only.TryFindByHash("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", out _));
            Assert.Empty(only.Query("empty-pkg"));
        }

        [Fact]
        public void Typed_members_exist_for_every_name_and_hold_the_name()
        {
            const string Consumer = @"
namespace Consumer
{
    public static class Uses
    {
        public static string[] All => new[]
        {
            SpackCache.Packages.PyGast, SpackCache.Stacks.E4s, SpackCache.Stacks.MlLinuxX86_64Cuda,
            SpackCache.Targets.X86_64V3, SpackCache.Targets.NeoverseV2, SpackCache.OperatingSystems.Ubuntu24_04,
            SpackCache.OperatingSystems.Sequoia, SpackCache.Platforms.Linux, SpackCache.Tags.Develop2025_04_20,
        };
    }
}";
            GeneratorOutput output = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { PyGast }, new Dictionary<string, string> { ["RootNamespace"] = "Consumer" }),
                GeneratorHarness.NewCompilation("Consumer", Consumer));

            Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var uses = GeneratorHarness.Emit(output.Compilation).GetType("Consumer.Uses")!;
            var values = (string[])uses.GetProperty("All")!.GetValue(null)!;
            Assert.Equal(
                new[] { "py-gast", "e4s", "ml-linux-x86_64-cuda", "x86_64_v3", "neoverse_v2", "ubuntu24.04", "sequoia", "linux", "develop-2025-04-20" },
                values);
        }

        [Fact]
        public void A_removed_name_is_a_compile_error()
        {
            const string Consumer = "namespace Consumer { static class Uses { const string X = SpackCache.Packages.Cmake; } }";
            GeneratorOutput output = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new[] { PyGast }, new Dictionary<string, string> { ["RootNamespace"] = "Consumer" }),
                GeneratorHarness.NewCompilation("Consumer", Consumer));

            Diagnostic error = Assert.Single(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.Equal("CS0117", error.Id);
        }

        [Fact]
        public void Class_name_and_namespace_follow_the_msbuild_properties()
        {
            var properties = new Dictionary<string, string>
            {
                ["RootNamespace"] = "Ignored.Root",
                ["SpecGenNamespace"] = "My.Tools",
                ["SpecGenClassName"] = "BinaryCache",
            };
            GeneratorOutput output = GeneratorHarness.Run(new[] { PyGast }, properties);

            Assert.Contains("namespace My.Tools", output.Source);
            Assert.Contains("static partial class BinaryCache", output.Source);
            Assert.NotNull(GeneratorHarness.Emit(output.Compilation).GetType("My.Tools.BinaryCache"));
        }

        /// <summary>
        /// The generated file imports the catalog's namespace for the whole project (C# 10 and later), so code in the
        /// global namespace (top-level statements) finds SpackCache; SpecGenGlobalUsing=false leaves it out, and a
        /// using of the same namespace in a user's file is no warning.
        /// </summary>
        [Theory]
        [InlineData(LanguageVersion.Latest, null, true)]
        [InlineData(LanguageVersion.CSharp10, null, true)]
        [InlineData(LanguageVersion.CSharp9, null, false)]
        [InlineData(LanguageVersion.Latest, "false", false)]
        [InlineData(LanguageVersion.Latest, "true", true)]
        public void The_catalogs_namespace_is_a_global_using_from_csharp_10(LanguageVersion version, string? setting, bool inScope)
        {
            var properties = new Dictionary<string, string> { ["RootNamespace"] = "Build.Tool" };
            if (setting is not null)
            {
                properties["SpecGenGlobalUsing"] = setting;
            }

            CSharpParseOptions parse = GeneratorHarness.ParseOptions(version);
            CSharpCompilation user = GeneratorHarness.NewCompilation(parse, "Consumer",
                "static class TopLevel { public static int Count => SpackCache.Catalog.Count; }",
                "using Build.Tool;\nnamespace Other { static class Qualified { public static int Count => SpackCache.Catalog.Count; } }");
            GeneratorOutput output = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { PyGast }, properties, parse), user);

            Assert.Equal(inScope, output.Source!.Contains("global using global::Build.Tool;", System.StringComparison.Ordinal));
            Diagnostic[] problems = output.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
            if (inScope)
            {
                Assert.Empty(problems);
            }
            else
            {
                Assert.Equal("CS0103", Assert.Single(problems).Id);
            }
        }

        [Fact]
        public void Root_namespace_is_used_when_no_namespace_is_set()
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { PyGast }, new Dictionary<string, string> { ["RootNamespace"] = "Build.Tool" });

            Assert.NotNull(GeneratorHarness.Emit(output.Compilation).GetType("Build.Tool.SpackCache"));
        }

        [Fact]
        public void Additional_files_without_the_page_metadata_are_not_read()
        {
            var readme = new TestPage("/project/README.md", "# not a page");
            GeneratorOutput output = GeneratorHarness.Run(new[] { readme, PyGast }, isPage: path => path == PyGast.Path);

            Assert.Empty(output.Diagnostics);
            Assert.Equal(24, GeneratorHarness.LoadCatalog(output.Compilation).Count);
        }

        [Fact]
        public void No_pages_generate_nothing()
        {
            var readme = new TestPage("/project/README.md", "# not a page");
            GeneratorOutput output = GeneratorHarness.Run(new[] { readme }, isPage: _ => false);

            Assert.Empty(output.Sources);
            Assert.Empty(output.Diagnostics);
        }

        [Fact]
        public void Pages_that_all_have_errors_give_an_empty_catalog()
        {
            var broken = TestPage.Create("v1", "broken", "---\ntitle: broken\n---");
            GeneratorOutput output = GeneratorHarness.Run(new[] { broken });
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(output.Compilation);

            Assert.NotEmpty(output.Errors);
            Assert.Empty(catalog);
            Assert.Empty(catalog.Packages);
            Assert.False(catalog.TryFindByHash("7u33aej", out _));
            Assert.Equal(0, catalog.Where(stack: "root").Count());
            Assert.Empty(catalog.Query("%gcc"));
        }

        [Theory]
        [InlineData(LanguageVersion.CSharp7_3)]
        [InlineData(LanguageVersion.CSharp10)]
        [InlineData(LanguageVersion.CSharp11)]
        [InlineData(LanguageVersion.Latest)]
        public void Every_language_version_gets_code_it_compiles_with_the_same_catalog(LanguageVersion version)
        {
            var parseOptions = new CSharpParseOptions(version);
            GeneratorOutput output = GeneratorHarness.Run(new[] { PyGast }, parseOptions: parseOptions);

            Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(output.Compilation);
            SpecCatalog reference = GeneratorHarness.CompileCatalog(new[] { PyGast });
            Assert.Equal(reference.Select(s => s.ToString()), catalog.Select(s => s.ToString()));
            // A small catalog is a pair of string constants in every language version (UTF-8 literals only past the user-string heap budget).
            Assert.Contains("private static string SpecGenTables => \"", output.Source!, System.StringComparison.Ordinal);
            Assert.DoesNotContain("\"u8;", output.Source!, System.StringComparison.Ordinal);
        }
    }
}
