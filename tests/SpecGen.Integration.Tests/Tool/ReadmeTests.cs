using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Tool.ToolRun;

namespace SpecGen.Tests.Tool
{
    /// <summary>What the README says about the tool matches the tool, and it promises nothing that depends on the machine.</summary>
    public class ReadmeTests
    {
        private static readonly string Readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));

        private static string Section(string heading)
        {
            int start = Readme.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
            Assert.True(start >= 0, heading);
            int end = Readme.IndexOf("\n## ", start + heading.Length + 2, StringComparison.Ordinal);
            return Readme.Substring(start, (end < 0 ? Readme.Length : end) - start);
        }

        [Fact]
        public void The_command_line_section_shows_every_command_and_the_exit_codes()
        {
            (int code, string output, _) = Run("--help");
            Assert.Equal(0, code);
            string[] commands = Lines(output).SkipWhile(l => l != "Commands:").Skip(1).Select(l => l.Trim().Split(' ')[0]).ToArray();
            Assert.Equal(12, commands.Length);

            string section = Section("## Command line");
            foreach (string command in commands)
            {
                Assert.Contains("`specgen " + command, section, StringComparison.Ordinal);
            }

            Assert.Contains("**Exit codes:** 0 success; 1 a failure", section, StringComparison.Ordinal);
            Assert.Contains("2 a usage error", section, StringComparison.Ordinal);
        }

        [Fact]
        public void No_placeholder_no_catch_all_glob_and_no_public_feed_for_the_tool()
        {
            Assert.DoesNotContain("COMBINED_RATIO", Readme, StringComparison.Ordinal);
            Assert.DoesNotContain("_cache/**/specs.md", Readme, StringComparison.Ordinal);
            Assert.Contains("_cache/*/*/specs.md", Readme, StringComparison.Ordinal);
            Assert.All(Regex.Matches(Readme, "dotnet tool install SpecGen.Tool[^\n]*").Select(m => m.Value), line => Assert.Contains("--add-source", line, StringComparison.Ordinal));
            Assert.Contains(".tools/", File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, ".gitignore")));
        }

        [Fact]
        public void Host_examples_do_not_promise_what_depends_on_this_machine()
        {
            // Every line that runs something for this machine (--host, host) says that the answer depends on it.
            foreach (string line in Readme.Split('\n').Where(l => l.Contains("-- zlib-ng python --host", StringComparison.Ordinal) || l.Contains("CacheQuery -- host ", StringComparison.Ordinal)))
            {
                Assert.Matches("depends on this machine|this machine as Spack names it|--cpuinfo", line);
            }

            Assert.DoesNotContain("Microarchitecture.Host;          // zen3,", Readme, StringComparison.Ordinal);
            Assert.DoesNotContain("< host;    // true", Readme, StringComparison.Ordinal);
        }
    }
}
