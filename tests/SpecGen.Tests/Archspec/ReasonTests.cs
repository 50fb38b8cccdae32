using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Archspec
{
    /// <summary>
    /// Why the host is the target it is (<see cref="Microarchitecture.ReasonFromCpuInfo"/>), for the sample machine reports,
    /// against an expectation read from archspec's JSON here: each next level (a microarchitecture whose <c>from</c> lists
    /// the detected one, generic or of the CPU's vendor, in the file's order) with the first of its features, in
    /// alphabetical order (archspec keeps them as a set), that the report's flags lack; for POWER the generation each
    /// next level needs.
    /// </summary>
    public class ReasonTests
    {
        private static readonly string Targets = Path.Combine(AppContext.BaseDirectory, "Archspec", "targets");

        [Theory]
        [InlineData("linux-rhel7-haswell")]
        [InlineData("linux-rhel7-skylake_avx512")]
        [InlineData("linux-rocky8.5-zen4")]
        [InlineData("linux-ubuntu20.04-zen3")]
        public void An_x86_report_names_the_first_missing_feature_of_each_next_level(string report)
        {
            string text = File.ReadAllText(Path.Combine(Targets, report));
            string detected = report.Split('-', 3)[2];
            string vendor = Field(text, "vendor_id");
            var flags = new HashSet<string>(Field(text, "flags").Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

            var reasons = new List<string>();
            foreach ((string name, string[] parents, string uarchVendor, string[] features, _) in Archspec())
            {
                if (parents.Contains(detected) && (uarchVendor == "generic" || uarchVendor == vendor) && features.OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault(f => !flags.Contains(f)) is string missing)
                {
                    reasons.Add(name + " needs " + missing);
                }
            }

            string expected = reasons.Count == 0
                ? "archspec has no more specific target for this CPU (vendor " + vendor + ") than " + detected
                : (reasons.Count == 1 ? "the next level: " : "the next levels: ") + string.Join(", ", reasons) + ", which this CPU lacks";
            Assert.Equal(expected, Microarchitecture.ReasonFromCpuInfo(text, "x86_64"));
        }

        [Fact]
        public void A_power_report_names_the_generation_of_each_next_level()
        {
            string text = File.ReadAllText(Path.Combine(Targets, "linux-centos7-power8le"));
            int generation = int.Parse(new string(Field(text, "cpu").Substring("POWER".Length).TakeWhile(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            string[] next = Archspec().Where(u => u.Parents.Contains("power8le") && u.Generation > generation).Select(u => u.Name + " needs POWER" + u.Generation).ToArray();

            Assert.NotEmpty(next);
            Assert.Equal(
                (next.Length == 1 ? "the next level: " : "the next levels: ") + string.Join(", ", next) + "; this CPU is POWER" + generation,
                Microarchitecture.ReasonFromCpuInfo(text, "ppc64le"));
        }

        [Fact]
        public void Risc_v_apple_and_unknown_families_say_what_names_them()
        {
            string sifive = File.ReadAllText(Path.Combine(Targets, "linux-sifive-u74mc"));
            Assert.Equal("RISC-V is named by the report's uarch line (u74mc)", Microarchitecture.ReasonFromCpuInfo(sifive, "riscv64"));
            string m1 = File.ReadAllText(Path.Combine(Targets, "darwin-monterey-m1"));
            Assert.Equal("Apple silicon is named by its brand string (m1)", Microarchitecture.ReasonFromSysctl(m1, "arm64"));
            Assert.Equal("archspec has no microarchitectures of the s390x family", Microarchitecture.ReasonFromCpuInfo(string.Empty, "s390x"));
            Assert.Throws<ArgumentNullException>(() => Microarchitecture.ReasonFromCpuInfo(null!, "x86_64"));
            Assert.Throws<ArgumentNullException>(() => Microarchitecture.ReasonFromCpuInfo(sifive, null!));
            Assert.Throws<ArgumentNullException>(() => Microarchitecture.ReasonFromSysctl(null!, "arm64"));
            Assert.Throws<ArgumentNullException>(() => Microarchitecture.ReasonFromSysctl(m1, null!));
        }

        [Fact]
        public void A_report_without_a_vendor_line_is_of_the_generic_vendor()
        {
            // archspec's proc_cpuinfo: vendor_id absent means "generic"; every child of x86_64_v4 is of a vendor, so
            // a CPU with all of x86_64_v4's features and no vendor goes no further.
            string cpuinfo = "processor\t: 0\nflags\t\t: " + string.Join(" ", Microarchitecture.Parse("x86_64_v4").Features) + "\n";
            Assert.Equal("x86_64_v4", Microarchitecture.DetectFromCpuInfo(cpuinfo, "x86_64").Name);
            Assert.Equal("archspec has no more specific target for this CPU (vendor generic) than x86_64_v4", Microarchitecture.ReasonFromCpuInfo(cpuinfo, "x86_64"));

            // A RISC-V report without a uarch line is named by its family.
            Assert.Equal("riscv64", Microarchitecture.DetectFromCpuInfo("processor\t: 0\n", "riscv64").Name);
            Assert.Equal("RISC-V is named by the report's uarch line (riscv64)", Microarchitecture.ReasonFromCpuInfo("processor\t: 0\n", "riscv64"));
        }

        /// <summary>The first value of a <c>key : value</c> line of a cpuinfo report.</summary>
        private static string Field(string cpuinfo, string key)
        {
            foreach (string line in cpuinfo.Split('\n'))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line.Substring(0, colon).Trim() == key)
                {
                    return line.Substring(colon + 1).Trim();
                }
            }

            throw new InvalidOperationException("no " + key + " line");
        }

        /// <summary>archspec's microarchitectures in the file's order: name, parents, vendor, features, generation.</summary>
        private static IEnumerable<(string Name, string[] Parents, string Vendor, string[] Features, int Generation)> Archspec()
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "data", "archspec", "microarchitectures.json")));
            var all = new List<(string, string[], string, string[], int)>();
            foreach (JsonProperty uarch in document.RootElement.GetProperty("microarchitectures").EnumerateObject())
            {
                JsonElement from = uarch.Value.GetProperty("from");
                string[] parents = from.ValueKind == JsonValueKind.Array ? from.EnumerateArray().Select(p => p.GetString()!).ToArray() : from.ValueKind == JsonValueKind.String ? new[] { from.GetString()! } : Array.Empty<string>();
                string[] features = uarch.Value.GetProperty("features").EnumerateArray().Select(f => f.GetString()!).ToArray();
                int generation = uarch.Value.TryGetProperty("generation", out JsonElement g) ? g.GetInt32() : 0;
                all.Add((uarch.Name, parents, uarch.Value.GetProperty("vendor").GetString()!, features, generation));
            }

            return all;
        }
    }
}
