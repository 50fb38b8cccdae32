extern alias Generator;

using System;
using System.Collections.Generic;
using System.Linq;
using Generator::SpecGen.Generator;
using Microsoft.CodeAnalysis;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// <c>SpecGenPackageConstants=false</c>: the API has no constant per package (each constant costs every later build
    /// about 0.22 ms under the project's analyzers, over a second at one snapshot's 6,000 packages), while the catalog, the
    /// other constants classes and the package count in the docs stay as they are.
    /// </summary>
    public class PackageConstantsTests
    {
        private static readonly TestPage[] Pages =
        {
            TestPaths.CorpusPage("develop-2025-04-20", "zlib-ng"),
            TestPaths.CorpusPage("develop-2025-04-20", "zlib"),
            TestPaths.CorpusPage("v0.22.0", "bc"),
        };

        private static readonly Dictionary<string, string> Off = new() { ["SpecGenPackageConstants"] = "false" };

        [Fact]
        public void Without_package_constants_the_catalog_and_the_other_constants_are_the_same()
        {
            GeneratorOutput on = GeneratorHarness.Run(Pages);
            GeneratorOutput off = GeneratorHarness.Run(Pages, Off);

            Assert.Empty(off.Diagnostics);
            string api = off.Sources[ApiHint(off)];
            string packages = ClassBody(api, "Packages");
            Assert.DoesNotContain("public const string", packages, StringComparison.Ordinal);
            Assert.Contains("SpecGenPackageConstants", api, StringComparison.Ordinal);
            Assert.Contains("public const string ZlibNg = \"zlib-ng\";", ClassBody(on.Sources[ApiHint(on)], "Packages"), StringComparison.Ordinal);

            // Every other constants class, and the class summary's counts, are the same with and without.
            Assert.Equal(WithoutPackages(on.Sources[ApiHint(on)]), WithoutPackages(api));
            Assert.Contains("3 packages", api, StringComparison.Ordinal);

            // The data is not part of the API: the same bytes, the same catalog.
            Assert.Equal(on.Sources.Where(s => s.Key != ApiHint(on)), off.Sources.Where(s => s.Key != ApiHint(off)));
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(off.Compilation);
            Assert.Equal(GeneratorHarness.LoadCatalog(on.Compilation).Select(s => s.Hash), catalog.Select(s => s.Hash));
        }

        [Fact]
        public void Without_package_constants_package_names_cannot_collide()
        {
            // zlib_ng and zlib-ng would both be ZlibNg (SPG0017): with no package constants there is no identifier to share.
            TestPage other = TestPage.Create("develop-2025-04-13", "zlib_ng", TestPaths.CorpusPage("develop-2025-04-20", "zlib-ng").Text
                .Replace("title: \"zlib-ng\"", "title: \"zlib_ng\"").Replace("develop-2025-04-20", "develop-2025-04-13"));
            TestPage[] pages = { TestPaths.CorpusPage("develop-2025-04-20", "zlib-ng"), other };

            Assert.Contains(GeneratorHarness.Run(pages).Diagnostics, d => d.Id == "SPG0017");
            Assert.DoesNotContain(GeneratorHarness.Run(pages, Off).Diagnostics, d => d.Id == "SPG0017");
        }

        [Theory]
        [InlineData("true", true)]
        [InlineData("False", false)]
        [InlineData("no", true)]
        public void The_property_is_a_flag_and_a_bad_value_keeps_the_constants_with_SPG0020(string value, bool constants)
        {
            GeneratorOutput output = GeneratorHarness.Run(Pages, new Dictionary<string, string> { ["SpecGenPackageConstants"] = value });

            Assert.Equal(constants, ClassBody(output.Sources[ApiHint(output)], "Packages").Contains("public const string", StringComparison.Ordinal));
            Diagnostic[] warnings = output.Diagnostics.Where(d => d.Id == "SPG0020").ToArray();
            Assert.Equal(value == "no" ? 1 : 0, warnings.Length);
            Assert.All(warnings, w => Assert.Contains("SpecGenPackageConstants", w.GetMessage(), StringComparison.Ordinal));
        }

        private static string ApiHint(GeneratorOutput output) => output.Sources.Keys.Single(k => k == "SpackCache.g.cs");

        /// <summary>The text of a nested constants class, from its declaration to the next one's.</summary>
        private static string ClassBody(string api, string className)
        {
            int start = api.IndexOf("public static partial class " + className, StringComparison.Ordinal);
            Assert.True(start >= 0, className);
            int end = api.IndexOf("public static partial class ", start + 1, StringComparison.Ordinal);
            return end < 0 ? api.Substring(start) : api.Substring(start, end - start);
        }

        /// <summary>The API source without the packages class (its summary and body).</summary>
        private static string WithoutPackages(string api)
        {
            int declaration = api.IndexOf("public static partial class Packages", StringComparison.Ordinal);
            int summary = api.LastIndexOf("/// <summary>", declaration, StringComparison.Ordinal);
            int nextDeclaration = api.IndexOf("public static partial class ", declaration + 1, StringComparison.Ordinal);
            int next = api.LastIndexOf("/// <summary>", nextDeclaration, StringComparison.Ordinal);
            return api.Substring(0, summary) + api.Substring(next);
        }
    }
}
