using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using SpecGen.Scale;

namespace SpecGen.Benchmarks
{
    /// <summary>
    /// BenchmarkDotNet entry point, plus two helpers for measure.sh:
    /// <c>write-pages one|S1|S10|snapshot|all DIR</c> writes a synthetic corpus, and
    /// <c>yaml-first-answer DIR HASH</c> answers a lookup the way a tool without SpecGen would (parse every page at start-up).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            long start = Stopwatch.GetTimestamp();
            if (args.Length == 3 && args[0] == "write-pages")
            {
                var pages = SyntheticPages.ByName(args[1]);
                long bytes = SyntheticPages.Write(args[2], pages);
                Console.WriteLine($"{pages.Count} pages, {bytes} bytes, first hash {FirstHash(pages[0].Text)}");
                return 0;
            }

            if (args.Length == 3 && args[0] == "yaml-first-answer")
            {
                var records = Corpora.Records(Directory.EnumerateFiles(args[1], "specs.md", SearchOption.AllDirectories).Select(p => (p, File.ReadAllText(p))));
                SpecRecord? found = records.FirstOrDefault(r => r.Hash == args[2]);
                double micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                Console.WriteLine($"answer: {found?.Package}@{found?.Versions[0]}");
                Console.WriteLine($"first-answer-us: {micros:F0}");
                return found is null ? 1 : 0;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
            return 0;
        }

        private static string FirstHash(string page)
        {
            int at = page.IndexOf("\"hash\": \"", StringComparison.Ordinal) + 9;
            return page.Substring(at, 32);
        }
    }
}
