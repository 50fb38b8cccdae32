using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CoverageGate;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Samples
{
    /// <summary>
    /// The CoverageGate sample: a build tool whose build fails when a node of its Spack environment is no longer in
    /// the cache (its lockfile is a SpackLockfile item; SPG0026 is in WarningsAsErrors). Expectations come from the
    /// lockfile read with System.Text.Json and the sample pages' JSON.
    /// </summary>
    [Collection(Integration.BuildCollection.Name)]
    [Trait("Category", "Integration")]
    public class CoverageGateTests
    {
        private static readonly string Sample = Path.Combine(TestPaths.RepositoryRoot, "samples", "CoverageGate");

        private static readonly string Lockfile = Path.Combine(Sample, "environment", "spack.lock");

        private static readonly OracleSpec[] Pages = Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "samples", "CacheQuery", "pages"), "specs.md", SearchOption.AllDirectories)
            .SelectMany(p => PageOracle.Read(File.ReadAllText(p)))
            .ToArray();

        private static (int Code, string Output, string Error) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CoverageGateApp.Run(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        /// <summary>The sample's project, sources and lockfile in <paramref name="dir"/>, built there against these sources.</summary>
        private static void CopySample(TempDirectory dir)
        {
            foreach (string file in new[] { "CoverageGate.csproj", "Program.cs", "CoverageGateApp.cs", Path.Combine("environment", "spack.lock") })
            {
                dir.Write(file, File.ReadAllText(Path.Combine(Sample, file)));
            }
        }

        [Fact]
        public void The_environment_it_was_built_with_comes_from_the_cache()
        {
            (int version, List<OracleNode> nodes) = LockfileOracle.Read(Lockfile);
            Assert.Equal(4, version);
            Assert.Contains(nodes, n => n.External);

            (int code, string output, string error) = Run(Lockfile);

            Assert.True(code == 0, error);
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(nodes.Count + 1, lines.Length);
            foreach ((OracleNode node, string line) in nodes.Zip(lines))
            {
                string tags = string.Join(", ", Pages.Where(s => s.Hash == node.Hash).Select(s => s.Tag).Distinct());
                Assert.Equal($"{node.Name}@{node.Version} /{node.Hash[..7]}: " + (node.External ? "external" : "cached in " + tags), line);
            }

            Assert.Equal($"{nodes.Count} nodes: {nodes.Count(n => !n.External)} cached, 0 missing, 1 external", lines[^1]);
        }

        [Fact]
        public void Its_build_fails_when_a_node_drops_out_of_the_cache()
        {
            using TempDirectory dir = DotNet.TempDirectory("specgen-gate");
            CopySample(dir);

            string repo = TestPaths.RepositoryRoot + Path.DirectorySeparatorChar;
            (int code, string output) = DotNet.Run(dir.Path, "build", "-nologo", "-v:q", "-p:SpecGenRepo=" + repo);
            Assert.True(code == 0, output);
            Assert.DoesNotContain("SPG00", output, StringComparison.Ordinal);

            // The environment moves zlib-ng to a version the cache does not have: a new hash for it, here and where python depends on it.
            string text = File.ReadAllText(Path.Combine(dir.Path, "environment", "spack.lock"));
            OracleNode zlib = LockfileOracle.Parse(text).Nodes.Single(n => n.Name == "zlib-ng");
            const string NewHash = "aaaabbbbccccddddeeeeffffgggghhhh";
            string edited = text.Replace(zlib.Key, NewHash, StringComparison.Ordinal).Replace("\"version\": \"" + zlib.Version + "\"", "\"version\": \"2.2.5\"", StringComparison.Ordinal);
            string lockPath = dir.Write(Path.Combine("environment", "spack.lock"), edited);
            (int line, int column) = PageEdit.Position(edited, edited.IndexOf("\"" + NewHash + "\": {", StringComparison.Ordinal));

            (code, output) = DotNet.Run(dir.Path, "build", "-nologo", "-v:q", "-p:SpecGenRepo=" + repo);

            Assert.NotEqual(0, code);
            OracleSpec nearest = Pages.Single(s => s.Hash == zlib.Hash && s.Tag == "develop-2025-04-20");
            Assert.Contains($"{lockPath}({line},{column}): error SPG0026: zlib-ng@2.2.5 /aaaabbb is not in the catalog, so it builds from source: the nearest cached binary, /{nearest.Hash[..7]} in {nearest.Tag}, differs in version: wanted 2.2.5, cached {nearest.Versions[0]}", output, StringComparison.Ordinal);
            Assert.Single(output.Split('\n').Where(l => l.Contains("error SPG", StringComparison.Ordinal)).Distinct());

            // The tool built before says the same at run time.
            (int runCode, string runOutput, _) = Run(lockPath);
            Assert.Equal(1, runCode);
            Assert.Contains($"zlib-ng@2.2.5 /aaaabbb: builds from source; the nearest cached binary, /{nearest.Hash[..7]} in {nearest.Tag}, differs in version: wanted 2.2.5, cached {nearest.Versions[0]}", runOutput, StringComparison.Ordinal);
        }

        [Fact]
        public void A_lockfile_item_whose_file_does_not_exist_is_one_error()
        {
            using TempDirectory dir = DotNet.TempDirectory("specgen-gate-absent");
            CopySample(dir);

            // A second lockfile item, misspelt: SPG0027 once, at its path, and not the compiler's CS2001 for the same file.
            string project = File.ReadAllText(Path.Combine(dir.Path, "CoverageGate.csproj"));
            dir.Write("CoverageGate.csproj", project.Replace("<SpackLockfile Include=\"environment/spack.lock\" />", "<SpackLockfile Include=\"environment/spack.lock;environment/spack.lok\" />", StringComparison.Ordinal));

            string repo = TestPaths.RepositoryRoot + Path.DirectorySeparatorChar;
            (int code, string output) = DotNet.Run(dir.Path, "build", "-nologo", "-v:q", "-p:SpecGenRepo=" + repo);

            Assert.NotEqual(0, code);
            string absent = Path.Combine(dir.Path, "environment", "spack.lok");
            Assert.Contains($"{absent}(1,1): error SPG0027: This lockfile cannot be read: the file does not exist", output, StringComparison.Ordinal);
            Assert.DoesNotContain("CS2001", output, StringComparison.Ordinal);
            Assert.Single(output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct());
        }
    }
}
