using System;
using System.IO;
using System.Text;

namespace SpecGen.Tool
{
    /// <summary>Entry point of <c>specgen</c>.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            // Standard output is buffered when redirected (a listing of 50,000 specs is not 50,000 writes) and flushed
            // at the end; a failure to write it (a full disk) is one line and exit 1, as any other.
            var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = !Console.IsOutputRedirected };
            int code = ToolApp.Run(args, ToolContext.Console(output));
            try
            {
                output.Dispose();
            }
            catch (IOException ex)
            {
                // Unless the run already failed on it (and said so).
                if (code == 0)
                {
                    Console.Error.WriteLine("specgen: cannot write the output: " + ex.Message);
                }

                return ToolApp.Failure;
            }

            return code;
        }
    }
}
