using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>Runs the dotnet CLI in a child process, as a user would from a shell.</summary>
    internal static class DotNet
    {
        public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            // The test host's MSBuild settings must not leak into the child build, nor a runtime setting SpecGen's targets read.
            foreach (string key in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG", "DOTNET_TieredPGO", "COMPlus_TieredPGO" })
            {
                start.Environment.Remove(key);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

            using Process process = Process.Start(start)!;
            var output = new StringBuilder();
            Task stdout = Task.Run(() => Copy(process.StandardOutput, output));
            Task stderr = Task.Run(() => Copy(process.StandardError, output));
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet " + string.Join(" ", args) + " ran for more than 5 minutes:\n" + output);
            }

            Task.WaitAll(stdout, stderr);
            return (process.ExitCode, output.ToString());
        }

        /// <summary>A fresh directory under the system temp folder, deleted when disposed.</summary>
        public static TempDirectory TempDirectory(string prefix) => new TempDirectory(prefix);

        private static void Copy(StreamReader reader, StringBuilder output)
        {
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }

    internal sealed class TempDirectory : IDisposable
    {
        public TempDirectory(string prefix)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string Write(string relative, string text)
        {
            string full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
            return full;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
