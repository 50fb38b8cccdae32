using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using CsCheck;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Archspec
{
    /// <summary>
    /// Detection as archspec does it (archspec/cpu/detect.py), on archspec's sample machine reports
    /// (tests/Archspec/targets, named platform-os-expected), on reports changed by hand, and on this machine.
    /// </summary>
    public class DetectionTests
    {
        private static readonly string Targets = Path.Combine(AppContext.BaseDirectory, "Archspec", "targets");

        public static IEnumerable<object[]> Reports()
        {
            return Directory.GetFiles(Targets).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).Select(n => new object[] { n! });
        }

        [Theory]
        [MemberData(nameof(Reports))]
        public void Every_sample_report_is_detected_as_its_name_says(string report)
        {
            string expected = report.Split('-', 3)[2];
            string text = File.ReadAllText(Path.Combine(Targets, report));

            Microarchitecture detected = report.StartsWith("darwin-", StringComparison.Ordinal)
                ? Microarchitecture.DetectFromSysctl(text, "x86_64")
                : Microarchitecture.DetectFromCpuInfo(text, Machine(expected));

            Assert.Equal(expected, detected.Name);
        }

        [Fact]
        public void There_are_twelve_sample_reports_covering_five_families()
        {
            string[] names = Reports().Select(r => (string)r[0]).ToArray();
            Assert.Equal(12, names.Length);
            Assert.Equal(new[] { "aarch64", "ppc64le", "riscv64", "x86_64" }, names.Select(n => Microarchitecture.Parse(n.Split('-', 3)[2]).Family.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal));
        }

        /// <summary>What uname -m says on a machine of that family (the reports are named by target, not by machine).</summary>
        private static string Machine(string target) => Microarchitecture.Parse(target).Family.Name;

        [Fact]
        public void Apple_silicon_under_rosetta_is_still_apple_silicon()
        {
            // detect.py _machine: on Darwin an Apple brand string means aarch64 whatever uname -m says.
            string m1 = File.ReadAllText(Path.Combine(Targets, "darwin-monterey-m1"));
            Assert.Equal("m1", Microarchitecture.DetectFromSysctl(m1, "x86_64").Name);
            Assert.Equal("m1", Microarchitecture.DetectFromSysctl(m1, "arm64").Name);
        }

        [Theory]
        [InlineData("machdep.cpu.brand_string: Apple M2 Max", "m2")]
        [InlineData("machdep.cpu.brand_string: Apple M4 Pro", "m4")]
        [InlineData("machdep.cpu.brand_string: Apple M9", "m4")]
        [InlineData("machdep.cpu.brand_string: Apple processor", "m1")]
        [InlineData("machdep.cpu.brand_string: Apple Virtual Machine", "aarch64")]
        [InlineData("machdep.cpu.brand_string: AppleM2", "aarch64")]
        [InlineData("machdep.cpu.brand_string: Apple Mx", "aarch64")]
        [InlineData("machdep.cpu.brand_string: Apple M", "aarch64")]
        [InlineData("machdep.cpu.brand_string: Apple Mx, Apple M2", "m2")]
        public void Apple_models_count_down_to_one_archspec_knows(string sysctl, string expected)
        {
            // _sysctl_info_apple: M<n> counts down to the newest known model; an unrecognized Apple brand is generic aarch64.
            Assert.Equal(expected, Microarchitecture.DetectFromSysctl(sysctl, "arm64").Name);
        }

        [Fact]
        public void A_missing_feature_moves_detection_down_the_graph()
        {
            string zen3 = File.ReadAllText(Path.Combine(Targets, "linux-ubuntu20.04-zen3"));

            // Without avx2 nothing at x86_64_v3 or above qualifies; the AMD parts left are below x86_64_v3.
            Microarchitecture withoutAvx2 = Microarchitecture.DetectFromCpuInfo(Remove(zen3, "avx2"), "x86_64");
            Assert.Equal("x86_64_v2", withoutAvx2.Generic.Name);
            Assert.False(Microarchitecture.Parse("x86_64_v3") <= withoutAvx2);

            // The same flags from another vendor: the AMD parts drop out, and the deepest Intel part these flags
            // cover wins (skylake: skylake_avx512 and later need AVX-512 or gfni, which zen3 lacks).
            Microarchitecture intel = Microarchitecture.DetectFromCpuInfo(zen3.Replace("AuthenticAMD", "GenuineIntel", StringComparison.Ordinal), "x86_64");
            Assert.Equal("skylake", intel.Name);

            // A vendor archspec lists no part for: only the generic levels stay.
            Microarchitecture other = Microarchitecture.DetectFromCpuInfo(zen3.Replace("AuthenticAMD", "HygonGenuine", StringComparison.Ordinal), "x86_64");
            Assert.Equal("x86_64_v3", other.Name);
        }

        [Fact]
        public void Only_the_first_processor_block_counts()
        {
            string zen3 = File.ReadAllText(Path.Combine(Targets, "linux-ubuntu20.04-zen3"));
            string haswell = File.ReadAllText(Path.Combine(Targets, "linux-rhel7-haswell"));

            Assert.Equal("zen3", Microarchitecture.DetectFromCpuInfo(zen3.TrimEnd() + "\n\n" + haswell, "x86_64").Name);
            Assert.Equal("haswell", Microarchitecture.DetectFromCpuInfo(haswell.TrimEnd().Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n\r\n" + zen3, "x86_64").Name);
        }

        [Theory]
        [InlineData("", "x86_64", "x86_64")]
        [InlineData("", "aarch64", "aarch64")]
        [InlineData("", "ppc64le", "ppc64le")]
        [InlineData("", "riscv64", "riscv64")]
        [InlineData("cpu : POWER9 (raw), altivec supported", "ppc64le", "power9le")]
        [InlineData("cpu : POWER10 (architected)", "ppc64le", "power10le")]
        [InlineData("cpu : POWER99", "ppc64le", "power10le")]
        [InlineData("cpu : QEMU emulated", "ppc64le", "ppc64le")]
        [InlineData("uarch : spacemit,x60", "riscv64", "x60")]
        [InlineData("uarch : thead,c910", "riscv64", "riscv64")]
        [InlineData("uarch : sifive,u74-mc", "riscv64", "u74mc")]
        [InlineData("uarch : sifive,u74\nmodel name : Spacemit(R) X60", "riscv64", "x60")]
        [InlineData("uarch : sifive,u74-mc\nmodel name : Spacemit(R) X60", "riscv64", "u74mc")]
        [InlineData("model name : Spacemit(R) X60 ", "riscv64", "x60")]
        [InlineData("model name : spacemit(R) X60", "riscv64", "riscv64")]
        [InlineData("flags : fpu sse sse2", "AMD64", "AMD64")]
        [InlineData("flags : fpu sse sse2", "X86_64", "X86_64")]
        [InlineData("Features : fp asimd", "arm64", "arm64")]
        public void Thin_or_odd_reports_give_the_best_archspec_answer(string cpuinfo, string machine, string expected)
        {
            Assert.Equal(expected, Microarchitecture.DetectFromCpuInfo(cpuinfo, machine).Name);
        }

        /// <summary>
        /// Issue 21's table, measured by running archspec: POWER's generation is read with Python's Unicode \\d and
        /// int() (no overflow; over 4300 digits int() fails and the generation is 0); on Linux the machine name is taken
        /// as written (archspec trusts platform.machine()), so arm64, AMD64 and X86_64 are families it has no check for.
        /// </summary>
        [Theory]
        [InlineData("cpu : POWER99999999999999999999", "ppc64le", "power10le")]
        [InlineData("cpu : POWER\u0669", "ppc64le", "power9le")]
        [InlineData("cpu : POWER\uff11\uff10", "ppc64le", "power10le")]
        [InlineData("cpu : POWER\U0001D7D7", "ppc64le", "power9le")]
        [InlineData("cpu : POWER7", "ppc64le", "ppc64le")]
        [InlineData("cpu : POWER0", "ppc64le", "ppc64le")]
        [InlineData("cpu : POWER, then POWER8", "ppc64le", "power8le")]
        [InlineData("flags : fpu sse sse2", "amd64", "amd64")]
        public void Odd_numbers_and_machine_names_read_as_archspec_reads_them(string cpuinfo, string machine, string expected)
        {
            Assert.Equal(expected, Microarchitecture.DetectFromCpuInfo(cpuinfo, machine).Name);
        }

        [Fact]
        public void A_generation_too_long_for_python_int_is_zero()
        {
            Assert.Equal("ppc64le", Microarchitecture.DetectFromCpuInfo("cpu : POWER" + new string('9', 5000), "ppc64le").Name);
            Assert.Equal("power10le", Microarchitecture.DetectFromCpuInfo("cpu : POWER" + new string('9', 4300), "ppc64le").Name);
            Assert.Equal("aarch64", Microarchitecture.DetectFromSysctl("machdep.cpu.brand_string: Apple M" + new string('4', 5000), "arm64").Name);
            Assert.Equal("m4", Microarchitecture.DetectFromSysctl("machdep.cpu.brand_string: Apple M" + new string('4', 4300), "arm64").Name);
            Assert.Equal("aarch64", Microarchitecture.DetectFromSysctl("machdep.cpu.brand_string: Apple M" + new string('4', 4301), "arm64").Name);
        }

        // proc_cpuinfo: lines end at LF, CR LF or CR only (text mode); key.strip(), value.strip() and split() use Python's
        // whitespace, so U+001C-U+001F around a field or between flags are blanks, not part of a name.
        [Theory]
        [InlineData("vendor_id\t: AuthenticAMD", "vendor_id\u001c: AuthenticAMD\u001f", "zen3")]
        [InlineData("\nflags\t\t:", "\u001cflags\t\t:", "x86_64")]
        [InlineData(" sse sse2 ", " sse\u001csse2\u00a0", "zen3")]
        [InlineData("\n", "\u2028", "x86_64")]
        [InlineData("\n", "\r", "zen3")]
        public void Control_characters_in_cpuinfo_are_read_as_python_reads_them(string find, string replace, string expected)
        {
            string zen3 = File.ReadAllText(Path.Combine(Targets, "linux-ubuntu20.04-zen3"));
            Assert.Contains(find, zen3, StringComparison.Ordinal);
            Assert.Equal(expected, Microarchitecture.DetectFromCpuInfo(zen3.Replace(find, replace, StringComparison.Ordinal), "x86_64").Name);
        }

        [Theory]
        [InlineData("AMD64")]
        [InlineData("X86_64")]
        public void A_zen3_report_with_another_spelling_of_the_machine_is_generic(string machine)
        {
            string zen3 = File.ReadAllText(Path.Combine(Targets, "linux-ubuntu20.04-zen3"));
            Microarchitecture found = Microarchitecture.DetectFromCpuInfo(zen3, machine);
            Assert.Equal(machine, found.Name);
            Assert.Equal("generic", found.Vendor);
            string v2 = File.ReadAllText(Path.Combine(Targets, "linux-rhel9-neoverse_v2"));
            Assert.Equal("ARM64", Microarchitecture.DetectFromCpuInfo(v2, "ARM64").Name);
        }

        // _darwin_sysctl_data: raw.splitlines() (U+2028, U+001C... end a line there), partition(": "), strip();
        // _sysctl_info_apple: r"apple\s+m(\d+)" with Unicode whitespace and digits.
        [Theory]
        [InlineData("machdep.cpu.brand_string: Apple\u001fM2", "m2")]
        [InlineData("machdep.cpu.brand_string: Apple\u001cM2", "aarch64")]
        [InlineData("machdep.cpu.brand_string: Apple M\u0662 Pro", "m2")]
        [InlineData("hw.ncpu: 8\u2028machdep.cpu.brand_string: Apple M3\u2028hw.memsize: 1", "m3")]
        [InlineData("machdep.cpu.brand_string: \u00a0Apple M1\u001f", "m1")]
        public void Sysctl_reports_are_read_as_python_reads_them(string sysctl, string expected)
        {
            Assert.Equal(expected, Microarchitecture.DetectFromSysctl(sysctl, "arm64").Name);
        }

        [Theory]
        [InlineData("machdep.cpu.vendor: GenuineIntel", "arm64", "aarch64")]
        [InlineData("machdep.cpu.vendor: GenuineIntel", "aarch64", "aarch64")]
        [InlineData("machdep.cpu.vendor: GenuineIntel", "x86_64", "x86_64")]
        [InlineData("machdep.cpu.brand_string: Intel(R) Core(TM) i7", "arm64", "x86_64")]
        public void Without_a_brand_macos_reads_the_family_from_the_machine(string sysctl, string machine, string family)
        {
            // detect.py _machine on Darwin: an Apple brand means aarch64; no brand at all leaves it to uname -m.
            Assert.Equal(family, Microarchitecture.DetectFromSysctl(sysctl, machine).Family.Name);
        }

        [Fact]
        public void A_family_archspec_does_not_know_gives_a_generic_one_of_that_name()
        {
            Microarchitecture s390x = Microarchitecture.DetectFromCpuInfo("vendor_id : IBM/S390", "s390x");

            Assert.Equal("s390x", s390x.Name);
            Assert.Equal("generic", s390x.Vendor);
            Assert.Same(s390x, Microarchitecture.DetectFromCpuInfo(string.Empty, "s390x"));
            Assert.Same(s390x, s390x.Family);
            Assert.Empty(s390x.Ancestors);
            Assert.DoesNotContain(s390x, Microarchitecture.All);
            Assert.False(Microarchitecture.Parse("x86_64") <= s390x);
        }

        [Fact]
        public void Any_text_gives_an_answer_and_never_throws()
        {
            string[] samples = Directory.GetFiles(Targets).Select(File.ReadAllText).ToArray();
            Gen.Select(Gen.Int[0, samples.Length - 1], Gen.String, Gen.Int[0, 2000], Gen.OneOfConst("x86_64", "aarch64", "ppc64le", "riscv64", "arm64", "s390x", ""))
                .Sample((sample, noise, cut, machine) =>
                {
                    string text = samples[sample];
                    text = text.Substring(0, Math.Min(cut, text.Length)) + noise + text.Substring(Math.Min(cut, text.Length));
                    Microarchitecture fromCpuInfo = Microarchitecture.DetectFromCpuInfo(text, machine);
                    Microarchitecture fromSysctl = Microarchitecture.DetectFromSysctl(text, machine);
                    // Deterministic, and each answer's family is itself or one of its ancestors.
                    return ReferenceEquals(fromCpuInfo, Microarchitecture.DetectFromCpuInfo(text, machine))
                        && (fromCpuInfo == fromCpuInfo.Family || fromCpuInfo.Ancestors.Contains(fromCpuInfo.Family))
                        && (fromSysctl == fromSysctl.Family || fromSysctl.Ancestors.Contains(fromSysctl.Family));
                }, iter: 2000, seed: "0000000000001");
        }

        [Fact]
        public void The_host_is_what_this_machines_report_says()
        {
            Microarchitecture host = Microarchitecture.Host;
            Assert.Same(host, Microarchitecture.Host);
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                Assert.NotNull(host.Family);
                return;
            }

            string cpuinfo = File.ReadAllText("/proc/cpuinfo");
            string machine = Uname();
            Assert.Equal(CpuReportFamily(machine), host.Family.Name);

            // Independently of SpecGen's detection, from this machine's report and archspec's JSON (ArchspecOracle): every
            // feature archspec requires of the host is in the first block's flags (x86_64) or Features (aarch64), and no
            // child of the host in archspec's graph of the host's vendor (or generic) has all of its features there, so
            // detection stopped where archspec would.
            string[] firstBlock = cpuinfo.Split('\n').TakeWhile(l => l.Contains(':', StringComparison.Ordinal)).ToArray();
            string[] flags = firstBlock.Where(l => l.StartsWith("flags", StringComparison.Ordinal) || l.StartsWith("Features", StringComparison.Ordinal))
                .SelectMany(l => l.Split(':', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
            string vendor = firstBlock.Where(l => l.StartsWith("vendor_id", StringComparison.Ordinal)).Select(l => l.Split(':', 2)[1].Trim()).FirstOrDefault() ?? "generic";
            ArchspecOracle oracle = ArchspecOracle.Instance;
            Assert.All(oracle.Features(host.Name).Where(f => f != "sse3"), f => Assert.Contains(f, flags));
            foreach (string child in oracle.Names.Where(n => oracle.Parents(n).Contains(host.Name) && (oracle.Vendor(n) == vendor || oracle.Vendor(n) == "generic")))
            {
                Assert.True(oracle.Features(child).Any(f => !flags.Contains(f)), child + " is compatible with this machine, yet the host was detected as " + host.Name);
            }
        }

        [Fact]
        public void The_current_arch_is_this_machine_in_spack_naming()
        {
            SpackArch current = SpackArch.Current;
            Assert.Same(Microarchitecture.Host, current.Target);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                Assert.Equal("linux", current.Platform);
                Assert.Equal(SpackArch.LinuxOs(File.ReadAllText("/etc/os-release")), current.Os);
            }

            Assert.Equal(current.Platform + "-" + current.Os + "-" + current.Target.Name, current.ToString());
        }

        private static string Uname()
        {
            var start = new System.Diagnostics.ProcessStartInfo("uname", "-m") { RedirectStandardOutput = true, UseShellExecute = false };
            using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }

        private static string CpuReportFamily(string machine) => machine == "arm64" ? "aarch64" : machine;

        private static string Remove(string cpuinfo, string flag)
        {
            return string.Join('\n', cpuinfo.Split('\n').Select(l => l.StartsWith("flags", StringComparison.Ordinal) ? string.Join(' ', l.Split(' ').Where(f => f != flag)) : l));
        }
    }
}
