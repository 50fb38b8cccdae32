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
        public void Each_package_is_pinned_to_its_newest_matching_binary(string target, string os, string stack, params string[] packages)
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

            // The expectation comes from the pages' JSON and a second implementation of Spack's version order.
            string[] expected = packages.OrderBy(p => p, StringComparer.Ordinal).Select(package =>
            {
                OracleSpec[] candidates = _pages.Where(s => s.Package == package && s.Target == target && s.Os == os && s.Stacks.Contains(stack)).ToArray();
                Assert.NotEmpty(candidates);
                OracleSpec chosen = candidates.Aggregate((best, s) => SpackVersionOracle.Compare(s.Versions[0], best.Versions[0]) > 0 ? s : best);
                return package + "@" + chosen.Versions[0] + " /" + chosen.Hash;
            }).ToArray();
            Assert.Equal(expected, pins);
        }

        [Fact]
        public void Packages_without_a_match_fail_and_are_named()
        {
            (int code, string output, string error) = Run("zlib", "boost", "nosuch", "--target", "aarch64", "--os", "sequoia");

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("'boost' has no cached binary for target=aarch64 os=sequoia stack=root", error);
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
