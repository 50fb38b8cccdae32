extern alias Generator;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// The generated source of the seed page, compared with stored snapshots by the testing harness: the default
    /// output, the output before C# 11 (constant byte arrays instead of UTF-8 literals), and a custom class name
    /// and namespace.
    /// </summary>
    public class SnapshotTests
    {
        private const string Version = "{GENERATOR_VERSION}";

        public static TheoryData<string, LanguageVersion, string?, string?> Cases => new TheoryData<string, LanguageVersion, string?, string?>
        {
            { "py-gast", LanguageVersion.Latest, null, null },
            { "py-gast.csharp7_3", LanguageVersion.CSharp7_3, null, null },
            { "py-gast.custom-class", LanguageVersion.Latest, "BinaryCache", "Build.Tools" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task Seed_page_generates_the_snapshot_source_and_no_diagnostics(string snapshot, LanguageVersion language, string? className, string? ns)
        {
            TestPage page = TestPage.Create("develop-2025-04-20", "py-gast", TestPaths.CorpusPage("develop-2025-04-20", "py-gast").Text);
            var properties = new Dictionary<string, string> { ["RootNamespace"] = "Consumer" };
            GeneratorHarness.Test test = GeneratorHarness.Verify(page);
            test.LanguageVersion = language;
            if (className is not null)
            {
                properties["SpecGenClassName"] = className;
                test.WithProperty("SpecGenClassName", className);
            }

            if (ns is not null)
            {
                properties["SpecGenNamespace"] = ns;
                test.WithProperty("SpecGenNamespace", ns);
            }

            GeneratorOutput output = GeneratorHarness.Run(new[] { page }, properties, GeneratorHarness.ParseOptions(language));
            Assert.Equal(new[] { "SpackCache.Data.g.cs", "SpackCache.g.cs" }, output.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach ((string hint, string source) in output.Sources)
            {
                string expected = Snapshot.Compare(snapshot + "." + hint, source.Replace(GeneratorVersion, Version, StringComparison.Ordinal));
                test.ExpectSource(hint, expected.Replace(Version, GeneratorVersion, StringComparison.Ordinal));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// A catalog written in chunks (<c>SpecGenChunkPages</c>): the seed page and a v0.22.0 page, one chunk each (a chunk
        /// never spans two tags), each a nested class of its own file, and the index that combines them.
        /// </summary>
        [Fact]
        public async Task Two_tags_in_chunks_generate_the_snapshot_sources()
        {
            TestPage[] pages =
            {
                TestPage.Create("develop-2025-04-20", "py-gast", TestPaths.CorpusPage("develop-2025-04-20", "py-gast").Text),
                TestPage.Create("v0.22.0", "bc", TestPaths.CorpusPage("v0.22.0", "bc").Text),
            };
            var properties = new Dictionary<string, string> { ["RootNamespace"] = "Consumer", ["SpecGenChunkPages"] = "1" };
            GeneratorHarness.Test test = GeneratorHarness.Verify(pages).WithProperty("SpecGenChunkPages", "1");

            GeneratorOutput output = GeneratorHarness.Run(pages, properties);
            Assert.Equal(4, output.Sources.Count);
            Assert.Equal(2, output.Sources.Keys.Count(k => System.Text.RegularExpressions.Regex.IsMatch(k, "^SpackCache\\.Data\\.[0-9a-f]{8}\\.g\\.cs$")));
            foreach ((string hint, string source) in output.Sources)
            {
                string name = hint.StartsWith("SpackCache.Data.", StringComparison.Ordinal) && hint != "SpackCache.Data.g.cs" ? "SpackCache.Data.chunk-" + (source.Contains("v0.22.0", StringComparison.Ordinal) ? "v0.22.0" : "develop") + ".g.cs" : hint;
                string expected = Snapshot.Compare("two-tags.chunked." + name, source.Replace(GeneratorVersion, Version, StringComparison.Ordinal));
                test.ExpectSource(hint, expected.Replace(Version, GeneratorVersion, StringComparison.Ordinal));
            }

            await test.RunAsync();
        }

        /// <summary>
        /// The catalog of the seed page and a v0.22.0 page (exact compilers, tarballs) decoded line by line (header,
        /// sections, tables, pages, specs): a change of the format shows here as readable lines, not as one blob line.
        /// </summary>
        [Fact]
        public void Two_pages_decode_to_the_readable_catalog_snapshot()
        {
            TestPage[] pages = { TestPaths.CorpusPage("develop-2025-04-20", "py-gast"), TestPaths.CorpusPage("v0.22.0", "bc") };

            string dump = CatalogDump.Of(InMemoryCatalog.Encode(pages));

            Snapshot.Compare("py-gast-bc.catalog", dump);
            Assert.Contains("spec 24: compiler=gcc@=11.4.0, hash=acfejrqzukr5is6qjfnzjbjetvcpzkr3", dump, StringComparison.Ordinal);
            Assert.Contains("tarball=https://binaries.spack.io/v0.22.0/build_cache/linux-ubuntu22.04-x86_64_v3/gcc-11.4.0/bc-1.07.1/linux-ubuntu22.04-x86_64_v3-gcc-11.4.0-bc-1.07.1-acfejrqzukr5is6qjfnzjbjetvcpzkr3.spack", dump, StringComparison.Ordinal);
        }

        private static string GeneratorVersion => typeof(Generator::SpecGen.Generator.SpecGenGenerator).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            is [System.Reflection.AssemblyInformationalVersionAttribute a, ..] ? a.InformationalVersion.Split('+')[0] : "0.0.0";
    }
}
