using System;
using System.Linq;
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
            GeneratorOutput output = GeneratorRunner.Run(new[] { page }, new System.Collections.Generic.Dictionary<string, string> { ["RootNamespace"] = "Consumer" });
            Assert.Equal(new[] { "SpackCache.Data.g.cs", "SpackCache.g.cs" }, output.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
            var test = new HarnessTest(page);
            foreach ((string hint, string source) in output.Sources)
            {
                string snapshot = Snapshot.Compare("py-gast." + hint, source.Replace(GeneratorVersion, Version, StringComparison.Ordinal));
                test.ExpectSource(hint, snapshot.Replace(Version, GeneratorVersion, StringComparison.Ordinal));
            }

            await test.RunAsync();
        }

        private static string GeneratorVersion => typeof(SpecGen.Generator.SpecGenGenerator).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            is [System.Reflection.AssemblyInformationalVersionAttribute a, ..] ? a.InformationalVersion.Split('+')[0] : "0.0.0";
    }
}
