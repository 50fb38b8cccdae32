using System.IO;
using System.Linq;
using SpecGen;
using Spectre.Console;

namespace CacheQuery
{
    /// <summary><c>show</c>: one spec by hash or unique prefix.</summary>
    internal static class ShowCommand
    {
        public static int Run(SpecCatalog catalog, string hash, TextWriter output, TextWriter error)
        {
            string prefix = hash.StartsWith('/') ? hash.Substring(1) : hash;
            HashMatch match = catalog.FindByHash(prefix);
            switch (match.Status)
            {
                case HashMatchStatus.NotFound:
                    error.WriteLine($"No spec has a hash starting with '{prefix}'.");
                    return 1;
                case HashMatchStatus.Ambiguous:
                    error.WriteLine($"'{prefix}' matches more than one hash; give more characters.");
                    return 1;
            }

            Spec spec = match.First;
            output.WriteLine(spec.ToString());
            var grid = new Grid().AddColumn().AddColumn();
            Add(grid, "hash", spec.Hash);
            Add(grid, "package", spec.Package);
            Add(grid, "version", spec.Version.ToString());
            Add(grid, "compiler", spec.Compiler.IsNone ? "none" : spec.Compiler.Name + " " + spec.Compiler.Version + (spec.Compiler.IsExact ? " (exact)" : string.Empty));
            Add(grid, "arch", spec.Arch);
            Add(grid, "stacks", spec.Stacks.ToString());
            Add(grid, "variants", string.Join(" ", spec.Variants.Select(v => v.Text)));
            Add(grid, "size", spec.Size is long size ? size + " bytes" : "unknown");
            Add(grid, "tags", string.Join(", ", match.Select(s => s.Tag)));
            if (spec.Tarball is string tarball)
            {
                Add(grid, "tarball", tarball);
            }

            CacheQueryApp.Console(output).Write(grid);
            return 0;
        }

        private static void Add(Grid grid, string key, string value)
        {
            grid.AddRow(new Text(key + ":"), new Text(value));
        }
    }
}
