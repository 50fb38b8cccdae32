using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using SpecGen.Tool;
using Xunit;

namespace SpecGen.Tests.Tool
{
    /// <summary>
    /// The specgen tool against a real HTTP server on a loopback socket serving the corpus in the cache layout, with
    /// faults injected: after every failure, nothing is lost or half-written.
    /// </summary>
    public sealed class ToolTests : ServedCorpusTests
    {
        public ToolTests()
            : base("specgen-tool")
        {
        }

        private static (int Code, string Output, string Error) Run(params string[] args) => ToolRun.Run(args);

        private (int Code, string Output, string Error) Fetch(params string[] extra)
        {
            string[] timeout = extra.Contains("--timeout") ? Array.Empty<string>() : new[] { "--timeout", "5" };
            return FetchDevelop(new[] { "--retry-delay", "10" }.Concat(timeout).Concat(extra).ToArray());
        }

        /// <summary>The cells of a package's row in the diff table.</summary>
        private static string[] Row(string table, string package)
        {
            return table.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Single(cells => cells.Length > 0 && cells[0] == package);
        }

        private static string Corpus(string tag, string package) => TestPaths.CorpusPage(tag, package).Text;

        private string Written(string tag, string package) => File.ReadAllText(Path.Combine(Out, tag, package, "specs.md"));

        /// <summary>Every file under the output folder with its text: what a failed run must leave alone.</summary>
        private Dictionary<string, string> Snapshot() => Directory.Exists(Out)
            ? Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).ToDictionary(p => p, File.ReadAllText)
            : new Dictionary<string, string>();

        [Fact]
        public void Fetch_writes_each_page_as_served()
        {
            (int code, string output, string error) = Fetch("zlib", "py-gast", "cmake");

            Assert.True(code == 0, error);
            Assert.Contains("Fetched 3 pages", output, StringComparison.Ordinal);
            foreach (string package in new[] { "zlib", "py-gast", "cmake" })
            {
                Assert.Equal(Corpus(Develop, package), Written(Develop, package));
                Assert.Contains($"{Develop}/{package}: downloaded", error, StringComparison.Ordinal);
            }

            Assert.Equal(3, Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).Count());
        }

        [Fact]
        public void Server_errors_then_success_are_retried()
        {
            Server.Fail(Develop, "zlib", Fault.ServerError, Fault.ServerError);
            (int code, _, string error) = Fetch("zlib");

            Assert.True(code == 0, error);
            Assert.Equal(3, Server.RequestsOf(Develop, "zlib"));
            Assert.Equal(Corpus(Develop, "zlib"), Written(Develop, "zlib"));
        }

        [Fact]
        public void A_connection_dropped_mid_body_is_retried_and_never_written_half()
        {
            Server.Fail(Develop, "cmake", Fault.DropMidBody);
            (int code, _, string error) = Fetch("cmake");

            Assert.True(code == 0, error);
            Assert.Equal(2, Server.RequestsOf(Develop, "cmake"));
            Assert.Equal(Corpus(Develop, "cmake"), Written(Develop, "cmake"));
        }

        [Fact]
        public void Failures_that_outlast_the_retries_change_nothing()
        {
            Assert.Equal(0, Fetch("zlib", "python").Code);
            string old = PageEdit.Replace(Written(Develop, "zlib"), "\"size\": \"-\"", "\"size\": 1234");
            File.WriteAllText(Path.Combine(Out, Develop, "zlib", "specs.md"), old);
            Dictionary<string, string> before = Snapshot();

            // A slow server past the timeout on every attempt, a dropped body on every attempt, 500s forever.
            Server.Fail(Develop, "zlib", Fault.Slow, Fault.Slow);
            Server.Fail(Develop, "python", Fault.DropMidBody, Fault.DropMidBody);
            Server.Fail(Develop, "cmake", Enumerable.Repeat(Fault.ServerError, 2).ToArray());
            (int code, string output, string error) = Fetch("zlib", "python", "cmake", "--retries", "1", "--timeout", "1");

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("did not answer within 1 s (after 2 attempts)", error, StringComparison.Ordinal);
            Assert.Contains("answered 500", error, StringComparison.Ordinal);
            Assert.Contains($"{Develop}/python", error, StringComparison.Ordinal);
            Assert.Contains("3 pages of 3 could not be fetched; nothing was written.", error, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot());
        }

        [Fact]
        public void An_unknown_package_fails_by_name_and_the_others_are_not_written()
        {
            Server.Fail(Develop, "zlib", Fault.NotFound);
            (int code, _, string error) = Fetch("py-gast", "nosuch-package", "zlib");

            Assert.Equal(1, code);
            Assert.Contains("'nosuch-package' has no page in tag 'develop-2025-04-20'", error, StringComparison.Ordinal);
            Assert.Contains("'zlib' has no page", error, StringComparison.Ordinal);
            Assert.Empty(Snapshot());
        }

        [Fact]
        public void A_page_that_fails_its_checks_is_not_written_and_says_why_where()
        {
            Assert.Equal(0, Fetch("zlib").Code);
            Dictionary<string, string> before = Snapshot();
            string broken = Corpus(Develop, "zlib").Replace("\"num_specs\": 3", "\"num_specs\": 4", StringComparison.Ordinal);
            Server.Serve(Develop, "zlib", broken);

            (int code, _, string error) = Fetch("zlib", "py-gast");

            // Reported against the source (the URL it came from), never against the local file, which still holds the old page.
            Assert.Equal(1, code);
            (int line, int column, _, _) = PageEdit.SpanOf(broken, "\"num_specs\": 4");
            string url = $"{Server.Url}/{Develop}/zlib/specs.md";
            Assert.True(error.Contains($"{url}({line},{column + "\"num_specs\": ".Length}): error SPG0009: ", StringComparison.Ordinal), error);
            Assert.DoesNotContain(Out, error, StringComparison.Ordinal);
            Assert.Contains("1 page fails its checks (at the source, above); nothing was written.", error, StringComparison.Ordinal);
            Assert.Equal(before, Snapshot());
        }

        [Fact]
        public void Fetch_all_reads_a_local_source_and_refuses_an_unknown_tag()
        {
            (int code, string output, string error) = Run("fetch", "--tag", "v0.22.0", "--source", TestPaths.Corpus, "--out", Out, "--all");
            Assert.True(code == 0, error);
            Assert.Contains("Fetched 2 pages", output, StringComparison.Ordinal);
            Assert.Equal(Corpus("v0.22.0", "bc"), Written("v0.22.0", "bc"));

            (code, _, error) = Run("fetch", "--tag", "v9.9.9", "--source", TestPaths.Corpus, "--out", Out, "zlib");
            Assert.Equal(1, code);
            Assert.Contains("The tag 'v9.9.9' is not at", error, StringComparison.Ordinal);

            (code, _, error) = Run("fetch", "--tag", "v9.9.9", "--source", TestPaths.Corpus, "--out", Out, "--all");
            Assert.Equal(1, code);
            Assert.Contains("'v9.9.9'", error, StringComparison.Ordinal);

            // Over HTTP, --all reads the tag's folder listing; a host without listings says so.
            (code, output, error) = Run("fetch", "--tag", "v0.22.0", "--source", Server.Url, "--out", Out, "--all", "--retry-delay", "0");
            Assert.True(code == 0, error);
            Assert.Contains("Fetched 2 pages", output, StringComparison.Ordinal);

            Server.Listings = false;
            (code, _, error) = Run("fetch", "--tag", Develop, "--source", Server.Url, "--out", Out, "--all");
            Assert.Equal(1, code);
            Assert.Contains($"{Server.RootUrl}/_cache/{Develop}/ has no folder listing, so the packages of '{Develop}' cannot be listed there", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Check_prints_the_builds_diagnostics_and_fails_on_errors()
        {
            // Pages with errors and a warning, checked by the tool and by the generator as a build runs it.
            var pages = new[]
            {
                TestPage.Create(Develop, "zlib", Corpus(Develop, "zlib").Replace("\"num_specs\": 3", "\"num_specs\": 4", StringComparison.Ordinal)),
                TestPage.Create(Develop, "py-gast", Corpus(Develop, "py-gast").Replace("\"os\": \"ubuntu24.04\"", "\"os\": \"ubuntu24.04\", \"color\": 1", StringComparison.Ordinal)),
                TestPage.Create(Develop, "cmake", Corpus(Develop, "cmake").Replace("\"hash\": \"", "\"hash\": \"X", StringComparison.Ordinal)),
                TestPage.Create("v0.22.0", "bc", Corpus("v0.22.0", "bc")),
            };
            var written = pages.Select(p => p with { Path = Path.Combine(Out, p.Path.Split('/')[2], p.Path.Split('/')[3], "specs.md") }).ToArray();
            foreach (TestPage page in written)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(page.Path)!);
                File.WriteAllText(page.Path, page.Text);
            }

            (int code, string output, string error) = Run("check", Out);
            string[] expected = GeneratorHarness.Run(written).Diagnostics
                .Select(d => d.ToString())
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToArray();

            Assert.Equal(1, code);
            Assert.True(expected.Length >= 3, string.Join("\n", expected));
            Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).OrderBy(l => l, StringComparer.Ordinal));
            Assert.Contains("4 pages", error, StringComparison.Ordinal);

            File.WriteAllText(written[0].Path, Corpus(Develop, "zlib"));
            File.WriteAllText(written[2].Path, Corpus(Develop, "cmake"));
            (code, output, _) = Run("check", Out);
            Assert.Equal(0, code);
            Assert.Contains(": warning SPG0005: ", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Diff_of_two_real_tags_of_py_gast()
        {
            // By hand from the pages' JSON: py-gast has 24 binaries in develop-2025-04-20 and 15 in v0.23.1, all of
            // version 0.5.4, and no hash in common.
            Assert.Equal(0, Run("fetch", "--tag", Develop, "--source", TestPaths.Corpus, "--out", Out, "py-gast").Code);
            Assert.Equal(0, Run("fetch", "--tag", "v0.23.1", "--source", TestPaths.Corpus, "--out", Out, "py-gast").Code);

            (int code, string output, string error) = Run("diff", Out, "--from", Develop, "--to", "v0.23.1");
            Assert.True(code == 0, error);
            Assert.Equal(new[] { "py-gast", "15", "24", "0", "0.5.4" }, Row(output, "py-gast"));
            Assert.Contains("develop-2025-04-20 -> v0.23.1: 15 added, 24 removed, 0 kept", output, StringComparison.Ordinal);

            (code, output, _) = Run("diff", Out, "--from", Develop, "--to", "v0.23.1", "--json");
            Assert.Equal(0, code);
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(39, lines.Length);
            Assert.Equal("{\"package\":\"py-gast\",\"change\":\"removed\",\"hash\":\"7u33aejtwnddwzz5674krdvmhbgnqjq5\",\"version\":\"0.5.4\",\"tag\":\"develop-2025-04-20\"}", lines[0].TrimEnd('\r'));
            Assert.Equal("{\"package\":\"py-gast\",\"change\":\"added\",\"hash\":\"3vujczxoix2hqrldmam7kaa7obrisi6o\",\"version\":\"0.5.4\",\"tag\":\"v0.23.1\"}", lines[24].TrimEnd('\r'));
            Assert.Equal(24, lines.Count(l => l.Contains("\"removed\"", StringComparison.Ordinal)));
            Assert.Equal(15, lines.Count(l => l.Contains("\"added\"", StringComparison.Ordinal)));

            (code, _, error) = Run("diff", Out, "--from", Develop, "--to", "v9");
            Assert.Equal(1, code);
            Assert.Contains("'v9'", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Update_fetches_every_page_again_and_prints_what_changed()
        {
            Assert.Equal(0, Fetch("zlib", "py-gast").Code);

            // The server's zlib drops one binary and gains a new version of another: one removed, one added, one kept... and py-gast is unchanged.
            string zlib = Corpus(Develop, "zlib");
            string newer = zlib.Replace("\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"", "\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3g\"", StringComparison.Ordinal)
                .Replace("\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"", "x", StringComparison.Ordinal);
            Server.Serve(Develop, "zlib", newer);

            // Only what changed: zlib's row, not py-gast's.
            (int code, string output, string error) = Run("update", Out, "--source", Server.Url, "--retry-delay", "10");
            Assert.True(code == 0, error);
            Assert.Equal(newer, Written(Develop, "zlib"));
            Assert.Equal(new[] { "zlib", "1", "1", "2", "1.3.1" }, Row(output, "zlib"));
            Assert.DoesNotContain("py-gast", output, StringComparison.Ordinal);
            Assert.Contains(Develop + ": 1 added, 1 removed, 26 kept", output, StringComparison.Ordinal);

            // Nothing changed: nothing on standard output.
            (code, output, error) = Run("update", Out, "--source", Server.Url, "--json");
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("No binary was added or removed in 2 pages.", error, StringComparison.Ordinal);

            Server.Serve(Develop, "zlib", zlib);
            (code, output, _) = Run("update", Out, "--source", Server.Url, "--json");
            Assert.Equal(0, code);
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Contains("\"change\":\"added\",\"hash\":\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"", lines[1], StringComparison.Ordinal);
            Assert.Contains("\"change\":\"removed\",\"hash\":\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3g\"", lines[0], StringComparison.Ordinal);
        }
    }
}
