using System;
using System.IO;
using System.Threading.Tasks;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>The generated source of the seed page, compared with a stored snapshot by the testing harness.</summary>
    public class SnapshotTests
    {
        private const string Version = "{GENERATOR_VERSION}";

        [Fact]
        public async Task Seed_page_generates_the_snapshot_source_and_no_diagnostics()
        {
            TestPage page = TestPage.Create("develop-2025-04-20", "py-gast", TestPaths.CorpusPage("develop-2025-04-20", "py-gast").Text);
            string actual = GeneratorRunner.Run(new[] { page }, new System.Collections.Generic.Dictionary<string, string> { ["RootNamespace"] = "Consumer" }).Source!;
            string snapshot = Snapshot.Compare("py-gast.SpackCache.g.cs", actual.Replace(GeneratorVersion, Version, StringComparison.Ordinal));

            await new HarnessTest(page).ExpectSource(snapshot.Replace(Version, GeneratorVersion, StringComparison.Ordinal)).RunAsync();
        }

        private static string GeneratorVersion => typeof(SpecGen.Generator.SpecGenGenerator).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            is [System.Reflection.AssemblyInformationalVersionAttribute a, ..] ? a.InformationalVersion.Split('+')[0] : "0.0.0";
    }
}
