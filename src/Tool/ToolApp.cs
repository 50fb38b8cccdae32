using System;
using System.CommandLine;
using System.IO;

namespace SpecGen.Tool
{
    /// <summary>
    /// The commands of <c>specgen</c>. Exit codes: 0 success; 1 a failure or nothing found; 2 a usage error (an
    /// unknown command or option, a missing or malformed value, System.CommandLine's message and the usage).
    /// No stack trace reaches the user: an error is one line.
    /// </summary>
    public static class ToolApp
    {
        /// <summary>Where pages go and are read from when no folder is given.</summary>
        public const string DefaultFolder = "spack";

        public const int Failure = 1;

        public const int Usage = 2;

        public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, new ToolContext(output, error));

        internal static int Run(string[] args, ToolContext context)
        {
            var root = new RootCommand("specgen: get Spack build cache pages, check them as SpecGen's build does, and answer questions about them (list, show, query, diff, coverage of a lockfile, explain) without writing C#.")
            {
                FetchCommands.Fetch(context),
                FetchCommands.Update(context),
                CheckCommand.Create(context),
                DiffCommand.Create(context),
                CatalogCommands.List(context),
                CatalogCommands.Show(context),
                CatalogCommands.Query(context),
                LockfileCommands.Coverage(context),
                LockfileCommands.Explain(context),
                HostCommand.Create(context),
                SourceCommands.Tags(context),
                SourceCommands.Packages(context),
            };

            ParseResult parsed = root.Parse(args);
            var invocation = new InvocationConfiguration { Output = context.Output, Error = context.Error, EnableDefaultExceptionHandler = false };
            try
            {
                int code = parsed.Invoke(invocation);
                return parsed.Errors.Count > 0 ? Usage : code;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is PageSourceException)
            {
                context.Error.WriteLine("specgen: " + ex.Message);
                return Failure;
            }
            catch (Exception ex) when (Environment.GetEnvironmentVariable("SPECGEN_DEBUG") != "1")
            {
                context.Error.WriteLine("specgen: unexpected " + ex.GetType().Name + ": " + ex.Message + " (SPECGEN_DEBUG=1 shows where)");
                return Failure;
            }
        }
    }
}
