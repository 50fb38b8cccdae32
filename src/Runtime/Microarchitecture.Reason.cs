using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;

namespace SpecGen
{
    public sealed partial class Microarchitecture
    {
        private static readonly Lazy<string> HostReasonValue = new Lazy<string>(DetectHostReason);

        /// <summary>
        /// Why <see cref="Host"/> is the microarchitecture it is: for each next level archspec has after it (its children
        /// this CPU's vendor could have), the first feature that level needs and this machine lacks, e.g.
        /// <c>x86_64_v3 needs abm</c>; see <see cref="ReasonFromCpuInfo"/>.
        /// </summary>
        public static string HostReason => HostReasonValue.Value;

        /// <summary>
        /// Why detection on Linux <c>/proc/cpuinfo</c> text gives the microarchitecture
        /// <see cref="DetectFromCpuInfo"/> gives: for x86_64 and AArch64, each next level (a child in archspec's graph,
        /// generic or of the CPU's vendor) with the first of its features (alphabetical: archspec keeps them as a set)
        /// that the report lacks
        /// (<c>x86_64_v3 needs abm, which this CPU lacks</c>); for POWER the generation the next level needs; for
        /// RISC-V the report's <c>uarch</c>; and when archspec knows nothing more specific, that.
        /// </summary>
        public static string ReasonFromCpuInfo(string procCpuInfo, string machine)
        {
            if (procCpuInfo is null)
            {
                throw new ArgumentNullException(nameof(procCpuInfo));
            }

            if (machine is null)
            {
                throw new ArgumentNullException(nameof(machine));
            }

            return Reason(CpuReport.FromCpuInfo(procCpuInfo, machine));
        }

        /// <summary>The reason <see cref="DetectFromSysctl"/> gives what it gives, as <see cref="ReasonFromCpuInfo"/> says it.</summary>
        public static string ReasonFromSysctl(string sysctlOutput, string machine)
        {
            if (sysctlOutput is null)
            {
                throw new ArgumentNullException(nameof(sysctlOutput));
            }

            if (machine is null)
            {
                throw new ArgumentNullException(nameof(machine));
            }

            return Reason(CpuReport.FromSysctl(sysctlOutput, machine));
        }

        private static string DetectHostReason()
        {
            string machine = HostDetection.Machine();
            try
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && File.Exists("/proc/cpuinfo"))
                {
                    return ReasonFromCpuInfo(File.ReadAllText("/proc/cpuinfo"), machine);
                }

                if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX) && HostDetection.Sysctl() is string sysctl)
                {
                    return ReasonFromSysctl(sysctl, machine);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            return "no CPU report to read here, so the family of the process architecture (" + CpuReport.Normalize(machine) + ")";
        }

        private static string Reason(CpuReport report)
        {
            Microarchitecture chosen = report.Select();
            if (chosen.Index < 0)
            {
                return "archspec has no microarchitectures of the " + chosen.Name + " family";
            }

            if (report.Darwin && report.Family == "aarch64")
            {
                return "Apple silicon is named by its brand string (" + chosen.Name + ")";
            }

            if (report.Family == "riscv64")
            {
                return "RISC-V is named by the report's uarch line (" + (report.Name.Length > 0 ? report.Name : "none") + ")";
            }

            // POWER goes by generation alone; x86_64 and AArch64 by features, among the generic levels and the CPU vendor's.
            bool power = report.Family == "ppc64le" || report.Family == "ppc64";
            var reasons = new List<string>();
            foreach (Microarchitecture next in AllValues)
            {
                if (!IsParent(chosen, next) || !(power || next.Vendor == "generic" || next.Vendor == report.Vendor))
                {
                    continue;
                }

                if (power)
                {
                    if (next.Generation > report.Generation)
                    {
                        reasons.Add(next.Name + " needs POWER" + next.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    continue;
                }

                foreach (string feature in next.Features)
                {
                    if (!report.Features.Contains(feature))
                    {
                        reasons.Add(next.Name + " needs " + feature);
                        break;
                    }
                }
            }

            if (reasons.Count == 0)
            {
                return "archspec has no more specific target for this CPU (vendor " + (report.Vendor.Length > 0 ? report.Vendor : "unknown") + ") than " + chosen.Name;
            }

            return (reasons.Count == 1 ? "the next level: " : "the next levels: ") + string.Join(", ", reasons)
                + (power ? "; this CPU is POWER" + report.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture) : ", which this CPU lacks");
        }

        private static bool IsParent(Microarchitecture parent, Microarchitecture child)
        {
            foreach (Microarchitecture p in child.Parents)
            {
                if (ReferenceEquals(p, parent))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
