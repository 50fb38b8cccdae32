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

            Assert.Equal(ByFeatures(detected, vendor, flags), Microarchitecture.ReasonFromCpuInfo(text, "x86_64"));
        }

        /// <summary>AArch64 on Linux goes by features as x86_64 does (the Apple brand rule is macOS's alone).</summary>
        [Theory]
        [InlineData("linux-amazon-neoverse_n1")]
        [InlineData("linux-rhel9-neoverse_v2")]
        [InlineData("linux-ubuntu22.04-ampere1")]
        [InlineData("linux-asahi-m1")]
        public void An_aarch64_report_on_linux_names_the_first_missing_feature_of_each_next_level(string report)
        {
            string text = File.ReadAllText(Path.Combine(Targets, report));
            string detected = report.Split('-', 3)[2];
            string vendor = Archspec().Single(u => u.Name == detected).Vendor;
            var flags = new HashSet<string>(Field(text, "Features").Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

            Assert.Equal(detected, Microarchitecture.DetectFromCpuInfo(text, "aarch64").Name);
            Assert.Equal(ByFeatures(detected, vendor, flags), Microarchitecture.ReasonFromCpuInfo(text, "aarch64"));
        }

        [Fact]
        public void A_generic_level_names_the_one_generic_level_after_it()
        {
            // Exactly x86_64_v2's features and no vendor: x86_64_v2, whose only child of its vendor (generic) is x86_64_v3.
            string[] v2 = Archspec().Single(u => u.Name == "x86_64_v2").Features;
            string cpuinfo = "processor\t: 0\nflags\t\t: " + string.Join(" ", v2) + "\n";
            string expected = ByFeatures("x86_64_v2", "generic", new HashSet<string>(v2, StringComparer.Ordinal));

            Assert.StartsWith("the next level: x86_64_v3 needs ", expected, StringComparison.Ordinal);
            Assert.Equal(expected, Microarchitecture.ReasonFromCpuInfo(cpuinfo, "x86_64"));

            // The same features from an AMD CPU: still x86_64_v2 (no AMD target has only these), and the generic level
            // after it is named beside any AMD one.
            string amd = "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: " + string.Join(" ", v2) + "\n";
            string amdExpected = ByFeatures("x86_64_v2", "AuthenticAMD", new HashSet<string>(v2, StringComparer.Ordinal));
            Assert.Equal("x86_64_v2", Microarchitecture.DetectFromCpuInfo(amd, "x86_64").Name);
            Assert.Contains("x86_64_v3 needs ", amdExpected, StringComparison.Ordinal);
            Assert.Equal(amdExpected, Microarchitecture.ReasonFromCpuInfo(amd, "x86_64"));
        }

        /// <summary>The reason by features: each child of the detected target, generic or of the vendor, with the alphabetically first feature the flags lack.</summary>
        private static string ByFeatures(string detected, string vendor, HashSet<string> flags)
        {
            var reasons = new List<string>();
            foreach ((string name, string[] parents, string uarchVendor, string[] features, _) in Archspec())
            {
                if (parents.Contains(detected) && (uarchVendor == "generic" || uarchVendor == vendor) && features.OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault(f => !flags.Contains(f)) is string missing)
                {
                    reasons.Add(name + " needs " + missing);
                }
            }

            return reasons.Count == 0
                ? "archspec has no more specific target for this CPU (vendor " + vendor + ") than " + detected
                : (reasons.Count == 1 ? "the next level: " : "the next levels: ") + string.Join(", ", reasons) + ", which this CPU lacks";
        }

        [Theory]
        [InlineData("ppc64le", "power8le")]
        [InlineData("ppc64", "power8")]
        public void A_power_report_names_the_generation_of_each_next_level(string machine, string detected)
        {
            // The same POWER8 report read as little-endian (the sample machine) and as big-endian POWER.
            string text = File.ReadAllText(Path.Combine(Targets, "linux-centos7-power8le"));
            int generation = int.Parse(new string(Field(text, "cpu").Substring("POWER".Length).TakeWhile(char.IsDigit).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
            string[] next = Archspec().Where(u => u.Parents.Contains(detected) && u.Generation > generation).Select(u => u.Name + " needs POWER" + u.Generation).ToArray();

            Assert.Equal(detected, Microarchitecture.DetectFromCpuInfo(text, machine).Name);
            Assert.NotEmpty(next);
            Assert.Equal(
                (next.Length == 1 ? "the next level: " : "the next levels: ") + string.Join(", ", next) + "; this CPU is POWER" + generation,
                Microarchitecture.ReasonFromCpuInfo(text, machine));
        }

        [Fact]
        public void Risc_v_apple_and_unknown_families_say_what_names_them()
        {
            string sifive = File.ReadAllText(Path.Combine(Targets, "linux-sifive-u74mc"));
            Assert.Equal("RISC-V is named by the report's uarch line (u74mc)", Microarchitecture.ReasonFromCpuInfo(sifive, "riscv64"));
            string m1 = File.ReadAllText(Path.Combine(Targets, "darwin-monterey-m1"));
            Assert.Equal("Apple silicon is named by its brand string (m1)", Microarchitecture.ReasonFromSysctl(m1, "arm64"));
            Assert.Equal("archspec has no microarchitectures of the s390x family", Microarchitecture.ReasonFromCpuInfo(string.Empty, "s390x"));
            Assert.Throws<ArgumentNullException>("procCpuInfo", () => Microarchitecture.ReasonFromCpuInfo(null!, "x86_64"));
            Assert.Throws<ArgumentNullException>("machine", () => Microarchitecture.ReasonFromCpuInfo(sifive, null!));
            Assert.Throws<ArgumentNullException>("sysctlOutput", () => Microarchitecture.ReasonFromSysctl(null!, "arm64"));
            Assert.Throws<ArgumentNullException>("machine", () => Microarchitecture.ReasonFromSysctl(m1, null!));

            // A family archspec has no checks for (i686: only generic_microarchitecture) reads nothing of the report.
            string intel = "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu\n";
            Assert.Equal("i686", Microarchitecture.DetectFromCpuInfo(intel, "i686").Name);
            Assert.Equal("archspec has no more specific target for this CPU (vendor unknown) than i686", Microarchitecture.ReasonFromCpuInfo(intel, "i686"));
            Assert.Equal("archspec has no more specific target for this CPU (vendor unknown) than x86", Microarchitecture.ReasonFromCpuInfo(intel, "x86"));
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
