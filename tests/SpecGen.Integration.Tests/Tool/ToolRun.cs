using System;
using System.IO;
using System.Linq;
using SpecGen.Tool;
using Xunit;

namespace SpecGen.Tests.Tool
{
    /// <summary>Runs the specgen tool in the test's process with its streams captured.</summary>
    internal static class ToolRun
    {
        public static (int Code, string Output, string Error) Run(params string[] args) => Run(null, args);

        /// <summary>With <paramref name="configure"/> making the context from the captured streams (a terminal, a failing disk).</summary>
        public static (int Code, string Output, string Error) Run(Func<TextWriter, TextWriter, ToolContext>? configure, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = ToolApp.Run(args, configure is null ? new ToolContext(output, error) : configure(output, error));
            return (code, output.ToString(), error.ToString());
        }

        /// <summary>An error for a person: no stack trace, each problem on a line of its own.</summary>
        public static void AssertNoStackTrace(string error)
        {
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception:", error, StringComparison.Ordinal);
        }

        /// <summary>The non-empty lines of a text.</summary>
        public static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }
}
