using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Integration
{
    /// <summary>
    /// Every C# block of README.md, built and run as written: in a project made by <c>dotnet new console</c>, with the
    /// package source added as the README says, the README's project items, and the corpus pages as <c>spack/</c>. A
    /// comment that shows output (<c>// py-gast@0.5.4 ...</c>) must be what the program prints.
    /// </summary>
    [Collection(BuildCollection.Name)]
    [Trait("Category", "Integration")]
    public class ReadmeSnippetTests
    {
        private static readonly string Readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));

        private readonly PackageFixture _package;

        public ReadmeSnippetTests(PackageFixture package)
        {
            _package = package;
        }

        /// <summary>The fenced blocks of a language, their indentation (inside a list) removed.</summary>
        private static List<string> Blocks(string language)
        {
            var blocks = new List<string>();
            foreach (Match match in Regex.Matches(Readme, "(?m)^( *)```" + language + "\n(.*?)\n *```", RegexOptions.Singleline))
            {
                int indent = match.Groups[1].Value.Length;
                blocks.Add(string.Join("\n", match.Groups[2].Value.Split('\n').Select(l => l.Length >= indent ? l.Substring(indent) : l.TrimStart())));
            }

            return blocks;
        }

        [Fact]
        public void Every_csharp_block_is_one_these_tests_build()
        {
            List<string> blocks = Blocks("csharp");

            Assert.Equal(4, blocks.Count);
            Assert.Contains("SpackCache.Catalog", blocks[0], StringComparison.Ordinal);
            Assert.Contains("Microarchitecture.Host", blocks[1], StringComparison.Ordinal);
            Assert.Contains("SpackLockfile.Load", blocks[2], StringComparison.Ordinal);
            Assert.Contains("SpackCatalogs.", blocks[3], StringComparison.Ordinal);
        }

        [Fact]
        public void The_using_it_and_what_runs_here_blocks_build_and_print_what_their_comments_say()
        {
            using TempDirectory root = DotNet.TempDirectory("specgen-readme");
            string app = Console(root, "MyTool", Blocks("xml").First(b => b.Contains("<SpackCachePage Include=\"spack/*/*/specs.md\" />", StringComparison.Ordinal)));
            CopyCorpus(Path.Combine(app, "spack"), tag: null);

            string usingIt = Blocks("csharp")[0];
            string output = BuildAndRun(app, usingIt);
            string expected = Regex.Match(usingIt, "// (py-gast@[^\n]*)").Groups[1].Value.Trim();
            Assert.Equal(expected, output.Split('\n')[0].Trim());
            Assert.True(output.Split('\n').Length > 5, output);

            BuildAndRun(app, Blocks("csharp")[1]);

            // "Will it come from the cache?", with the CoverageGate sample's lockfile as env/spack.lock.
            Directory.CreateDirectory(Path.Combine(app, "env"));
            File.Copy(Path.Combine(TestPaths.RepositoryRoot, "samples", "CoverageGate", "environment", "spack.lock"), Path.Combine(app, "env", "spack.lock"));
            string coverage = Blocks("csharp")[2];
            output = BuildAndRun(app, coverage);
            string report = Regex.Match(coverage, @"Console.WriteLine\(report\);\s*// ([^\n]*)").Groups[1].Value.Trim();
            Assert.Equal(report, output.Split('\n')[0].Trim());
        }

        [Fact]
        public void The_catalog_libraries_block_builds_against_two_libraries_made_as_the_readme_says()
        {
            using TempDirectory root = DotNet.TempDirectory("specgen-readme-libraries");
            string library = Blocks("xml").Single(b => b.Contains("<SpecGenPublic>true</SpecGenPublic>", StringComparison.Ordinal));
            foreach ((string name, string tag) in new[] { ("Develop20250420", "develop-2025-04-20"), ("V0_23_1", "v0.23.1") })
            {
                string project = library.Replace("Develop20250420", name, StringComparison.Ordinal).Replace("develop-2025-04-20", tag, StringComparison.Ordinal);
                Directory.CreateDirectory(Path.Combine(root.Path, name));
                File.WriteAllText(Path.Combine(root.Path, name, name + ".csproj"), project.Replace("Include=\"SpecGen\" Version=\"0.1.0\"", "Include=\"SpecGen\" Version=\"" + _package.Version + "\"", StringComparison.Ordinal));
                CopyCorpus(Path.Combine(root.Path, name, "spack"), tag);
            }

            string app = Console(root, "Consumer", "<ItemGroup><PackageReference Include=\"SpecGen\" Version=\"0.1.0\" /><ProjectReference Include=\"../Develop20250420/Develop20250420.csproj\" /><ProjectReference Include=\"../V0_23_1/V0_23_1.csproj\" /></ItemGroup>");
            string output = BuildAndRun(app, Blocks("csharp")[3]);

            int specs = TestPaths.CorpusPages().Where(p => p.Path.Contains("/develop-2025-04-20/", StringComparison.Ordinal) || p.Path.Contains("/v0.23.1/", StringComparison.Ordinal)).Sum(p => PageOracle.Read(p.Text).Count);
            Assert.Equal(specs + " specs in 2 tags", output.Trim());
        }

        /// <summary>`dotnet new console`, the README's package source steps, and the README's items in the project file; returns the project folder.</summary>
        private string Console(TempDirectory root, string name, string items)
        {
            Assert.Equal(0, Run(root.Path, "new", "console", "-o", name).ExitCode);
            string app = Path.Combine(root.Path, name);
            Assert.Equal(0, Run(app, "new", "nugetconfig").ExitCode);
            Assert.Equal(0, Run(app, "nuget", "add", "source", _package.Feed, "--name", "specgen", "--configfile", "nuget.config").ExitCode);
            AddItems(Path.Combine(app, name + ".csproj"), items.Replace("Include=\"SpecGen\" Version=\"0.1.0\"", "Include=\"SpecGen\" Version=\"" + _package.Version + "\"", StringComparison.Ordinal));
            return app;
        }

        private static void AddItems(string project, string items)
        {
            string text = File.ReadAllText(project);
            int end = text.LastIndexOf("</Project>", StringComparison.Ordinal);
            File.WriteAllText(project, text.Substring(0, end) + items + "\n" + text.Substring(end));
        }

        /// <summary>Writes Program.cs, builds (no warning from SpecGen or the compiler) and runs; returns the output.</summary>
        private static string BuildAndRun(string app, string program)
        {
            File.WriteAllText(Path.Combine(app, "Program.cs"), program);
            (int build, string log) = Run(app, "build", "-nologo", "-v:q");
            Assert.True(build == 0, log);
            Assert.DoesNotMatch("warning (SPG|CS)[0-9]{4}", log);
            (int code, string output) = Run(app, "run", "--no-build");
            Assert.True(code == 0, output);
            return output;
        }

        private static void CopyCorpus(string target, string? tag)
        {
            foreach (TestPage page in TestPaths.CorpusPages())
            {
                string relative = Path.GetRelativePath(Path.Combine(TestPaths.Corpus, "_cache"), page.Path);
                if (tag is null || relative.StartsWith(tag + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    string path = Path.Combine(target, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, page.Text);
                }
            }
        }

        private static (int ExitCode, string Output) Run(string directory, params string[] args) => DotNet.Run(directory, args);
    }
}
