using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using CacheQuery;
using SpecGen.Tests.Infrastructure;
using SpecGen.Tool;
using Xunit;
using static SpecGen.Tests.Tool.ToolRun;

namespace SpecGen.Tests.Tool
{
    /// <summary>
    /// list, show, query, host, tags and packages: answers over a folder of pages read in memory, compared with the
    /// CacheQuery sample (the same pages compiled by the build), the pages' JSON and archspec's data.
    /// </summary>
    public sealed class AnswerTests : IDisposable
    {
        private readonly string _pages = Path.Combine(TestPaths.RepositoryRoot, "samples", "CacheQuery", "pages");
        private readonly TempDirectory _dir = DotNet.TempDirectory("specgen-answer");

        public void Dispose() => _dir.Dispose();

        private static (int Code, string Output, string Error) CacheQuery(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CacheQueryApp.Run(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        private OracleSpec[] Bundled() => Directory.EnumerateFiles(_pages, "specs.md", SearchOption.AllDirectories)
            .SelectMany(p => PageOracle.Read(File.ReadAllText(p)))
            .ToArray();

        [Fact]
        public void List_json_is_what_the_build_compiles_line_for_line()
        {
            (int code, string output, string error) = Run("list", _pages, "--json");
            Assert.True(code == 0, error);
            (int sampleCode, string sample, _) = CacheQuery("list", "--json");
            Assert.Equal(0, sampleCode);

            Assert.Equal(Bundled().Length, Lines(output).Length);
            Assert.Equal(Lines(sample), Lines(output));
        }

        [Fact]
        public void List_with_a_query_prints_a_table_and_a_count()
        {
            (int code, string output, string error) = Run("list", _pages, "py-gast target=aarch64");
            Assert.True(code == 0, error);
            int expected = Bundled().Count(s => s.Package == "py-gast" && s.Target == "aarch64");
            Assert.True(expected > 1);
            string[] lines = Lines(output);
            Assert.Equal(new[] { "hash", "spec", "compiler", "arch", "tag" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(lines, l => l.StartsWith("7u33aej  py-gast@0.5.4", StringComparison.Ordinal) && l.Contains("linux-ubuntu24.04-aarch64", StringComparison.Ordinal));
            Assert.Equal(expected + 2, lines.Length);
            Assert.Equal(expected + " specs", lines[^1]);
        }

        [Fact]
        public void An_unknown_package_gets_the_nearest_names_and_a_query_error_its_position()
        {
            (int code, string output, string error) = Run("list", _pages, "zlbi");
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains($"No package 'zlbi' in the pages under {_pages}; did you mean zlib?", error, StringComparison.Ordinal);

            (code, _, error) = Run("query", _pages, "py-gast ^python");
            Assert.Equal(2, code);
            Assert.Contains("position 8", error, StringComparison.Ordinal);

            (code, _, error) = Run("query", _pages, "zlib@9.9:");
            Assert.Equal(1, code);
            Assert.Contains("No spec matches 'zlib@9.9:'", error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("query", "zlib %cxx")]
        [InlineData("query", "%fortran")]
        [InlineData("list", "zlib %cxx")]
        [InlineData("explain", "zlib %cxx")]
        public void A_language_the_pages_cannot_decide_is_refused_as_a_usage_error_by_the_tool_and_the_sample(string command, string query)
        {
            // The bundled zlib binaries name a Spack 1.x compiler, whose languages pages do not record.
            (int code, string output, string error) = command == "explain" ? Run(command, query, "--pages", _pages) : Run(command, _pages, query);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("not the languages it provided", error, StringComparison.Ordinal);
            Assert.DoesNotContain("unexpected", error, StringComparison.Ordinal);

            if (command == "query")
            {
                (int sampleCode, string sample, string sampleError) = CacheQuery("query", query);
                Assert.Equal(2, sampleCode);
                Assert.Equal(string.Empty, sample);
                Assert.Contains("not the languages it provided", sampleError, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Reserved_names_stand_for_this_machine_with_host_and_otherwise_say_so()
        {
            (int code, _, string error) = Run("query", _pages, "zlib os=default_os");
            Assert.Equal(2, code);
            Assert.Contains("On the command line, --host reads it as this machine (" + SpackArch.Current + ").", error, StringComparison.Ordinal);

            // With --host, os=default_os is this machine's OS: the answer is the one of --host alone (or both find nothing).
            (int hostCode, string hostOutput, _) = Run("query", _pages, "zlib", "--host", "--json");
            (code, string output, error) = Run("query", _pages, "zlib os=default_os", "--host", "--json");
            Assert.Equal(hostCode, code);
            Assert.Equal(Lines(hostOutput), Lines(output));
            Assert.DoesNotContain("stands for this machine", error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("python@3.10: target=x86_64_v3 %gcc@11:")]
        [InlineData("python", "--runnable-on", "zen3")]
        [InlineData("cmake os=ubuntu22.04", "--runnable-on", "neoverse_v2")]
        public void Query_answers_as_the_sample_does_newest_first(string query, params string[] options)
        {
            (int code, string output, string error) = Run(new[] { "query", _pages, query, "--json" }.Concat(options).ToArray());
            (int sampleCode, string sample, _) = CacheQuery(new[] { "query", query, "--json" }.Concat(options).ToArray());

            Assert.Equal(sampleCode == 0 && Lines(sample).Length > 0 ? 0 : 1, code);
            Assert.Equal(Lines(sample), Lines(output));
            Assert.True(code == 0, error);
        }

        [Fact]
        public void Query_host_keeps_this_machines_os_platform_and_runnable_targets()
        {
            // zlib's page with its Linux OS made this machine's and its x86_64_v3 targets this machine's family.
            SpackArch here = SpackArch.Current;
            string text = TestPaths.CorpusPage("develop-2025-04-20", "zlib").Text
                .Replace("ubuntu24.04", here.Os, StringComparison.Ordinal)
                .Replace("ubuntu22.04", here.Os == "ubuntu22.04" ? "ubuntu20.04" : "ubuntu22.04", StringComparison.Ordinal)
                .Replace("x86_64_v3", here.Target.Family.Name, StringComparison.Ordinal);
            string page = _dir.Write("spack/develop-2025-04-20/zlib/specs.md", text);
            string folder = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(page)))!;

            (int code, string output, string error) = Run("query", folder, "zlib", "--host", "--json");

            string[] expected = PageOracle.Read(text)
                .Where(s => s.Os == here.Os && s.Platform == here.Platform && ArchspecOracle.Instance.RunsOn(s.Target, here.Target.Name))
                .Select(s => s.Hash)
                .ToArray();
            Assert.Equal(expected.Length > 0 ? 0 : 1, code);
            Assert.Equal(expected, Lines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("hash").GetString()).ToArray());
            if (expected.Length == 0)
            {
                Assert.Contains($"on this machine ({here})", error, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Show_prints_a_hash_in_spack_syntax_or_each_entry_as_json()
        {
            (int code, string output, string error) = Run("show", _pages, "/7u33aej");
            Assert.True(code == 0, error);
            string[] lines = Lines(output);
            Assert.StartsWith("py-gast@0.5.4 build_system=python_pip arch=linux-ubuntu24.04-aarch64 /7u33aej", lines[0], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("hash:", StringComparison.Ordinal) && l.EndsWith("7u33aejtwnddwzz5674krdvmhbgnqjq5", StringComparison.Ordinal));

            (code, output, _) = Run("show", _pages, "7u33aejtwnddwzz5674krdvmhbgnqjq5", "--json");
            Assert.Equal(0, code);
            Assert.Equal(Bundled().Count(s => s.Hash == "7u33aejtwnddwzz5674krdvmhbgnqjq5"), Lines(output).Length);
            Assert.All(Lines(output), l => Assert.Equal("7u33aejtwnddwzz5674krdvmhbgnqjq5", JsonDocument.Parse(l).RootElement.GetProperty("hash").GetString()));

            (code, output, error) = Run("show", _pages, "/zzzzzzz");
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("No spec under", error, StringComparison.Ordinal);

            (code, _, error) = Run("show", _pages, "/a");
            Assert.Equal(1, code);
            Assert.Contains("give more characters", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Timing_says_how_long_reading_and_answering_took()
        {
            (int code, _, string error) = Run((o, e) => new ToolContext(o, e) { Timing = true }, "query", _pages, "python");
            Assert.Equal(0, code);
            Assert.Matches(@"timing: read and checked \d+ pages \(\d+ specs\) in \d+ ms", error);
            Assert.Matches(@"timing: answered in [\d.]+ ms \(\d+ specs of \d+\)", error);
        }

        [Fact]
        public void Host_names_this_machine_and_says_why_its_target_is_what_it_is()
        {
            (int code, string output, _) = Run("host");
            Assert.Equal(0, code);
            string[] lines = Lines(output);
            SpackArch here = SpackArch.Current;
            Assert.Equal(here.ToString(), lines[0]);
            Assert.Contains("os: " + here.Os, lines);
            Assert.Contains("platform: " + here.Platform, lines);
            Assert.Contains("why: " + Microarchitecture.HostReason, lines);
            Assert.Contains(lines, l => l.StartsWith("target: " + here.Target.Name + " ", StringComparison.Ordinal));
        }

        [Fact]
        public void Tags_and_packages_of_a_folder()
        {
            (int code, string output, string error) = Run("tags", "--source", TestPaths.Corpus);
            Assert.True(code == 0, error);
            Assert.Equal(new[] { "develop-2025-04-20", "v0.22.0", "v0.23.1" }, Lines(output));
            Assert.Contains("3 tags at", error, StringComparison.Ordinal);

            (code, output, _) = Run("packages", "--tag", "v0.22.0", "--source", TestPaths.Corpus);
            Assert.Equal(0, code);
            Assert.Equal(new[] { "acl", "bc" }, Lines(output));

            (code, _, error) = Run("packages", "--tag", "v0.23.0", "--source", TestPaths.Corpus);
            Assert.Equal(1, code);
            Assert.Contains("The tag 'v0.23.0' is not at", error, StringComparison.Ordinal);
            Assert.Contains("; did you mean v0.22.0 or v0.23.1?", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Tags_over_http_come_from_tags_yaml_or_the_cache_listing_and_packages_from_the_tags_listing()
        {
            using var server = new PageServer(Path.Combine(TestPaths.Corpus, "_cache"));
            (int code, string output, string error) = Run("tags", "--source", server.RootUrl);
            Assert.True(code == 0, error);
            Assert.Equal(new[] { "develop-2025-04-20", "v0.22.0", "v0.23.1" }, Lines(output));

            // The cache site's _data/tags.yaml (its shape: a list of name and stacks) wins over the listing.
            server.ServeFile("/_data/tags.yaml", "- name: develop\n  stacks:\n  - e4s\n- name: v0.22.0\n  stacks:\n  - e4s\n  - root\n- name: develop-2025-04-20\n  stacks: []\n");
            (code, output, _) = Run("tags", "--source", server.Url);
            Assert.Equal(0, code);
            Assert.Equal(new[] { "develop", "develop-2025-04-20", "v0.22.0" }, Lines(output));

            (code, output, _) = Run("packages", "--tag", "v0.22.0", "--source", server.Url);
            Assert.Equal(0, code);
            Assert.Equal(new[] { "acl", "bc" }, Lines(output));

            (code, _, error) = Run("packages", "--tag", "v0.22.1", "--source", server.Url);
            Assert.Equal(1, code);
            Assert.Contains($"The tag 'v0.22.1' is not at {server.Url}; did you mean v0.22.0?", error, StringComparison.Ordinal);

            // A host without listings (as raw-file hosts are) says it cannot list, in one line.
            server.Listings = false;
            (code, _, error) = Run("packages", "--tag", "v0.22.0", "--source", server.Url);
            Assert.Equal(1, code);
            Assert.Equal($"specgen: {server.Url}/v0.22.0/ has no folder listing, so the packages of 'v0.22.0' cannot be listed there; use a local clone (--source DIR).", Assert.Single(Lines(error)));
            AssertNoStackTrace(error);
        }

        [Fact]
        public void A_repository_on_github_is_listed_through_its_tree()
        {
            Assert.Equal(
                "https://api.github.com/repos/spack/cache.spack.io/git/trees/main:_cache/v0.22.0",
                HttpPageSource.GitHubTree("https://raw.githubusercontent.com/spack/cache.spack.io/main/_cache", "_cache/v0.22.0", "https://api.github.com"));
            Assert.Null(HttpPageSource.GitHubTree("http://mirror.example/cache.spack.io/_cache", "_cache", "https://api.github.com"));
            string tree = "{\"sha\":\"1\",\"tree\":[{\"path\":\"zlib\",\"type\":\"tree\"},{\"path\":\"README.md\",\"type\":\"blob\"},{\"path\":\"acl\",\"type\":\"tree\"}],\"truncated\":false}";
            Assert.Equal(new[] { "acl", "zlib" }, HttpPageSource.FoldersOfTree(tree, "here"));
            Assert.Equal(new[] { "bc", "zlib" }, HttpPageSource.FoldersOfIndex("<a href=\"../\">../</a><a href=\"zlib/\">zlib/</a> <a href=\"bc/\">bc/</a><a href=\"?C=N\">sort</a>"));
        }
    }
}
