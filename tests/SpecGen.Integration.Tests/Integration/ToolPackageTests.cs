using System;
using System.IO;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Integration
{
    /// <summary>The specgen tool as a user gets it: packed, installed with `dotnet tool install --tool-path`, and run.</summary>
    [Collection(BuildCollection.Name)]
    [Trait("Category", "Integration")]
    public class ToolPackageTests
    {
        [Fact]
        public void The_tool_packs_installs_and_runs()
        {
            using TempDirectory work = DotNet.TempDirectory("specgen-tool-install");
            string version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            string feed = Path.Combine(work.Path, "feed");
            (int code, string output) = DotNet.Run(TestPaths.RepositoryRoot, "pack", "src/Tool", "-c", "Release", "-o", feed, "-p:Version=" + version, "-nologo", "-v:q");
            Assert.True(code == 0, output);
            Assert.Single(Directory.GetFiles(feed, "SpecGen.Tool." + version + ".nupkg"));

            string tools = Path.Combine(work.Path, "tools");
            (code, output) = DotNet.Run(work.Path, "tool", "install", "SpecGen.Tool", "--tool-path", tools, "--add-source", feed, "--version", version);
            Assert.True(code == 0, output);
            string specgen = Directory.GetFiles(tools).Single(f => Path.GetFileNameWithoutExtension(f) == "specgen");

            string pages = Path.Combine(work.Path, "spack");
            (code, output) = Run(specgen, work.Path, "fetch", "--tag", "develop-2025-04-20", "--source", TestPaths.Corpus, "--out", pages, "zlib", "py-gast");
            Assert.True(code == 0, output);
            Assert.Equal(TestPaths.CorpusPage("develop-2025-04-20", "zlib").Text, File.ReadAllText(Path.Combine(pages, "develop-2025-04-20", "zlib", "specs.md")));

            (code, output) = Run(specgen, work.Path, "check", pages);
            Assert.True(code == 0, output);
            Assert.Contains("2 pages, 27 specs; 0 errors, 0 warnings.", output, StringComparison.Ordinal);

            // Answers from the default folder (spack, in the working folder), and the usage exit code of the real process.
            (code, output) = Run(specgen, work.Path, "query", "zlib", "--json");
            Assert.True(code == 0, output);
            Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("{\"package\":\"zlib\"", StringComparison.Ordinal)));

            (code, output) = Run(specgen, work.Path, "fetch", "--tag", "develop-2025-04-20", "-j", "2");
            Assert.Equal(2, code);
            Assert.Contains("Unrecognized option '-j'.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);

            // Standard output on a full disk: one line, exit 1.
            (code, output) = Run("/bin/sh", work.Path, "-c", "\"$0\" list spack > /dev/full", specgen);
            Assert.Equal(1, code);
            Assert.Contains("specgen: cannot write the output: No space left on device", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }

        private static (int Code, string Output) Run(string program, string directory, params string[] args)
        {
            var start = new System.Diagnostics.ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
            System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
    }
}
