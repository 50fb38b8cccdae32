using System.CommandLine;
using System.Linq;

namespace SpecGen.Tool
{
    /// <summary><c>host</c>: this machine as Spack names it (platform, OS, target), why the target is what it is, and what runs on it.</summary>
    internal static class HostCommand
    {
        public static Command Create(ToolContext context)
        {
            var host = new Command("host", "Show this machine as Spack names it (platform-os-target), why its target is the one archspec detects, and the targets whose binaries run on it");
            host.SetAction(_ =>
            {
                SpackArch here = SpackArch.Current;
                Microarchitecture target = here.Target;
                context.Output.WriteLine(here.ToString());
                context.Output.WriteLine($"platform: {here.Platform}");
                context.Output.WriteLine($"os: {here.Os}");
                context.Output.WriteLine($"target: {target.Name} (family {target.Family.Name}, generic {target.Generic.Name}, vendor {target.Vendor})");
                context.Output.WriteLine($"why: {Microarchitecture.HostReason}");
                context.Output.WriteLine("runs binaries for: " + string.Join(", ", new[] { target }.Concat(target.Ancestors).Select(a => a.Name)));
                return 0;
            });
            return host;
        }
    }
}
