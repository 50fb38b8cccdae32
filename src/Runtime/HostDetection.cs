using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace SpecGen
{
    /// <summary>Reads this machine's CPU report (what archspec reads) and hands it to <see cref="CpuReport"/>.</summary>
    internal static class HostDetection
    {
        /// <summary>The keys archspec asks sysctl for on macOS.</summary>
        private static readonly string[] SysctlKeys =
        {
            "machdep.cpu.brand_string", "machdep.cpu.vendor", "machdep.cpu.features", "machdep.cpu.leaf7_features", "machdep.cpu.extfeatures",
        };

        public static Microarchitecture Detect()
        {
            string machine = Machine();
            try
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && File.Exists("/proc/cpuinfo"))
                {
                    return Microarchitecture.DetectFromCpuInfo(File.ReadAllText("/proc/cpuinfo"), machine);
                }

                if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX) && Sysctl() is string sysctl)
                {
                    return Microarchitecture.DetectFromSysctl(sysctl, machine);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            // No report to read (Windows, a sandbox): the family of the process's architecture, as archspec falls back.
            return Microarchitecture.Unknown(CpuReport.Normalize(machine));
        }

        /// <summary>What <c>uname -m</c> would say, from the operating system's architecture.</summary>
        internal static string Machine()
        {
            switch (RuntimeInformation.OSArchitecture.ToString())
            {
                case "X64": return "x86_64";
                case "Arm64": return "aarch64";
                case "X86": return "i686";
                case "Arm": return "armv7l";
                case "Armv6": return "armv6l";
                case "Ppc64le": return "ppc64le";
                case "S390x": return "s390x";
                case "RiscV64": return "riscv64";
                case "LoongArch64": return "loongarch64";
                default: return RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
            }
        }

        internal static string? Sysctl()
        {
            string path = File.Exists("/usr/sbin/sysctl") ? "/usr/sbin/sysctl" : "sysctl";
            var start = new ProcessStartInfo(path, "-i " + string.Join(" ", SysctlKeys))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                CreateNoWindow = true,
            };
            try
            {
                using Process? process = Process.Start(start);
                if (process is null)
                {
                    return null;
                }

                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return output;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }
    }
}
