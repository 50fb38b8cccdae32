using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Infrastructure.PageEdit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>
    /// A page enters the catalog when none of its diagnostics is an error in this build, by the severity the project
    /// gives each one (.globalconfig, WarningsAsErrors, NoWarn, TreatWarningsAsErrors), not by the defaults.
    /// </summary>
    public class SeverityTests
    {
        private static readonly TestPage PyGast = TestPage.Create("develop-2025-04-20", "py-gast", TestPaths.CorpusPage("develop-2025-04-20", "py-gast").Text);

        /// <summary>Compiles only when the catalog has both zlib and py-gast.</summary>
        private const string UsesBothPages = "namespace Consumer { internal static class Uses { public const string A = SpackCache.Packages.Zlib; public const string B = SpackCache.Packages.PyGast; } }";

        private static TestPage WrongCount => Zlib with { Text = Replace(Zlib.Text, "\"num_specs\": 3", "\"num_specs\": 4") };

        [Fact]
        public async Task A_global_config_that_lowers_an_error_keeps_the_page_with_a_warning()
        {
            TestPage page = WrongCount;
            var four = SpanOf(page.Text, "4", Occurrence(page.Text, "4", IndexOf(page.Text, "\"num_specs\": 4") + "\"num_specs\": ".Length));

            // The consumer uses zlib's constant: it compiles only if the page is in the catalog.
            await GeneratorHarness.Verify(page, PyGast).WithSeverity("SPG0009", "warning").DiagnosticsOnly(UsesBothPages)
                .Expect(new DiagnosticResult("SPG0009", DiagnosticSeverity.Warning).WithSpan(page.Path, four.Line, four.Column, four.EndLine, four.EndColumn).WithArguments("4", "3"))
                .RunAsync();
        }

        [Fact]
        public void WarningsAsErrors_style_options_decide_too()
        {
            GeneratorOutput lowered = GeneratorHarness.Run(new[] { WrongCount, PyGast }, severities: new Dictionary<string, ReportDiagnostic> { ["SPG0009"] = ReportDiagnostic.Warn });
            Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(lowered.Diagnostics).Severity);
            Assert.Equal(27, GeneratorHarness.LoadCatalog(lowered.Compilation).Count);

            GeneratorOutput suppressed = GeneratorHarness.Run(new[] { WrongCount, PyGast }, severities: new Dictionary<string, ReportDiagnostic> { ["SPG0009"] = ReportDiagnostic.Suppress });
            Assert.Empty(suppressed.Diagnostics);
            Assert.Equal(new[] { "py-gast", "zlib" }, GeneratorHarness.LoadCatalog(suppressed.Compilation).Packages.ToArray());

            GeneratorOutput byDefault = GeneratorHarness.Run(new[] { WrongCount, PyGast });
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(byDefault.Diagnostics).Severity);
            Assert.Equal(new[] { "py-gast" }, GeneratorHarness.LoadCatalog(byDefault.Compilation).Packages.ToArray());
        }

        [Fact]
        public void A_warning_raised_to_an_error_leaves_the_page_out()
        {
            TestPage unknownKey = Zlib with { Text = Replace(Zlib.Text, "layout: cache", "layout: cache\npermalink: /zlib/") };

            GeneratorOutput raised = GeneratorHarness.Run(new[] { unknownKey, PyGast }, severities: new Dictionary<string, ReportDiagnostic> { ["SPG0005"] = ReportDiagnostic.Error });
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(raised.Diagnostics).Severity);
            Assert.Equal(new[] { "py-gast" }, GeneratorHarness.LoadCatalog(raised.Compilation).Packages.ToArray());

            GeneratorOutput warnAsError = GeneratorHarness.Run(new[] { unknownKey, PyGast }, generalOption: ReportDiagnostic.Error);
            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(warnAsError.Diagnostics).Severity);
            Assert.Equal(new[] { "py-gast" }, GeneratorHarness.LoadCatalog(warnAsError.Compilation).Packages.ToArray());

            GeneratorOutput exempt = GeneratorHarness.Run(
                new[] { unknownKey, PyGast },
                severities: new Dictionary<string, ReportDiagnostic> { ["SPG0005"] = ReportDiagnostic.Default },
                generalOption: ReportDiagnostic.Error);
            Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(exempt.Diagnostics).Severity);
            Assert.Equal(new[] { "py-gast", "zlib" }, GeneratorHarness.LoadCatalog(exempt.Compilation).Packages.ToArray());
        }

        [Fact]
        public async Task An_unreadable_page_is_left_out_whatever_the_severity_and_SPG0025_says_so()
        {
            TestPage page = Zlib with { Text = Replace(Zlib.Text, "layout: cache", "layout: [cache") };
            Diagnostic yaml = Assert.Single(Find("SPG0002", page));
            var at = SpanOf(yaml.Location);

            await GeneratorHarness.Verify(page, PyGast).WithSeverity("SPG0002", "warning").DiagnosticsOnly()
                .Expect(new DiagnosticResult("SPG0002", DiagnosticSeverity.Warning).WithSpan(page.Path, at.Line, at.Column, at.EndLine, at.EndColumn).WithArguments(yaml.GetMessage().Substring("YAML syntax error: ".Length)))
                .Expect(new DiagnosticResult("SPG0025", DiagnosticSeverity.Warning).WithSpan(page.Path, at.Line, at.Column, at.EndLine, at.EndColumn).WithArguments("SPG0002: " + yaml.GetMessage()))
                .RunAsync();

            GeneratorOutput output = GeneratorHarness.Run(new[] { page, PyGast }, severities: new Dictionary<string, ReportDiagnostic> { ["SPG0002"] = ReportDiagnostic.Suppress });
            Diagnostic leftOut = Assert.Single(output.Diagnostics);
            Assert.Equal("SPG0025", leftOut.Id);
            Assert.Equal(new[] { "py-gast" }, GeneratorHarness.LoadCatalog(output.Compilation).Packages.ToArray());
        }

        [Fact]
        public void SPG0025_is_not_reported_while_the_cause_is_an_error()
        {
            TestPage page = Zlib with { Text = Replace(Zlib.Text, "layout: cache", "layout: [cache") };
            Assert.Equal(new[] { "SPG0002" }, GeneratorHarness.Run(new[] { page }).Diagnostics.Select(d => d.Id));
        }

        [Fact]
        public void Cross_page_duplicates_follow_the_severity_too()
        {
            var second = new TestPage("/pages/more/develop-2025-04-20/zlib/specs.md", Zlib.Text);
            GeneratorOutput byDefault = GeneratorHarness.Run(new[] { Zlib, second });
            Assert.Equal(new[] { "SPG0012" }, byDefault.Diagnostics.Select(d => d.Id));
            Assert.Equal(3, GeneratorHarness.LoadCatalog(byDefault.Compilation).Count);

            GeneratorOutput lowered = GeneratorHarness.Run(
                new[] { Zlib, second },
                severities: new Dictionary<string, ReportDiagnostic> { ["SPG0012"] = ReportDiagnostic.Warn, ["SPG0008"] = ReportDiagnostic.Warn });
            Assert.Equal(new[] { "SPG0008", "SPG0008", "SPG0008", "SPG0012" }, lowered.Diagnostics.Select(d => d.Id).OrderBy(id => id));
            SpecCatalog both = GeneratorHarness.LoadCatalog(lowered.Compilation);
            Assert.Equal(6, both.Count);
            Assert.Equal(2, both.FindByHash("n5mtx7tcrev5nt4dbzvbri2q63mt6d3f").Count);
        }

        private static int Occurrence(string text, string token, int at)
        {
            int occurrence = 0;
            for (int i = text.IndexOf(token, System.StringComparison.Ordinal); i >= 0 && i < at; i = text.IndexOf(token, i + 1, System.StringComparison.Ordinal))
            {
                occurrence++;
            }

            return occurrence;
        }
    }
}
