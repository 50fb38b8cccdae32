using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SpecGen.Tests.Infrastructure;
using SpecGen.Tool;
using Xunit;
using static SpecGen.Tests.Tool.ToolRun;

namespace SpecGen.Tests.Tool
{
    /// <summary>
    /// The tool's command line: usage errors exit 2 with System.CommandLine's usage, other errors are one line with
    /// exit 1, and what is reported names the source of a page, not a local file that was not written.
    /// </summary>
    public sealed class CommandLineTests : ServedCorpusTests
    {
        public CommandLineTests()
            : base("specgen-cli")
        {
        }

        private string Page(string tag, string package) => Path.Combine(Out, tag, package, "specs.md");

        private static string Corpus(string tag, string package) => TestPaths.CorpusPage(tag, package).Text;

        [Theory]
        [InlineData("Required command was not provided.")]
        [InlineData("Unrecognized command or argument 'nosuch'.", "nosuch")]
        [InlineData("Unrecognized option '--bogus'.", "fetch", "--tag", Develop, "--bogus", "zlib")]
        [InlineData("Unrecognized option '-j'.", "fetch", "--tag", Develop, "-j", "2")]
        [InlineData("Option '--tag' is required.", "fetch", "zlib")]
        [InlineData("Cannot parse argument 'x' for option '--jobs'", "fetch", "--tag", Develop, "--jobs", "x", "zlib")]
        [InlineData("--jobs must be 1 or more, not 0.", "fetch", "--tag", Develop, "--jobs", "0", "zlib")]
        [InlineData("--timeout must be 1 or more, not 0.", "fetch", "--tag", Develop, "--timeout", "0", "zlib")]
        [InlineData("--retries must be 0 or more, not -1.", "fetch", "--tag", Develop, "--retries", "-1", "zlib")]
        [InlineData("--retry-delay must be 0 or more, not -5.", "update", "--retry-delay", "-5")]
        [InlineData("'../v0.22.0/acl' is not a package name: '/' is not allowed", "fetch", "--tag", Develop, "../v0.22.0/acl")]
        [InlineData("'..' is not a tag name: a name starts with a letter or a digit", "fetch", "--tag", "..", "zlib")]
        [InlineData("--all fetches every package of the tag: give --all or package names, not both.", "fetch", "--tag", Develop, "--all", "zlib")]
        [InlineData("Name the packages to fetch, or give --all or --lock.", "fetch", "--tag", Develop)]
        [InlineData("--lock fetches the packages a lockfile names: give --lock, --all or package names, one of them.", "fetch", "--tag", Develop, "--lock", "spack.lock", "zlib")]
        [InlineData("--lock fetches the packages a lockfile names: give --lock, --all or package names, one of them.", "fetch", "--tag", Develop, "--lock", "spack.lock", "--all")]
        [InlineData("Required argument missing for command: 'coverage'.", "coverage")]
        [InlineData("Unrecognized command or argument '--bogus'.", "coverage", "spack.lock", "--bogus")]
        [InlineData("'../x' is not a tag name: '/' is not allowed", "coverage", "spack.lock", "--tag", "../x")]
        [InlineData("Required argument missing for command: 'explain'.", "explain")]
        [InlineData("The package 'zlib' is named twice.", "fetch", "--tag", Develop, "zlib", "cmake", "zlib")]
        [InlineData("--from and --to are the same tag ('v0.22.0'): give two tags.", "diff", "--from", "v0.22.0", "--to", "v0.22.0")]
        [InlineData("Argument 'xml' not recognized.", "check", "--format", "xml")]
        [InlineData("Give --runnable-on or --host, not both.", "query", "zlib", "--host", "--runnable-on", "zen3")]
        [InlineData("'zen9' is not a microarchitecture archspec knows; did you mean zen or zen2 or zen3?", "query", "zlib", "--runnable-on", "zen9")]
        [InlineData("Required argument missing for command: 'show'.", "show")]
        public void A_usage_mistake_exits_2_with_the_usage_and_touches_nothing(string message, params string[] args)
        {
            (int code, string output, string error) = Run(args.Concat(args.Length > 0 && args[0] is "fetch" or "update" ? new[] { "--source", Server.Url, "--out", Out } : Array.Empty<string>()).ToArray());

            Assert.Equal(2, code);
            Assert.Contains(message, error, StringComparison.Ordinal);
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
            AssertNoStackTrace(error);
            Assert.Empty(Server.Requests);
            Assert.False(Directory.Exists(Out));
        }

        [Fact]
        public void Retries_0_means_one_attempt_and_says_so_in_the_singular()
        {
            Server.Fail(Develop, "zlib", Fault.ServerError);
            (int code, _, string error) = Run("fetch", "--tag", Develop, "zlib", "--source", Server.Url, "--out", Out, "--retries", "0");

            Assert.Equal(1, code);
            Assert.Equal(1, Server.RequestsOf(Develop, "zlib"));
            Assert.Contains("answered 500 Internal Server Error (after 1 attempt)", error, StringComparison.Ordinal);
            Assert.Contains("1 page of 1 could not be fetched; nothing was written.", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Retries_show_in_the_progress_lines_and_a_folder_source_reads_rather_than_downloads()
        {
            Server.Fail(Develop, "zlib", Fault.ServerError);
            (int code, string output, string error) = Run("fetch", "--tag", Develop, "zlib", "--source", Server.Url, "--out", Out, "--retry-delay", "0");
            Assert.True(code == 0, error);
            Assert.Matches(System.Text.RegularExpressions.Regex.Escape($"{Develop}/zlib: retry 1 of 3 in ") + "[0-9.]+" + System.Text.RegularExpressions.Regex.Escape($" s: {Server.Url}/{Develop}/zlib/specs.md answered 500 Internal Server Error"), error);
            Assert.Contains($"[1/1] {Develop}/zlib: downloaded", error, StringComparison.Ordinal);
            Assert.Contains("Fetched 1 page into", output, StringComparison.Ordinal);

            (code, _, error) = Run("fetch", "--tag", "v0.22.0", "bc", "--source", TestPaths.Corpus, "--out", Out);
            Assert.Equal(0, code);
            Assert.Contains("[1/1] v0.22.0/bc: read", error, StringComparison.Ordinal);
            Assert.DoesNotContain("downloaded", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Progress_is_a_bar_redrawn_in_place_on_a_terminal_and_lines_when_redirected()
        {
            (int code, _, string error) = Run((o, e) => new ToolContext(o, e) { Interactive = true }, "fetch", "--tag", Develop, "zlib", "cmake", "--source", TestPaths.Corpus, "--out", Out);
            Assert.Equal(0, code);
            Assert.Contains("\r\u001b[K[##########..........] 1/2 ", error, StringComparison.Ordinal);
            Assert.Contains("\r\u001b[K[####################] 2/2 ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("[1/2]", error, StringComparison.Ordinal);

            (code, _, error) = Run("fetch", "--tag", Develop, "zlib", "cmake", "--source", TestPaths.Corpus, "--out", Out);
            Assert.Equal(0, code);
            Assert.DoesNotContain("\r", error, StringComparison.Ordinal);
            Assert.Equal(2, Lines(error).Count(l => l.StartsWith("[", StringComparison.Ordinal)));
        }

        [Fact]
        public void An_unreachable_host_fails_once_for_the_whole_run()
        {
            // A port nothing listens on: connection refused.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            (int code, string output, string error) = Run("fetch", "--tag", Develop, "zlib", "cmake", "python", "py-gast", "--source", $"http://127.0.0.1:{port}", "--out", Out, "--retry-delay", "0");

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Equal(1, Lines(error).Count(l => l.Contains("127.0.0.1:" + port, StringComparison.Ordinal)));
            Assert.StartsWith($"Cannot reach http://127.0.0.1:{port}: ", error, StringComparison.Ordinal);
            Assert.Contains("Nothing was fetched; nothing was written.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("[1/4]", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Out));
        }

        [Fact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void A_read_only_output_folder_is_one_line_and_leaves_no_folder()
        {
            string locked = Path.Combine(Folder.Path, "locked");
            Directory.CreateDirectory(locked);
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            string output = Path.Combine(locked, "spack");
            if (CanCreate(locked))
            {
                // Permissions do not stop root: sysfs refuses everyone.
                output = "/sys/specgen-test/spack";
            }

            (int code, string stdout, string error) = Run("fetch", "--tag", Develop, "zlib", "--source", TestPaths.Corpus, "--out", output);

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Single(Lines(error), l => l.StartsWith("Cannot write the pages: ", StringComparison.Ordinal) && l.EndsWith("nothing was written.", StringComparison.Ordinal));
            AssertNoStackTrace(error);
            Assert.False(Directory.Exists(output));
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        private static bool CanCreate(string folder)
        {
            try
            {
                Directory.Delete(Directory.CreateDirectory(Path.Combine(folder, "probe")).FullName);
                return true;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        [Fact]
        public void A_full_disk_is_one_line_keeps_the_old_pages_and_leaves_no_empty_folder()
        {
            Assert.Equal(0, Run("fetch", "--tag", Develop, "zlib", "--source", TestPaths.Corpus, "--out", Out).Code);
            string old = File.ReadAllText(Page(Develop, "zlib"));

            // Every page goes to /dev/full, as to a disk with no space left: the kernel's own error.
            (int code, _, string error) = Run(
                (o, e) => new ToolContext(o, e) { WriteFile = (_, text) => File.WriteAllText("/dev/full", text) },
                "fetch", "--tag", Develop, "zlib", "cmake", "--source", TestPaths.Corpus, "--out", Out);

            Assert.Equal(1, code);
            Assert.Contains("Cannot write the pages: No space left on device", error, StringComparison.Ordinal);
            Assert.Contains("nothing was written.", error, StringComparison.Ordinal);
            AssertNoStackTrace(error);
            Assert.Equal(old, File.ReadAllText(Page(Develop, "zlib")));
            Assert.False(Directory.Exists(Path.Combine(Out, Develop, "cmake")));
            Assert.Single(Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories));
        }

        [Fact]
        public void A_page_from_a_folder_that_fails_its_checks_is_reported_at_the_source_file()
        {
            string source = Path.Combine(Folder.Path, "source");
            string broken = Corpus(Develop, "zlib").Replace("\"num_specs\": 3", "\"num_specs\": 4", StringComparison.Ordinal);
            string sourcePage = Path.Combine(source, Develop, "zlib", "specs.md");
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePage)!);
            File.WriteAllText(sourcePage, broken);

            (int code, _, string error) = Run("fetch", "--tag", Develop, "zlib", "--source", source, "--out", Out);

            Assert.Equal(1, code);
            Assert.Contains(sourcePage + "(", error, StringComparison.Ordinal);
            Assert.Contains("error SPG0009", error, StringComparison.Ordinal);
            Assert.DoesNotContain(Out, error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Out));
        }

        [Theory]
        [InlineData("")]
        [InlineData("/")]
        [InlineData("/_cache")]
        [InlineData("/_cache/")]
        public void The_source_is_the_repository_root_or_its_cache_folder(string tail)
        {
            (int code, _, string error) = Run("fetch", "--tag", Develop, "zlib", "--source", Server.RootUrl + tail, "--out", Out);

            Assert.True(code == 0, error);
            Assert.Equal(1, Server.RequestsOf(Develop, "zlib"));
            Assert.Equal(Corpus(Develop, "zlib"), File.ReadAllText(Page(Develop, "zlib")));
        }

        [Fact]
        public void The_source_may_be_a_mirror_under_any_path_or_a_folder_root_or_its_cache()
        {
            using var mirror = new PageServer(Path.Combine(TestPaths.Corpus, "_cache"), "/mirror/cache.spack.io");
            (int code, _, string error) = Run("fetch", "--tag", "v0.22.0", "bc", "--source", mirror.RootUrl, "--out", Out);
            Assert.True(code == 0, error);
            Assert.Equal(1, mirror.RequestsOf("v0.22.0", "bc"));

            foreach (string folder in new[] { TestPaths.Corpus, Path.Combine(TestPaths.Corpus, "_cache") })
            {
                (code, _, error) = Run("fetch", "--tag", "v0.22.0", "acl", "--source", folder, "--out", Out);
                Assert.True(code == 0, error);
            }

            Assert.Equal(Corpus("v0.22.0", "acl"), File.ReadAllText(Page("v0.22.0", "acl")));
        }

        [Theory]
        [InlineData("https://github.com/spack/cache.spack.io", "https://raw.githubusercontent.com/spack/cache.spack.io/main/_cache")]
        [InlineData("https://github.com/spack/cache.spack.io/tree/develop", "https://raw.githubusercontent.com/spack/cache.spack.io/develop/_cache")]
        [InlineData("https://raw.githubusercontent.com/spack/cache.spack.io/main", "https://raw.githubusercontent.com/spack/cache.spack.io/main/_cache")]
        [InlineData("https://raw.githubusercontent.com/spack/cache.spack.io/main/_cache/", "https://raw.githubusercontent.com/spack/cache.spack.io/main/_cache")]
        [InlineData("http://mirror.example/cache.spack.io", "http://mirror.example/cache.spack.io/_cache")]
        public void Any_address_of_the_repository_leads_to_its_cache_folder(string address, string cache)
        {
            Assert.Equal(cache, HttpPageSource.CacheAddress(new Uri(address)));
        }

        [Fact]
        public void Unknown_tags_and_packages_get_the_nearest_names()
        {
            (int code, _, string error) = Run("fetch", "--tag", "v0.22.1", "bc", "--source", TestPaths.Corpus, "--out", Out);
            Assert.Equal(1, code);
            Assert.Contains("The tag 'v0.22.1' is not at", error, StringComparison.Ordinal);
            Assert.Contains("did you mean v0.22.0 or v0.23.1?", error, StringComparison.Ordinal);

            (code, _, error) = Run("fetch", "--tag", Develop, "zlibb", "pyhton", "--source", Server.Url, "--out", Out);
            Assert.Equal(1, code);
            Assert.Contains("The package 'zlibb' has no page in tag 'develop-2025-04-20'", error, StringComparison.Ordinal);
            Assert.Contains("'zlibb' has no page in tag 'develop-2025-04-20' at " + Server.Url + "; did you mean zlib?", error, StringComparison.Ordinal);
            Assert.Contains("'pyhton' has no page in tag 'develop-2025-04-20' at " + Server.Url + "; did you mean python?", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Diff_shows_a_package_fetched_for_one_tag_only_as_not_fetched()
        {
            Assert.Equal(0, Run("fetch", "--tag", Develop, "py-gast", "zlib", "--source", TestPaths.Corpus, "--out", Out).Code);
            Assert.Equal(0, Run("fetch", "--tag", "v0.23.1", "py-gast", "--source", TestPaths.Corpus, "--out", Out).Code);

            (int code, string output, string error) = Run("diff", Out, "--from", Develop, "--to", "v0.23.1");
            Assert.True(code == 0, error);
            Assert.Contains("zlib: not fetched for v0.23.1", output, StringComparison.Ordinal);
            Assert.Contains("develop-2025-04-20 -> v0.23.1: 15 added, 24 removed, 0 kept; 1 package not fetched for both", output, StringComparison.Ordinal);

            (code, output, _) = Run("diff", Out, "--from", Develop, "--to", "v0.23.1", "--json");
            Assert.Equal(0, code);
            string[] lines = Lines(output);
            Assert.Equal(40, lines.Length);
            Assert.Equal("{\"package\":\"zlib\",\"change\":\"not-fetched\",\"tag\":\"v0.23.1\"}", lines[^1]);
            Assert.DoesNotContain(lines, l => l.Contains("\"package\":\"zlib\",\"change\":\"removed\"", StringComparison.Ordinal));
        }

        [Fact]
        public void Update_keep_going_writes_what_arrived_and_prints_its_changes()
        {
            Assert.Equal(0, Run("fetch", "--tag", Develop, "zlib", "py-gast", "--source", Server.Url, "--out", Out).Code);
            string zlib = File.ReadAllText(Page(Develop, "zlib"));
            string gast = File.ReadAllText(Page(Develop, "py-gast"));
            string newer = gast.Replace("\"7u33aejtwnddwzz5674krdvmhbgnqjq5\"", "\"7u33aejtwnddwzz5674krdvmhbgnqjq6\"", StringComparison.Ordinal);
            Server.Serve(Develop, "py-gast", newer);

            // Without --keep-going a failure writes nothing.
            Server.Fail(Develop, "zlib", Fault.ServerError);
            (int code, string output, string error) = Run("update", Out, "--source", Server.Url, "--retries", "0");
            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Equal(gast, File.ReadAllText(Page(Develop, "py-gast")));

            Server.Fail(Develop, "zlib", Fault.ServerError);
            (code, output, error) = Run("update", Out, "--source", Server.Url, "--retries", "0", "--keep-going");
            Assert.Equal(1, code);
            Assert.Contains("answered 500", error, StringComparison.Ordinal);
            Assert.Contains("Fetched 1 of 2 pages", error, StringComparison.Ordinal);
            Assert.Equal(newer, File.ReadAllText(Page(Develop, "py-gast")));
            Assert.Equal(zlib, File.ReadAllText(Page(Develop, "zlib")));
            Assert.Contains("develop-2025-04-20: 1 added, 1 removed, 26 kept", output, StringComparison.Ordinal);
            Assert.DoesNotContain("zlib", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Check_of_a_folder_without_pages_fails_and_says_so()
        {
            Directory.CreateDirectory(Out);
            (int code, string output, string error) = Run("check", Out);

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains($"No pages under {Out}", error, StringComparison.Ordinal);
        }

        [Fact]
        public void A_pattern_that_matched_nothing_gets_a_hint()
        {
            string pattern = Path.Combine(Out, "*", "zlib", "specs.md");
            (int code, _, string error) = Run("check", pattern);

            Assert.Equal(1, code);
            Assert.Contains("the pattern matched nothing", error, StringComparison.Ordinal);
            Assert.Contains($"Give the folder of the pages instead, e.g. '{Out}'", error, StringComparison.Ordinal);
        }

        /// <summary>Two pages with errors, one with a warning, one with a duplicate hash of another: what check reports.</summary>
        private string[] WriteCheckedPages()
        {
            var pages = new (string Tag, string Package, string Text)[]
            {
                (Develop, "zlib", Corpus(Develop, "zlib").Replace("\"num_specs\": 3", "\"num_specs\": 4", StringComparison.Ordinal)),
                (Develop, "py-gast", Corpus(Develop, "py-gast").Replace("\"os\": \"ubuntu24.04\"", "\"os\": \"ubuntu24.04\", \"color\": 1", StringComparison.Ordinal)),
                (Develop, "zlib-a", Corpus(Develop, "zlib").Replace("title: \"zlib\"", "title: \"zlib-a\"", StringComparison.Ordinal)),
                (Develop, "zlib-b", Corpus(Develop, "zlib").Replace("title: \"zlib\"", "title: \"zlib-b\"", StringComparison.Ordinal)),
                ("v0.22.0", "bc", Corpus("v0.22.0", "bc")),
            };
            foreach ((string tag, string package, string text) in pages)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Page(tag, package))!);
                File.WriteAllText(Page(tag, package), text);
            }

            (int code, string output, _) = Run("check", Out);
            Assert.Equal(1, code);
            return Lines(output);
        }

        /// <summary>SPG0029 on the command line as in the build: a page in the folder of another package is a warning at its title.</summary>
        [Fact]
        public void Check_warns_of_a_page_in_another_packages_folder()
        {
            string misplaced = Page(Develop, "zlib-ng");
            Directory.CreateDirectory(Path.GetDirectoryName(misplaced)!);
            File.WriteAllText(misplaced, TestPaths.CorpusPage(Develop, "zlib").Text);

            (int code, string output, _) = Run("check", misplaced);

            Assert.Equal(0, code);
            string line = Assert.Single(Lines(output));
            Assert.StartsWith(misplaced + "(2,8): warning SPG0029: The page is for package 'zlib' but sits in the folder 'zlib-ng'", line, StringComparison.Ordinal);
        }

        [Fact]
        public void Check_of_one_file_checks_that_page_alone()
        {
            string[] all = WriteCheckedPages();
            Assert.Contains(all, l => l.StartsWith(Page(Develop, "py-gast"), StringComparison.Ordinal));

            (int code, string output, string error) = Run("check", Page(Develop, "zlib"));
            Assert.Equal(1, code);
            Assert.Equal(all.Where(l => l.StartsWith(Page(Develop, "zlib") + "(", StringComparison.Ordinal)), Lines(output));
            Assert.Contains("1 page, 0 specs; 1 error, 0 warnings.", error, StringComparison.Ordinal);

            (code, output, error) = Run("check", Page("v0.22.0", "bc"));
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("1 page, ", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Check_json_is_one_object_per_diagnostic()
        {
            string[] text = WriteCheckedPages();
            (int code, string output, _) = Run("check", Out, "--format", "json");

            Assert.Equal(1, code);
            string[] lines = Lines(output);
            Assert.Equal(text.Length, lines.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                using JsonDocument json = JsonDocument.Parse(lines[i]);
                JsonElement d = json.RootElement;
                Assert.Equal(new[] { "id", "severity", "message", "path", "line", "column", "endLine", "endColumn", "helpUri" }, d.EnumerateObject().Select(p => p.Name));
                string expected = $"{d.GetProperty("path").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}): {d.GetProperty("severity").GetString()} {d.GetProperty("id").GetString()}: {d.GetProperty("message").GetString()}";
                Assert.Equal(text[i], expected);
                Assert.EndsWith("#" + d.GetProperty("id").GetString()!.ToLowerInvariant(), d.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Check_sarif_is_a_sarif_2_1_0_log_with_rules_results_and_locations()
        {
            string[] text = WriteCheckedPages();
            (int code, string output, _) = Run("check", Out, "--format", "sarif");
            Assert.Equal(1, code);

            using JsonDocument json = JsonDocument.Parse(output);
            JsonElement log = json.RootElement;
            Assert.Equal("2.1.0", log.GetProperty("version").GetString());
            Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", log.GetProperty("$schema").GetString());
            JsonElement run = Assert.Single(log.GetProperty("runs").EnumerateArray());
            JsonElement driver = run.GetProperty("tool").GetProperty("driver");
            Assert.Equal("SpecGen", driver.GetProperty("name").GetString());
            JsonElement[] rules = driver.GetProperty("rules").EnumerateArray().ToArray();
            string[] ids = rules.Select(r => r.GetProperty("id").GetString()!).ToArray();
            Assert.Equal(ids.Distinct().Count(), ids.Length);
            Assert.Contains("SPG0009", ids);
            foreach (JsonElement rule in rules)
            {
                string id = rule.GetProperty("id").GetString()!;
                Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
                Assert.EndsWith("#" + id.ToLowerInvariant(), rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
                Assert.NotEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()!);
                Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            }

            JsonElement[] results = run.GetProperty("results").EnumerateArray().ToArray();
            Assert.Equal(text.Length, results.Length);
            for (int i = 0; i < results.Length; i++)
            {
                JsonElement result = results[i];
                string ruleId = result.GetProperty("ruleId").GetString()!;
                Assert.Equal(ruleId, ids[result.GetProperty("ruleIndex").GetInt32()]);
                JsonElement location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
                string uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                JsonElement region = location.GetProperty("region");
                string path = new Uri(uri).LocalPath;
                string expected = $"{path}({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()}): {result.GetProperty("level").GetString()} {ruleId}: {result.GetProperty("message").GetProperty("text").GetString()}";
                Assert.Equal(text[i], expected);
                Assert.True(region.GetProperty("endLine").GetInt32() >= region.GetProperty("startLine").GetInt32());
            }

            // The duplicate hashes of zlib-b name zlib-a's entries as related locations.
            JsonElement duplicate = results.First(r => r.GetProperty("ruleId").GetString() == "SPG0008");
            JsonElement related = Assert.Single(duplicate.GetProperty("relatedLocations").EnumerateArray());
            Assert.Equal(Page(Develop, "zlib-a"), new Uri(related.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
        }
    }
}
