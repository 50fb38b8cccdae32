using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SpecGen.Tests.Infrastructure;
using SpecGen.Tool;
using Xunit;
using static SpecGen.Tests.Tool.ToolRun;

namespace SpecGen.Tests.Tool
{
    /// <summary>
    /// What fetch and update tell and leave behind when some pages fail: the summary's words for one and for several
    /// pages, the progress line of each page, the bar cleared on a terminal before the result, the temporary files
    /// beside each page, and after a failed write the folders it made removed and the pages already moved named.
    /// </summary>
    public sealed class FetchOutcomeTests : ServedCorpusTests
    {
        public FetchOutcomeTests()
            : base("specgen-outcome")
        {
        }

        private string Page(string package) => Path.Combine(Out, Develop, package, "specs.md");

        private (int Code, string Output, string Error) Fetch(params string[] args)
            => FetchDevelop(new[] { "--retries", "0" }.Concat(args).ToArray());

        private static string Broken(string package) =>
            TestPaths.CorpusPage(Develop, package).Text.Replace("\"num_specs\": ", "\"num_specs\": 9", StringComparison.Ordinal);

        [Theory]
        [InlineData(1, "Fetched 2 of 3 pages into {0}; 1 failed and was left as it was.")]
        [InlineData(2, "Fetched 1 of 3 pages into {0}; 2 failed and were left as they were.")]
        public void Update_keep_going_counts_the_pages_left_as_they_were(int failing, string summary)
        {
            string[] packages = { "zlib", "py-gast", "cmake" };
            Assert.Equal(0, Fetch(packages).Code);
            foreach (string package in packages.Take(failing))
            {
                Server.Fail(Develop, package, Fault.ServerError);
            }

            (int code, _, string error) = Run("update", Out, "--source", Server.Url, "--retries", "0", "--keep-going");

            Assert.Equal(1, code);
            Assert.Contains(string.Format(summary, Out), Lines(error));

            // One progress line per page: what happened to it, failed or downloaded.
            foreach (string package in packages)
            {
                string outcome = Array.IndexOf(packages, package) < failing ? "failed" : "downloaded";
                Assert.Single(Lines(error), l => Regex.IsMatch(l, $@"^\[[1-3]/3\] {Develop}/{Regex.Escape(package)}: {outcome}$"));
            }
        }

        [Fact]
        public void Two_pages_that_fail_their_checks_are_counted_together()
        {
            Server.Serve(Develop, "zlib", Broken("zlib"));
            Server.Serve(Develop, "cmake", Broken("cmake"));

            (int code, _, string error) = Fetch("zlib", "cmake", "py-gast");

            Assert.Equal(1, code);
            Assert.Contains("2 pages fail their checks (at the source, above); nothing was written.", Lines(error));
            Assert.False(Directory.Exists(Out));
        }

        [Fact]
        public void A_missing_page_and_one_that_fails_its_checks_are_pages_not_fetched()
        {
            Server.Serve(Develop, "zlib", Broken("zlib"));

            (int code, _, string error) = Fetch("zlib", "nosuch-package", "py-gast");

            Assert.Equal(1, code);
            Assert.Contains("2 pages of 3 could not be fetched; nothing was written.", Lines(error));
            Assert.DoesNotContain(Lines(error), l => l.Contains("fails its checks", StringComparison.Ordinal));
        }

        /// <summary>On a terminal the bar is drawn in place and cleared (carriage return, erase line) before the problems print.</summary>
        [Fact]
        public void On_a_terminal_the_bar_is_cleared_before_the_problems()
        {
            (int code, _, string error) = Run(
                (o, e) => new ToolContext(o, e) { Interactive = true },
                "fetch", "--tag", Develop, "--source", Server.Url, "--out", Out, "--retries", "0", "zlib", "nosuch-package");

            Assert.Equal(1, code);
            Assert.Contains("] 2/2 ", error, StringComparison.Ordinal);
            Assert.Contains("\r\u001b[KThe package 'nosuch-package' has no page", error, StringComparison.Ordinal);
            Assert.DoesNotContain("[1/2]", error, StringComparison.Ordinal);
        }

        /// <summary>Each page is written to a temporary file beside its place (its name, a dot, eight hex digits, .tmp), then moved over it.</summary>
        [Fact]
        public void Pages_are_written_beside_their_place_then_moved()
        {
            var written = new List<string>();
            (int code, _, string error) = Run(
                (o, e) => new ToolContext(o, e)
                {
                    WriteFile = (path, text) =>
                    {
                        lock (written)
                        {
                            written.Add(path);
                        }

                        File.WriteAllText(path, text);
                    },
                },
                "fetch", "--tag", Develop, "--source", Server.Url, "--out", Out, "zlib", "cmake");

            Assert.True(code == 0, error);
            Assert.Equal(2, written.Count);
            foreach ((string package, string path) in new[] { "zlib", "cmake" }.Zip(written))
            {
                Assert.Matches("^" + Regex.Escape(Page(package)) + @"\.[0-9a-f]{8}\.tmp$", path);
                Assert.False(File.Exists(path));
                Assert.Equal(TestPaths.CorpusPage(Develop, package).Text, File.ReadAllText(Page(package)));
            }
        }

        /// <summary>A write that fails takes away the folders fetch made for it (deepest first), so the output folder is as it was: absent.</summary>
        [Fact]
        public void A_failed_write_removes_the_folders_it_made()
        {
            int writes = 0;
            (int code, _, string error) = Run(
                (o, e) => new ToolContext(o, e)
                {
                    WriteFile = (path, text) =>
                    {
                        if (++writes == 2)
                        {
                            throw new IOException("the disk is full");
                        }

                        File.WriteAllText(path, text);
                    },
                },
                "fetch", "--tag", Develop, "--source", Server.Url, "--out", Out, "--jobs", "1", "zlib", "cmake");

            Assert.Equal(1, code);
            Assert.Contains("Cannot write the pages: the disk is full; nothing was written.", Lines(error));
            Assert.False(Directory.Exists(Out), string.Join(", ", Directory.Exists(Out) ? Directory.EnumerateFileSystemEntries(Out, "*", SearchOption.AllDirectories) : Array.Empty<string>()));
        }

        /// <summary>When a move fails after others succeeded, the message names the pages already in place, in order.</summary>
        [Theory]
        [InlineData("cmake", "1 page of 2 was written before the failure: {zlib}.")]
        [InlineData("python", "2 pages of 3 were written before the failure: {zlib}, {cmake}.")]
        public void A_move_that_fails_after_others_names_the_pages_written(string blocked, string ending)
        {
            // A folder where the blocked page should go: its temporary file is written, the move over it fails.
            Directory.CreateDirectory(Path.Combine(Page(blocked), "in-the-way"));
            string[] packages = blocked == "cmake" ? new[] { "zlib", "cmake" } : new[] { "zlib", "cmake", "python" };

            (int code, _, string error) = Fetch(packages);

            Assert.Equal(1, code);
            string line = Assert.Single(Lines(error), l => l.StartsWith("Cannot write the pages: ", StringComparison.Ordinal));
            Assert.EndsWith("; " + ending.Replace("{zlib}", Page("zlib"), StringComparison.Ordinal).Replace("{cmake}", Page("cmake"), StringComparison.Ordinal), line, StringComparison.Ordinal);
            foreach (string written in packages.TakeWhile(p => p != blocked))
            {
                Assert.Equal(TestPaths.CorpusPage(Develop, written).Text, File.ReadAllText(Page(written)));
            }

            Assert.Empty(Directory.EnumerateFiles(Path.Combine(Out, Develop), "*.tmp", SearchOption.AllDirectories));
        }
    }
}
