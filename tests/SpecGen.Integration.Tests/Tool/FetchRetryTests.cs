using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using SpecGen.Tests.Infrastructure;
using SpecGen.Tool;
using Xunit;
using static SpecGen.Tests.Tool.ToolRun;

namespace SpecGen.Tests.Tool
{
    /// <summary>
    /// What fetch promises, against a real loopback server that counts and times every request: transient answers
    /// (5xx, 408, 429) and timeouts are retried with exponential backoff or the server's Retry-After, others are not;
    /// the message counts the attempts made; no more requests run at once than --jobs; and a write that fails in the
    /// middle of a page changes no file.
    /// </summary>
    public sealed class FetchRetryTests : ServedCorpusTests
    {
        public FetchRetryTests()
            : base("specgen-retry")
        {
        }

        /// <summary>
        /// Whether a measured wait is the given one: .NET's timers run on a coarse clock (Environment.TickCount64, on
        /// Linux CLOCK_MONOTONIC_COARSE, one kernel tick: 4 ms at HZ=250, 10 ms at HZ=100), so a wait of N ms can
        /// measure up to one tick short on the server's Stopwatch (395 ms for 400 was seen). 15 ms of slack still
        /// tells a wait from none and a doubled wait from an undoubled one.
        /// </summary>
        private static bool AtLeast(TimeSpan gap, int milliseconds) => gap >= TimeSpan.FromMilliseconds(milliseconds - 15);

        [Theory]
        [InlineData(Fault.ServerError)]
        [InlineData(Fault.BadGateway)]
        [InlineData(Fault.ServiceUnavailable)]
        [InlineData(Fault.GatewayTimeout)]
        [InlineData(Fault.RequestTimeout)]
        public void A_transient_answer_is_retried_after_the_delay(Fault fault)
        {
            Server.Fail(Develop, "zlib", fault);

            (int code, _, string error) = FetchDevelop("--retries", "2", "--retry-delay", "300", "zlib");

            Assert.True(code == 0, error);
            Assert.Equal(2, Server.RequestsOf(Develop, "zlib"));
            TimeSpan gap = Server.GapsOf(Develop, "zlib").Single();
            Assert.True(AtLeast(gap, 300), "retried after " + gap.TotalMilliseconds + " ms, before the delay");
            Assert.True(File.Exists(Path.Combine(Out, Develop, "zlib", "specs.md")));
        }

        [Fact]
        public void The_backoff_doubles_the_delay_each_retry()
        {
            Server.Fail(Develop, "zlib", Fault.ServiceUnavailable, Fault.ServiceUnavailable);

            (int code, _, string error) = FetchDevelop("--retries", "3", "--retry-delay", "200", "zlib");

            Assert.True(code == 0, error);
            TimeSpan[] gaps = Server.GapsOf(Develop, "zlib");
            Assert.Equal(2, gaps.Length);
            Assert.True(AtLeast(gaps[0], 200), "first retry after " + gaps[0].TotalMilliseconds + " ms, before 200 ms");
            Assert.True(AtLeast(gaps[1], 400), "second retry after " + gaps[1].TotalMilliseconds + " ms, before 400 ms");
        }

        [Fact]
        public void Too_many_requests_waits_as_long_as_retry_after_says()
        {
            Server.Fail(Develop, "zlib", Fault.TooManyRequests);

            (int code, _, string error) = FetchDevelop("--retries", "1", "--retry-delay", "10", "zlib");

            Assert.True(code == 0, error);
            Assert.Equal(2, Server.RequestsOf(Develop, "zlib"));
            TimeSpan gap = Server.GapsOf(Develop, "zlib").Single();
            Assert.True(AtLeast(gap, 1000), "retried after " + gap.TotalMilliseconds + " ms, before the server's Retry-After");
        }

        [Fact]
        public void A_timeout_is_retried()
        {
            Server.Fail(Develop, "zlib", Fault.Slow);

            (int code, _, string error) = FetchDevelop("--retries", "1", "--retry-delay", "10", "--timeout", "1", "zlib");

            Assert.True(code == 0, error);
            Assert.Equal(2, Server.RequestsOf(Develop, "zlib"));
        }

        [Fact]
        public void A_refusal_is_not_retried_and_the_message_counts_the_attempts_made()
        {
            Server.Fail(Develop, "zlib", Fault.Forbidden);
            Server.Fail(Develop, "cmake", Fault.ServerError, Fault.ServerError, Fault.ServerError, Fault.ServerError);

            (int code, _, string error) = FetchDevelop("--retries", "2", "--retry-delay", "10", "zlib", "cmake");

            Assert.Equal(1, code);
            Assert.Equal(1, Server.RequestsOf(Develop, "zlib"));
            Assert.Contains("answered 403 Forbidden", error, StringComparison.Ordinal);
            Assert.Equal(3, Server.RequestsOf(Develop, "cmake"));
            Assert.Contains("answered 500 Internal Server Error (after 3 attempts)", error, StringComparison.Ordinal);
            AssertNoStackTrace(error);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(4)]
        public void No_more_requests_run_at_once_than_jobs(int jobs)
        {
            Server.AnswerDelay = TimeSpan.FromMilliseconds(250);
            string[] packages = { "zlib", "cmake", "python", "zlib-ng", "py-gast", "openmpi", "hdf5", "boost" };

            (int code, _, string error) = FetchDevelop(new[] { "--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(packages).ToArray());

            Assert.True(code == 0, error);
            Assert.Equal(jobs, Server.MaxInFlight);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public void A_write_that_fails_in_the_middle_of_a_page_changes_no_file(int failingWrite)
        {
            Assert.Equal(0, FetchDevelop("zlib", "cmake").Code);
            Dictionary<string, string> before = Files();
            int writes = 0;

            // The n-th write puts half of the page where it was told to, then fails, as a crash or a full disk would.
            (int code, _, string error) = Run(
                (o, e) => new ToolContext(o, e)
                {
                    WriteFile = (path, text) =>
                    {
                        if (Interlocked.Increment(ref writes) == failingWrite)
                        {
                            File.WriteAllText(path, text.Substring(0, text.Length / 2));
                            throw new IOException("the disk failed in the middle of the page");
                        }

                        File.WriteAllText(path, text);
                    },
                },
                "fetch", "--tag", Develop, "--source", Server.Url, "--out", Out, "zlib", "cmake", "python");

            Assert.Equal(1, code);
            Assert.Contains("the disk failed in the middle of the page", error, StringComparison.Ordinal);
            AssertNoStackTrace(error);
            Assert.Equal(before, Files());
        }

        /// <summary>Every file under the output folder, with its text.</summary>
        private Dictionary<string, string> Files()
        {
            return Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        }
    }
}
