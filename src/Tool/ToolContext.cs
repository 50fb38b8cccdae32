using System;
using System.IO;
using System.Text;

namespace SpecGen.Tool
{
    /// <summary>What a run of the tool writes to and with: its streams, whether standard error is a terminal, how files are written, and where GitHub's API is.</summary>
    internal sealed class ToolContext
    {
        public ToolContext(TextWriter output, TextWriter error)
        {
            Output = output;
            Error = error;
        }

        public TextWriter Output { get; }

        public TextWriter Error { get; }

        /// <summary>True when standard error is a terminal: progress is one line redrawn in place (a bar); otherwise plain lines.</summary>
        public bool Interactive { get; init; }

        /// <summary>True with <c>SPECGEN_TIMING=1</c>: how long reading the pages and answering took, on standard error.</summary>
        public bool Timing { get; init; }

        /// <summary>Writes a file (a page's temporary file); tests replace it to fail as a full disk does.</summary>
        public Action<string, string> WriteFile { get; init; } = (path, text) => File.WriteAllText(path, text, new UTF8Encoding(false));

        /// <summary>GitHub's REST API, for listing a tag's folder in a repository on GitHub.</summary>
        public string GitHubApi { get; init; } = "https://api.github.com";

        /// <summary>
        /// The context of the process: standard output through <paramref name="output"/> (buffered: the caller flushes
        /// it), the console's standard error, progress when standard error is a terminal.
        /// </summary>
        public static ToolContext Console(TextWriter output) => new ToolContext(output, System.Console.Error)
        {
            Interactive = !System.Console.IsErrorRedirected,
            Timing = Environment.GetEnvironmentVariable("SPECGEN_TIMING") == "1",
        };
    }
}
