using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using SpecGen.Tests.Infrastructure;
using SpecGen.Tool;
using Xunit;
using static SpecGen.Tests.Tool.ToolRun;

namespace SpecGen.Tests.Tool
{
    /// <summary>
    /// The HTTP source's own rules: how it names itself, where GitHub's API applies, the tag list read once and its
    /// messages, folder listings (HTML and GitHub trees) and their refusals, the retry note's backoff, and the
    /// Retry-After a server may send, clamped.
    /// </summary>
    public sealed class HttpSourceTests : ServedCorpusTests
    {
        public HttpSourceTests()
            : base("specgen-http")
        {
        }

        [Fact]
        public void Every_request_names_specgen_as_its_user_agent()
        {
            Assert.Equal(0, FetchDevelop("zlib", "cmake").Code);

            Assert.Equal(2, Server.UserAgents.Count);
            Assert.All(Server.UserAgents, agent => Assert.Matches(@"^specgen/\d+\.\d+", agent));
        }

        [Theory]
        [InlineData("https://raw.githubusercontent.com/spack/cache/main/_cache", "https://api.github.com/repos/spack/cache/git/trees/main:_cache/v1")]
        [InlineData("https://raw.githubusercontent.com/spack/cache/_cache", null)]
        [InlineData("https://raw.githubusercontent.com/spack/cache/main/extra/_cache", null)]
        [InlineData("https://mirror.example.org/spack/cache/main/_cache", null)]
        public void GitHubs_tree_api_is_only_for_a_raw_github_address(string cache, string? expected)
        {
            Assert.Equal(expected, HttpPageSource.GitHubTree(cache, "_cache/v1", "https://api.github.com/"));
        }

        /// <summary>Two missing pages of an unknown tag ask for the tag list once: the list is read once per run.</summary>
        [Fact]
        public void The_tag_list_is_read_once_per_run()
        {
            (int code, _, string error) = Run("fetch", "--tag", "v9.9.9", "--source", Server.Url, "--out", Out, "--retries", "0", "zlib", "cmake");

            Assert.Equal(1, code);
            Assert.Contains("The tag 'v9.9.9' is not at", error, StringComparison.Ordinal);
            Assert.Equal(1, Server.Requests["/_data/tags.yaml"]);
            Assert.Equal(1, Server.Requests["/_cache/"]);
        }

        /// <summary>Sixteen callers at once (as fetches under --jobs are) share one read of the tag list and of a tag's listing.</summary>
        [Fact]
        public async System.Threading.Tasks.Task Callers_at_once_share_one_read_of_the_tag_list_and_of_a_listing()
        {
            var settings = new HttpSettings(TimeSpan.FromSeconds(30), 0, TimeSpan.Zero, "https://api.github.com/");
            PageSource source = PageSource.Open(Server.Url, settings);
            using var start = new System.Threading.Barrier(16);
            System.Threading.Tasks.Task[] callers = Enumerable.Range(0, 16).Select(i => System.Threading.Tasks.Task.Run(async () =>
            {
                start.SignalAndWait();
                if (i % 2 == 0)
                {
                    await source.TagsAsync(default);
                }
                else
                {
                    await source.PackagesAsync("develop-2025-04-20", default);
                }
            })).ToArray();
            await System.Threading.Tasks.Task.WhenAll(callers);

            Assert.Equal(1, Server.Requests["/_data/tags.yaml"]);
            Assert.Equal(1, Server.Requests["/_cache/develop-2025-04-20/"]);
        }

        [Fact]
        public void A_tag_list_that_is_not_one_is_refused_at_its_address()
        {
            Server.ServeFile("/_data/tags.yaml", "tags: [v1, v2]\n");
            (int code, _, string error) = Run("tags", "--source", Server.Url, "--retries", "0");

            Assert.Equal(1, code);
            Assert.Contains($"{Server.RootUrl}/_data/tags.yaml is not a list of tags (- name: <tag>).", error, StringComparison.Ordinal);
            AssertNoStackTrace(error);
        }

        [Fact]
        public void A_source_with_neither_tag_list_nor_listing_says_so()
        {
            Server.Listings = false;
            (int code, _, string error) = Run("tags", "--source", Server.Url, "--retries", "0");

            Assert.Equal(1, code);
            Assert.Contains($"No tag list at {Server.RootUrl} (neither _data/tags.yaml nor a listing of _cache).", error, StringComparison.Ordinal);
        }

        /// <summary>Where the source cannot tell whether it has the tag, a missing page is named as a missing package of the tag, not as a missing tag.</summary>
        [Fact]
        public void Without_a_tag_list_a_missing_page_is_a_missing_package()
        {
            Server.Listings = false;
            (int code, _, string error) = FetchDevelop("--retries", "0", "nosuch-package");

            Assert.Equal(1, code);
            Assert.Contains($"The package 'nosuch-package' has no page in tag '{Develop}' at {Server.Url}", error, StringComparison.Ordinal);
            Assert.DoesNotContain("The tag", error, StringComparison.Ordinal);
        }

        [Fact]
        public void A_folder_page_without_folder_links_is_not_a_listing()
        {
            Server.Listings = false;
            Server.ServeFile($"/_cache/{Develop}/", "<html><body><a href=\"../\">up</a> <a href=\"notes.txt\">notes</a></body></html>");
            (int code, _, string error) = Run("packages", "--tag", Develop, "--source", Server.Url, "--retries", "0");

            Assert.Equal(1, code);
            Assert.Contains($"{Server.RootUrl}/_cache/{Develop}/ has no folder listing (no links to folders in its page); use a local clone (--source DIR).", error, StringComparison.Ordinal);
        }

        [Fact]
        public void A_folder_index_lists_its_folders_but_not_itself_or_its_parent()
        {
            string html = "<a href=\"./\">.</a><a href=\"../\">..</a><a href=\"zlib/\">zlib/</a><A HREF=\"py-gast/\">x</A><a href=\"zlib/\">again</a><a href=\"file.md\">f</a><a href=\"c%2B%2B/\">c++</a>";

            Assert.Equal(new[] { "c++", "py-gast", "zlib" }, HttpPageSource.FoldersOfIndex(html));
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("[1]")]
        [InlineData("not json")]
        [InlineData("{\"tree\": [{\"path\": \"a\"}]}")]
        public void A_github_answer_that_is_no_tree_is_refused_with_its_address(string json)
        {
            PageSourceException ex = Assert.Throws<PageSourceException>(() => HttpPageSource.FoldersOfTree(json, "https://api.example/tree"));
            Assert.StartsWith("https://api.example/tree is not a GitHub tree: ", ex.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_github_tree_lists_its_folders_in_order()
        {
            string json = "{\"tree\": [{\"path\": \"zlib\", \"type\": \"tree\"}, {\"path\": \"README.md\", \"type\": \"blob\"}, {\"path\": \"cmake\", \"type\": \"tree\"}]}";

            Assert.Equal(new[] { "cmake", "zlib" }, HttpPageSource.FoldersOfTree(json, "x"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("# nothing\n")]
        [InlineData("name: v1\n")]
        [InlineData("- [unclosed\n")]
        public void A_tag_list_must_be_a_sequence_of_names(string yaml)
        {
            PageSourceException ex = Assert.Throws<PageSourceException>(() => HttpPageSource.TagsOf(yaml, "https://x/_data/tags.yaml"));
            Assert.Equal("https://x/_data/tags.yaml is not a list of tags (- name: <tag>).", ex.Message);
        }

        /// <summary>Each retry's note says how long it waits: the delay, doubled each time (a server's Retry-After aside).</summary>
        [Fact]
        public void The_retry_notes_say_the_doubled_delay()
        {
            Server.Fail(Develop, "zlib", Fault.ServerError, Fault.ServerError);
            (int code, _, string error) = FetchDevelop("--retries", "2", "--retry-delay", "100", "zlib");

            Assert.True(code == 0, error);
            string url = $"{Server.Url}/{Develop}/zlib/specs.md";
            Assert.Contains($"{Develop}/zlib: retry 1 of 2 in 0.1 s: {url} answered 500 Internal Server Error", Lines(error));
            Assert.Contains($"{Develop}/zlib: retry 2 of 2 in 0.2 s: {url} answered 500 Internal Server Error", Lines(error));
        }

        /// <summary>A body cut short is named with the page's address, then a colon and the reason.</summary>
        [Fact]
        public void A_body_cut_short_is_reported_at_the_page()
        {
            Server.Fail(Develop, "python", Fault.DropMidBody);
            (int code, _, string error) = FetchDevelop("--retries", "0", "python");

            Assert.Equal(1, code);
            Assert.Contains($"{Server.Url}/{Develop}/python/specs.md: ", error, StringComparison.Ordinal);
            Assert.Contains("(after 1 attempt)", error, StringComparison.Ordinal);
        }

        public static TheoryData<string, double, double> RetryAfters => new TheoryData<string, double, double>
        {
            { "none", 0, 0 },
            { "5 s", 5, 5 },
            { "60 s", 60, 60 },
            { "120 s", 60, 60 },
            { "a date 5 minutes ago", 0, 0 },
            { "a date in 10 s", 8, 10 },
            { "a date in an hour", 60, 60 },
        };

        [Theory]
        [MemberData(nameof(RetryAfters))]
        public void Retry_after_is_taken_up_to_a_minute(string header, double least, double most)
        {
            using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = header switch
            {
                "none" => null,
                "5 s" => new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)),
                "60 s" => new RetryConditionHeaderValue(TimeSpan.FromSeconds(60)),
                "120 s" => new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)),
                "a date 5 minutes ago" => new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddMinutes(-5)),
                "a date in 10 s" => new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(10)),
                _ => new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddHours(1)),
            };

            TimeSpan wait = HttpPageSource.RetryAfter(response);

            Assert.InRange(wait.TotalSeconds, least, most);
        }
    }
}
