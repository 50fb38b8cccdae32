using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Infrastructure.PageEdit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>
    /// Every rule that leaves a page out of the catalog, each with a page that raises that diagnostic and no other:
    /// the generated catalog lacks that page and keeps the rest, and its clean twin (the same pages without the fault)
    /// has them all. The catalog is loaded from the generator's output, which a build with the error would not run.
    /// </summary>
    public class PageLeftOutTests
    {
        private static readonly TestPage PyGast = TestPaths.CorpusPage("develop-2025-04-20", "py-gast");

        public static TheoryData<string, string> Rules => new TheoryData<string, string>
        {
            { "SPG0008", "a page whose hash another page of its tag lists" },
            { "SPG0012", "a second page for one package and tag" },
            { "SPG0009", "a page whose count disagrees with its specs" },
            { "SPG0007", "a page with an invalid hash" },
            { "SPG0003", "a page without a required key" },
        };

        [Theory]
        [MemberData(nameof(Rules))]
        public void The_page_with_the_fault_is_left_out_and_the_rest_stay(string id, string what)
        {
            (TestPage faulty, TestPage[] others) = Case(id);

            GeneratorOutput output = GeneratorHarness.Run(others.Append(faulty));
            Assert.True(output.Diagnostics.All(d => d.Id == id) && output.Diagnostics.Length > 0, what + ": " + string.Join(", ", output.Diagnostics.Select(d => d.Id)));
            Assert.All(output.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(output.Compilation);

            int expected = others.Sum(p => PageOracle.Read(p.Text).Count);
            Assert.Equal(expected, catalog.Count);
            Assert.Equal(others.Select(p => PageOracle.Read(p.Text)[0].Tag + "/" + PageOracle.Read(p.Text)[0].Package).OrderBy(n => n, StringComparer.Ordinal), catalog.Select(s => s.Tag + "/" + s.Package).Distinct().OrderBy(n => n, StringComparer.Ordinal));

            // Nor do its names enter the API: a name only the left-out page has gets no constant; the kept pages' do.
            Assert.Contains("public const string PyGast = \"py-gast\";", output.Source, StringComparison.Ordinal);
            string onlyThere = id switch { "SPG0008" => "zlib-copy", "SPG0012" => "ubuntu99.04", _ => "zlib" };
            Assert.DoesNotContain(" = \"" + onlyThere + "\";", output.Source, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(Rules))]
        public void The_clean_twin_keeps_every_page(string id, string what)
        {
            (_, TestPage[] others) = Case(id);
            TestPage twin = Twin(id);

            GeneratorOutput output = GeneratorHarness.Run(others.Append(twin));
            Assert.True(output.Diagnostics.IsEmpty, what + ": " + string.Join(", ", output.Diagnostics.Select(d => d.Id)));
            Assert.Equal(others.Append(twin).Sum(p => PageOracle.Read(p.Text).Count), GeneratorHarness.LoadCatalog(output.Compilation).Count);
        }

        /// <summary>The faulty page and the pages that stay (for the cross-page rules, the page it clashes with is one of them).</summary>
        private static (TestPage Faulty, TestPage[] Others) Case(string id)
        {
            switch (id)
            {
                case "SPG0008":
                    return (TestPage.Create("develop-2025-04-20", "zlib-copy", Zlib.Text.Replace("title: \"zlib\"", "title: \"zlib-copy\"", StringComparison.Ordinal)), new[] { Zlib, PyGast });
                case "SPG0012":
                    // A second zlib page whose one ubuntu24.04 spec is on an OS no other page has, and whose hashes are
                    // its own (written backwards): only the page check can find it, not the hash check.
                    string second = WithOwnHashes(Zlib.Text.Replace("ubuntu24.04", "ubuntu99.04", StringComparison.Ordinal));
                    return (new TestPage("/pages/more/develop-2025-04-20/zlib/specs.md", second), new[] { Zlib, PyGast });
                case "SPG0009":
                    return (Zlib with { Text = Replace(Zlib.Text, "\"num_specs\": 3", "\"num_specs\": 4") }, new[] { PyGast });
                case "SPG0007":
                    return (Zlib with { Text = Replace(Zlib.Text, "n5mtx7tcrev5nt4dbzvbri2q63mt6d3f", "n5mtx7tcrev5nt4dbzvbri2q63mt6d3!") }, new[] { PyGast });
                default:
                    return (Zlib with { Text = Replace(Zlib.Text, "\"os\": \"ubuntu24.04\", ", string.Empty) }, new[] { PyGast });
            }
        }

        /// <summary>The faulty page without its fault: another package's page, or the page as it was.</summary>
        private static TestPage Twin(string id)
        {
            return id is "SPG0008" or "SPG0012"
                ? TestPaths.CorpusPage("develop-2025-04-20", "zlib-ng")
                : Zlib;
        }
    }
}
