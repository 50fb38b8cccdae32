using System;

namespace SpecGen
{
    public sealed partial class Microarchitecture
    {
        /// <summary>
        /// The microarchitecture archspec detects from Linux <c>/proc/cpuinfo</c> text (its first processor block) on a
        /// machine whose <c>uname -m</c> is <paramref name="machine"/> (<c>x86_64</c>, <c>aarch64</c>, <c>ppc64le</c>,
        /// <c>riscv64</c>), taken as written, as archspec takes <c>platform.machine()</c> on Linux: <c>arm64</c> or
        /// <c>AMD64</c> (which Linux does not print) is a family archspec has no check for. x86_64 and AArch64 go by
        /// vendor and features, POWER by generation, RISC-V by the <c>uarch</c> line; fields and features are read with
        /// Python's whitespace. A family archspec does not know gives a generic microarchitecture of that name, outside
        /// <see cref="All"/>.
        /// </summary>
        public static Microarchitecture DetectFromCpuInfo(string procCpuInfo, string machine)
        {
            if (procCpuInfo is null)
            {
                throw new ArgumentNullException(nameof(procCpuInfo));
            }

            if (machine is null)
            {
                throw new ArgumentNullException(nameof(machine));
            }

            return CpuReport.FromCpuInfo(procCpuInfo, machine).Select();
        }

        /// <summary>
        /// The microarchitecture archspec detects from macOS <c>sysctl</c> output (<c>key: value</c> lines, e.g. of
        /// <c>sysctl -a</c>). As in archspec, an Apple brand string means Apple silicon (the model comes from it, even
        /// under Rosetta where <c>uname -m</c> says <c>x86_64</c>); otherwise the Intel features decide.
        /// <paramref name="machine"/> only decides when the output has no brand string.
        /// </summary>
        public static Microarchitecture DetectFromSysctl(string sysctlOutput, string machine)
        {
            if (sysctlOutput is null)
            {
                throw new ArgumentNullException(nameof(sysctlOutput));
            }

            if (machine is null)
            {
                throw new ArgumentNullException(nameof(machine));
            }

            return CpuReport.FromSysctl(sysctlOutput, machine).Select();
        }
    }
}
