using System.IO;
using System.Linq;
using SpecGen;

namespace CacheQuery
{
    /// <summary><c>host</c>: this machine as Spack names it, or the microarchitecture of a saved CPU report, and what runs there.</summary>
    internal static class HostCommand
    {
        public static int Run(FileInfo? cpuinfo, FileInfo? sysctl, string? machine, TextWriter output, TextWriter error)
        {
            Microarchitecture target;
            string reason;
            if (cpuinfo is not null || sysctl is not null)
            {
                if (cpuinfo is not null && sysctl is not null)
                {
                    error.WriteLine("Give --cpuinfo or --sysctl, not both.");
                    return 2;
                }

                FileInfo report = (cpuinfo ?? sysctl)!;
                if (!report.Exists)
                {
                    error.WriteLine($"No such file: {report.FullName}");
                    return 2;
                }

                if (cpuinfo is not null && machine is null)
                {
                    error.WriteLine("--cpuinfo needs --machine (what uname -m says on that machine: x86_64, aarch64, ppc64le, riscv64).");
                    return 2;
                }

                string text = File.ReadAllText(report.FullName);
                target = cpuinfo is not null
                    ? Microarchitecture.DetectFromCpuInfo(text, machine!)
                    : Microarchitecture.DetectFromSysctl(text, machine ?? "x86_64");
                reason = cpuinfo is not null
                    ? Microarchitecture.ReasonFromCpuInfo(text, machine!)
                    : Microarchitecture.ReasonFromSysctl(text, machine ?? "x86_64");
                output.WriteLine($"target: {target.Name}");
            }
            else
            {
                SpackArch current = SpackArch.Current;
                target = current.Target;
                reason = Microarchitecture.HostReason;
                output.WriteLine(current.ToString());
                output.WriteLine($"target: {target.Name}");
            }

            output.WriteLine($"family: {target.Family.Name}, generic: {target.Generic.Name}, vendor: {target.Vendor}");
            output.WriteLine($"why: {reason}");
            output.WriteLine("runs binaries for: " + string.Join(", ", new[] { target }.Concat(target.Ancestors).Select(a => a.Name)));
            return 0;
        }

        /// <summary>The microarchitecture a <c>--runnable-on</c> value names: <c>host</c> for this machine, or a target name.</summary>
        public static Microarchitecture? Resolve(string value, TextWriter error)
        {
            if (value == "host")
            {
                return Microarchitecture.Host;
            }

            if (Microarchitecture.TryParse(value, out Microarchitecture? target))
            {
                return target;
            }

            error.WriteLine($"'{value}' is not a microarchitecture archspec knows (nor 'host'); e.g. zen3, x86_64_v3, neoverse_v2, m1.");
            return null;
        }
    }
}
