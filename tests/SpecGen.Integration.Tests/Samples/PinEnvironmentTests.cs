using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PinEnvironment;
using SpecGen.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Tests.Samples
{
    /// <summary>The PinEnvironment sample: spack.yaml pins each package to its newest matching cached binary.</summary>
    public class PinEnvironmentTests : IClassFixture<SampleCatalogFixture>
    {
        private readonly OracleSpec[] _pages;

        public PinEnvironmentTests(SampleCatalogFixture fixture)
        {
            _pages = fixture.Pages.SelectMany(p => PageOracle.Read(p.Text)).ToArray();
        }

        private static (int Code, string Output, string Error) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = PinEnvironmentApp.Run(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        [Theory]
        [InlineData("x86_64_v3", "ubuntu22.04", "e4s", "zlib", "cmake", "python")]
        [InlineData("aarch64", "ubuntu24.04", "root", "py-gast", "zlib-ng", "python")]
        [InlineData("x86_64_v3", "ubuntu22.04", "root", "py-gast", "bc")]
        [InlineData("zen4", "amzn2", "root", "python", "zlib-ng", "cmake", "hdf5")]
        [InlineData("sapphirerapids", "ubuntu22.04", "root", "python", "zlib-ng")]
        [InlineData("neoverse_v2", "ubuntu24.04", "root", "py-gast", "zlib-ng", "python")]
        public void Each_package_is_pinned_to_the_best_binary_that_runs_on_the_target(string target, string os, string stack, params string[] packages)
        {
            using TempDirectory dir = DotNet.TempDirectory("specgen-pin");
            string file = Path.Combine(dir.Path, "spack.yaml");
            (int code, string output, string error) = Run(packages.Concat(new[] { "--target", target, "--os", os, "--stack", stack, "--output", file }).ToArray());

            Assert.True(code == 0, error);
            Assert.Contains("Pinned " + packages.Length + " packages", output);
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(file)));
            var specs = (YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("spack")]).Children[new YamlScalarNode("specs")];
            string[] pins = specs.Children.Cast<YamlScalarNode>().Select(n => n.Value!).ToArray();

            // The expectation comes from the pages' JSON, archspec's JSON and a second implementation of Spack's version
            // order: among the binaries that run on the target, the most specific target, then the newest version.
            string[] expected = packages.OrderBy(p => p, StringComparer.Ordinal).Select(package =>
            {
                OracleSpec chosen = Best(_pages.Where(s => s.Package == package && ArchspecOracle.Instance.RunsOn(s.Target, target) && s.Os == os && s.Stacks.Contains(stack)));
                return package + "@" + chosen.Versions[0] + " /" + chosen.Hash;
            }).ToArray();
            Assert.Equal(expected, pins);
        }

        [Fact]
        public void The_readme_shows_the_file_its_first_command_writes()
        {
            string readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            const string Command = "dotnet run --project samples/PinEnvironment -- ";
            string line = readme.Split('\n').First(l => l.StartsWith(Command, StringComparison.Ordinal) && l.Contains("-o spack.yaml", StringComparison.Ordinal));
            int start = readme.IndexOf("The first command writes this `spack.yaml`:\n\n```yaml\n", StringComparison.Ordinal);
            Assert.True(start >= 0, "README: the block after the PinEnvironment commands");
            start = readme.IndexOf("```yaml\n", start, StringComparison.Ordinal) + "```yaml\n".Length;
            string shown = readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);

            using TempDirectory dir = DotNet.TempDirectory("specgen-pin");
            string[] args = line.Substring(Command.Length).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string file = Path.Combine(dir.Path, "spack.yaml");
            args[Array.IndexOf(args, "-o") + 1] = file;
            (int code, _, string error) = Run(args);

            Assert.True(code == 0, error);
            Assert.Equal(shown, File.ReadAllText(file));
        }

        /// <summary>The most specific target (most ancestors in archspec's graph), then the newest version, then the first.</summary>
        private static OracleSpec Best(IEnumerable<OracleSpec> candidates)
        {
            OracleSpec[] all = candidates.ToArray();
            Assert.NotEmpty(all);
            return all.Aggregate((best, s) =>
            {
                int specificity = ArchspecOracle.Instance.Ancestors(s.Target).Count.CompareTo(ArchspecOracle.Instance.Ancestors(best.Target).Count);
                return specificity > 0 || (specificity == 0 && SpackVersionOracle.Compare(s.Versions[0], best.Versions[0]) > 0) ? s : best;
            });
        }

        [Fact]
        public void A_more_specific_binary_wins_over_a_newer_generic_one_and_exact_target_keeps_the_old_rule()
        {
            // zen4 runs x86_64_v4 and x86_64_v3 binaries: a package with both (for one OS, in the root stack) pins the x86_64_v4 one.
            (string package, string os) = _pages.Where(s => s.Target == "x86_64_v4" && s.Stacks.Contains("root"))
                .Select(s => (s.Package, s.Os))
                .First(p => _pages.Any(s => s.Package == p.Package && s.Os == p.Os && s.Target == "x86_64_v3" && s.Stacks.Contains("root")));

            (int code, string output, string error) = Run(package, "--target", "zen4", "--os", os);
            Assert.True(code == 0, error);
            OracleSpec v4 = Best(_pages.Where(s => s.Package == package && s.Target == "x86_64_v4" && s.Os == os && s.Stacks.Contains("root")));
            Assert.Contains(package + "@" + v4.Versions[0] + " /" + v4.Hash, output);
            Assert.Contains("# that runs on target=zen4", output);

            (code, output, error) = Run(package, "--target", "x86_64_v3", "--exact-target", "--os", os);
            Assert.True(code == 0, error);
            OracleSpec v3 = Best(_pages.Where(s => s.Package == package && s.Target == "x86_64_v3" && s.Os == os && s.Stacks.Contains("root")));
            Assert.Contains(package + "@" + v3.Versions[0] + " /" + v3.Hash, output);
            Assert.Contains("# built for target=x86_64_v3", output);

            (code, _, error) = Run(package, "--target", "zen4", "--exact-target", "--os", os);
            Assert.Equal(1, code);
            Assert.Contains("has no cached binary that is built for target=zen4", error);
        }

        [Fact]
        public void Host_uses_this_machines_os_unless_os_is_given()
        {
            // Whatever this machine is: the header (or the error) names its OS, and a binary is pinned only when one fits.
            SpackArch here = SpackArch.Current;
            (int code, string output, string error) = Run("zlib-ng", "--host");
            bool runsHere = _pages.Any(s => s.Package == "zlib-ng" && s.Os == here.Os && s.Stacks.Contains("root") && ArchspecOracle.Instance.RunsOn(s.Target, here.Target.Name));
            Assert.Equal(runsHere ? 0 : 1, code);
            Assert.Contains($"target={here.Target.Name} os={here.Os}", runsHere ? output : error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(2, "--compiler 'gcc@@' is not a compiler constraint in Spack syntax", "zlib", "--compiler", "gcc@@")]
        [InlineData(2, "Unrecognized option '--bogus'.", "zlib", "--bogus")]
        [InlineData(1, "Cannot write /dev/full: No space left on device", "zlib", "-o", "/dev/full")]
        [InlineData(1, "Cannot write /no/such/folder/spack.yaml: Could not find a part of the path", "zlib", "-o", "/no/such/folder/spack.yaml")]
        public void Errors_are_one_line_with_the_documented_exit_code(int expected, string message, params string[] args)
        {
            (int code, _, string error) = Run(args);

            Assert.Equal(expected, code);
            Assert.Contains(message, error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists("/no/such/folder"));
        }

        [Fact]
        public void Host_pins_for_this_machine_and_excludes_target()
        {
            (int code, string output, string error) = Run("zlib-ng", "--host", "--os", "ubuntu22.04");
            string host = Microarchitecture.Host.Name;
            bool runsHere = _pages.Any(s => s.Package == "zlib-ng" && s.Os == "ubuntu22.04" && s.Stacks.Contains("root") && ArchspecOracle.Instance.RunsOn(s.Target, host));
            Assert.Equal(runsHere ? 0 : 1, code);
            Assert.Contains("target=" + host, runsHere ? output : error);

            (code, _, error) = Run("zlib-ng", "--host", "--target", "zen3");
            Assert.Equal(2, code);
            Assert.Contains("not both", error);

            (code, _, error) = Run("zlib-ng", "--target", "zen9");
            Assert.Equal(2, code);
            Assert.Contains("'zen9' is not a microarchitecture archspec knows", error);
        }

        [Fact]
        public void Packages_without_a_match_fail_and_are_named()
        {
            (int code, string output, string error) = Run("zlib", "boost", "nosuch", "--target", "aarch64", "--os", "sequoia");

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("'boost' has no cached binary that runs on target=aarch64 os=sequoia stack=root", error);
            Assert.Contains("'nosuch' is not in the cache pages", error);
            Assert.DoesNotContain("'zlib'", error);
        }

        [Fact]
        public void A_compiler_constraint_narrows_the_choice()
        {
            (int code, string output, _) = Run("python", "--compiler", "gcc@12:", "--target", "x86_64_v3", "--os", "ubuntu22.04");

            Assert.Equal(0, code);
            // gcc 12 and later, from the page text: python's binaries for this target and OS built with gcc@13.2.0 or gcc@12.x.
            OracleSpec expected = _pages
                .Where(s => s.Package == "python" && s.Target == "x86_64_v3" && s.Os == "ubuntu22.04" && s.Compiler.StartsWith("gcc@", StringComparison.Ordinal)
                    && SpackVersionOracle.Compare(s.Compiler.Substring(4).TrimStart('='), "12") >= 0)
                .Aggregate((best, s) => SpackVersionOracle.Compare(s.Versions[0], best.Versions[0]) > 0 ? s : best);
            Assert.Contains("python@" + expected.Versions[0] + " /" + expected.Hash, output);
        }
    }
}
