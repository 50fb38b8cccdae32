using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Architecture
{
    /// <summary>
    /// Every MSBuild property a project can set for SpecGen (read by the package's targets, or handed to the generator as a
    /// compiler-visible property) has a row in the README's MSBuild table: a property added without its documentation fails.
    /// </summary>
    public class PackagePropertyTests
    {
        [Fact]
        public void Every_property_the_package_reads_is_in_the_readmes_msbuild_table()
        {
            string build = Path.Combine(TestPaths.RepositoryRoot, "src", "Package", "build");
            string text = File.ReadAllText(Path.Combine(build, "SpecGen.props")) + File.ReadAllText(Path.Combine(build, "SpecGen.targets"));
            string[] properties = Regex.Matches(text, @"\$\((SpecGen[A-Za-z]+)\)|<CompilerVisibleProperty Include=""(SpecGen[A-Za-z]+)""")
                .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                .Distinct()
                .OrderBy(p => p, System.StringComparer.Ordinal)
                .ToArray();
            string readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));

            Assert.Contains("SpecGenPageStamps", properties);
            Assert.Contains("SpecGenClassName", properties);
            Assert.All(properties, p => Assert.Contains("| `" + p + "` |", readme, System.StringComparison.Ordinal));
        }
    }
}
