using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CacheQuery;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Samples
{
    /// <summary>The CacheQuery sample over the pages bundled with it.</summary>
    public class CacheQueryTests
    {
        private static (int Code, string Output, string Error) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CacheQueryApp.Run(args, output, error);
            return (code, output.ToString(), error.ToString());
        }

        private static List<OracleSpec> BundledPages()
        {
            string pages = Path.Combine(TestPaths.RepositoryRoot, "samples", "CacheQuery", "pages");
            return Directory.EnumerateFiles(pages, "specs.md", SearchOption.AllDirectories)
                .Select(p => PageOracle.Read(File.ReadAllText(p)))
                .OrderBy(s => s[0].Tag, StringComparer.Ordinal)
                .ThenBy(s => s[0].Package, StringComparer.Ordinal)
                .SelectMany(s => s)
                .ToList();
        }

        [Fact]
        public void List_json_round_trips_every_field_of_every_bundled_page()
        {
            (int code, string output, string error) = Run("list", "--json");

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            List<OracleSpec> expected = BundledPages();
            Assert.Equal(expected.Count, lines.Length);
            for (int i = 0; i < lines.Length; i++)
            {
                using JsonDocument json = JsonDocument.Parse(lines[i]);
                JsonElement o = json.RootElement;
                Assert.Equal(
                    new[] { "package", "tag", "hash", "compiler", "os", "platform", "target", "stacks", "variants", "versions", "size", "tarball" },
                    o.EnumerateObject().Select(p => p.Name).ToArray());
                var actual = new OracleSpec(
                    o.GetProperty("package").GetString()!,
                    o.GetProperty("tag").GetString()!,
                    o.GetProperty("hash").GetString()!,
                    o.GetProperty("compiler").GetString()!,
                    o.GetProperty("os").GetString()!,
                    o.GetProperty("platform").GetString()!,
                    o.GetProperty("target").GetString()!,
                    o.GetProperty("stacks").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                    o.GetProperty("variants").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                    o.GetProperty("versions").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                    o.GetProperty("size").GetRawText(),
                    o.GetProperty("tarball").ValueKind == JsonValueKind.Null ? null : o.GetProperty("tarball").GetString());
                Assert.True(PageOracle.Difference(expected[i], actual) is null, $"line {i}: {PageOracle.Difference(expected[i], actual)}");
            }
        }

        [Fact]
        public void List_filters_by_package_and_target_as_the_readme_shows()
        {
            (int code, string output, _) = Run("list", "--package", "py-gast", "--target", "aarch64", "--json");

            Assert.Equal(0, code);
            int expected = BundledPages().Count(s => s.Package == "py-gast" && s.Target == "aarch64");
            Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.True(expected > 0);
        }

        [Fact]
        public void List_prints_a_table_with_a_count()
        {
            (int code, string output, _) = Run("list", "--package", "py-gast", "--target", "aarch64");

            Assert.Equal(0, code);
            Assert.Contains("7u33aej", output);
            Assert.Contains(BundledPages().Count(s => s.Package == "py-gast" && s.Target == "aarch64") + " specs", output);
        }

        [Fact]
        public void List_names_an_unknown_filter_value()
        {
            (int code, _, string error) = Run("list", "--stack", "e4sx");

            Assert.Equal(2, code);
            Assert.Contains("no stack 'e4sx'", error);
            Assert.Contains("e4s", error);
        }

        [Fact]
        public void Show_prints_the_spec_in_spack_syntax()
        {
            (int code, string output, _) = Run("show", "7u33aej");

            Assert.Equal(0, code);
            Assert.StartsWith("py-gast@0.5.4 build_system=python_pip arch=linux-ubuntu24.04-aarch64 /7u33aej", output);
            Assert.Contains("7u33aejtwnddwzz5674krdvmhbgnqjq5", output);
        }

        [Theory]
        [InlineData("zzzzzzz", "No spec")]
        [InlineData("a", "more than one")]
        public void Show_fails_with_a_message_when_nothing_or_several_match(string prefix, string message)
        {
            (int code, string output, string error) = Run("show", prefix);

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains(message, error);
        }

        [Fact]
        public void Query_lists_matching_specs_newest_version_first()
        {
            (int code, string output, string error) = Run("query", "python@3.10: target=x86_64_v3 %gcc@11:", "--json");

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            string[] versions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("versions")[0].GetString()!)
                .ToArray();
            List<OracleSpec> expected = BundledPages()
                .Where(s => s.Package == "python" && s.Target == "x86_64_v3" && s.Compiler.StartsWith("gcc@", StringComparison.Ordinal)
                    && SpackVersionOracle.Compare(s.Versions[0], "3.10") >= 0
                    && SpackVersionOracle.Compare(s.Compiler.Substring(s.Compiler.IndexOf('@') + 1).TrimStart('='), "11") >= 0)
                .ToList();
            Assert.Equal(expected.Count, versions.Length);
            Assert.True(versions.Length > 3);
            // Newest first, by the independent reading of Spack's version order (not SpecGen's SpackVersion).
            Assert.Equal(versions.OrderByDescending(v => v, Comparer<string>.Create(SpackVersionOracle.Compare)), versions);
            Assert.Contains("3.13", versions[0], StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("linux-ubuntu20.04-zen3", "x86_64", "zen3, zen2, zen, x86_64_v3, x86_64_v2, x86_64")]
        [InlineData("linux-rhel9-neoverse_v2", "aarch64", "neoverse_v2, neoverse_n1, armv9.0a, cortex_a72, armv8.2a, aarch64, armv8.1a, armv8.5a, armv8.4a, armv8.3a")]
        [InlineData("linux-centos7-power8le", "ppc64le", "power8le, ppc64le")]
        public void Host_reads_a_saved_cpuinfo(string report, string machine, string runs)
        {
            string file = Path.Combine(AppContext.BaseDirectory, "Archspec", "targets", report);
            (int code, string output, string error) = Run("host", "--cpuinfo", file, "--machine", machine);

            Assert.True(code == 0, error);
            Assert.Contains("target: " + report.Split('-', 3)[2] + "\n", output.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("runs binaries for: " + runs, output, StringComparison.Ordinal);
        }

        [Fact]
        public void Host_reads_saved_sysctl_output_and_this_machine()
        {
            string file = Path.Combine(AppContext.BaseDirectory, "Archspec", "targets", "darwin-monterey-m1");
            (int code, string output, _) = Run("host", "--sysctl", file);
            Assert.Equal(0, code);
            Assert.Contains("target: m1", output, StringComparison.Ordinal);
            Assert.Contains("family: aarch64, generic: armv8.4a, vendor: Apple", output, StringComparison.Ordinal);

            (code, output, _) = Run("host");
            Assert.Equal(0, code);
            Assert.StartsWith(SpackArch.Current.ToString(), output, StringComparison.Ordinal);

            (code, _, string error) = Run("host", "--cpuinfo", file);
            Assert.Equal(2, code);
            Assert.Contains("--machine", error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("linux-ubuntu20.04-zen3", "", "zen3", "the next level: zen4 needs avx512_bf16, which this CPU lacks")]
        [InlineData("linux-ubuntu20.04-zen3", " abm", "x86_64_v2", "the next levels: x86_64_v3 needs abm, bulldozer needs abm, which this CPU lacks")]
        [InlineData("linux-centos7-power8le", "", "power8le", "the next level: power9le needs POWER9; this CPU is POWER8")]
        [InlineData("linux-rocky8.5-zen4", "", "zen4", "the next level: zen5 needs avx512_vp2intersect, which this CPU lacks")]
        public void Host_says_why_the_target_is_what_it_is(string report, string removeFlag, string target, string why)
        {
            // A saved report, optionally with a flag taken out of its flags line (as on a machine that lacks it).
            string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Archspec", "targets", report));
            if (removeFlag.Length > 0)
            {
                text = System.Text.RegularExpressions.Regex.Replace(text, "(flags\\s*:.*?)" + removeFlag + "(?= |$)", "$1", System.Text.RegularExpressions.RegexOptions.Multiline);
            }

            using TempDirectory dir = DotNet.TempDirectory("specgen-host");
            string file = dir.Write("cpuinfo", text);
            (int code, string output, string error) = Run("host", "--cpuinfo", file, "--machine", report.Contains("power", StringComparison.Ordinal) ? "ppc64le" : "x86_64");

            Assert.True(code == 0, error);
            string[] lines = output.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
            Assert.Contains("target: " + target, lines);
            Assert.Contains("why: " + why, lines);
        }

        [Fact]
        public void Usage_mistakes_exit_2_with_the_usage()
        {
            (int code, string output, string error) = Run("list", "--bogus");
            Assert.Equal(2, code);
            Assert.Contains("Unrecognized command or argument '--bogus'", error, StringComparison.Ordinal);
            Assert.Contains("Usage:", output, StringComparison.Ordinal);

            (code, _, _) = Run();
            Assert.Equal(2, code);
        }

        [Theory]
        [InlineData("list", "zen4")]
        [InlineData("list", "neoverse_v2")]
        [InlineData("query", "zen3")]
        [InlineData("query", "host")]
        public void Runnable_on_keeps_the_binaries_that_run_on_the_target(string command, string target)
        {
            string host = target == "host" ? Microarchitecture.Host.Name : target;
            string[] args = command == "list" ? new[] { "list", "--runnable-on", target, "--json" } : new[] { "query", "python", "--runnable-on", target, "--json" };
            (int code, string output, string error) = Run(args);

            Assert.True(code == 0, error);
            string[] hashes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("hash").GetString()!).OrderBy(h => h, StringComparer.Ordinal).ToArray();
            string[] expected = BundledPages().Where(s => (command == "list" || s.Package == "python") && ArchspecOracle.Instance.RunsOn(s.Target, host)).Select(s => s.Hash).OrderBy(h => h, StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, hashes);
            if (target != "host")
            {
                Assert.NotEmpty(hashes);
            }

            (code, _, error) = Run(command == "list" ? new[] { "list", "--runnable-on", "zen9" } : new[] { "query", "python", "--runnable-on", "zen9" });
            Assert.Equal(2, code);
            Assert.Contains("'zen9' is not a microarchitecture archspec knows", error, StringComparison.Ordinal);
        }

        [Fact]
        public void Query_reports_a_malformed_constraint_with_its_position()
        {
            (int code, string output, string error) = Run("query", "py-gast ^python");

            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            Assert.Contains("position 8", error);
        }

        [Fact]
        public void Stats_counts_specs_per_tag()
        {
            (int code, string output, _) = Run("stats");

            Assert.Equal(0, code);
            List<OracleSpec> specs = BundledPages();
            Assert.Contains(specs.Count + " specs", output);
            foreach (IGrouping<string, OracleSpec> tag in specs.GroupBy(s => s.Tag))
            {
                Assert.Matches(tag.Key + @"\s*│\s*" + tag.Count() + @"\s*│", output);
            }
        }
    }
}
