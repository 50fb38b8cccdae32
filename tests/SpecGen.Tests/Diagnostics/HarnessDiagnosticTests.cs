using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Diagnostics.PageEdit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>Diagnostics checked by the Roslyn testing harness: ID, severity, span, additional location and message arguments.</summary>
    public class HarnessDiagnosticTests
    {
        [Fact]
        public async Task SPG0009_through_the_harness()
        {
            TestPage page = Zlib with { Text = Replace(Zlib.Text, "\"num_specs\": 3", "\"num_specs\": 4") };
            (int line, int column) = Position(page.Text, IndexOf(page.Text, "\"num_specs\": 4") + 13);
            var test = new HarnessTest(page).DiagnosticsOnly();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SPG0009", DiagnosticSeverity.Error)
                .WithSpan(page.Path, line, column, line, column + 1)
                .WithArguments("4", "3"));

            await test.RunAsync();
        }

        [Fact]
        public async Task SPG0008_names_both_places_through_the_harness()
        {
            TestPage page = Zlib with { Text = Replace(Zlib.Text, "ond7f4eo2eiga5qnm3yuwxu5ynerhruv", "n5mtx7tcrev5nt4dbzvbri2q63mt6d3f") };
            var first = SpanOf(page.Text, "\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"");
            var second = SpanOf(page.Text, "\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"", 1);
            var test = new HarnessTest(page).DiagnosticsOnly();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SPG0008", DiagnosticSeverity.Error)
                .WithSpan(page.Path, second.Line, second.Column, second.EndLine, second.EndColumn)
                .WithSpan(page.Path, first.Line, first.Column, first.EndLine, first.EndColumn)
                .WithArguments("n5mtx7tcrev5nt4dbzvbri2q63mt6d3f", "develop-2025-04-20"));

            await test.RunAsync();
        }

        [Fact]
        public async Task SPG0005_warning_through_the_harness()
        {
            TestPage page = Zlib with { Text = Replace(Zlib.Text, "layout: cache", "layout: cache\nredirect_from: /zlib") };
            var test = new HarnessTest(page).DiagnosticsOnly();
            test.ExpectedDiagnostics.Add(new DiagnosticResult("SPG0005", DiagnosticSeverity.Warning)
                .WithSpan(page.Path, 4, 1, 4, 14)
                .WithArguments("redirect_from", string.Empty));

            await test.RunAsync();
        }
    }
}
