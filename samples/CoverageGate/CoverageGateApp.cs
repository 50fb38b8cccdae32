using System;
using System.IO;
using SpecGen;

namespace CoverageGate
{
    /// <summary>
    /// Prints what the catalog compiled into this tool holds of a Spack environment: each node of its lockfile,
    /// cached (with the snapshot tags that hold it), missing (with the nearest cached binary and how it differs) or
    /// external, then the totals. The build already checked the environment's own lockfile (SPG0026 is an error in
    /// CoverageGate.csproj); this checks any lockfile at run time with the same ranking.
    /// <c>CoverageGate [LOCKFILE]</c> (default: the environment the tool was built with). Exit codes: 0 every node
    /// that is not an external is cached; 1 some node would build from source; 2 the lockfile cannot be read.
    /// </summary>
    public static class CoverageGateApp
    {
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length > 1 || (args.Length == 1 && args[0].StartsWith('-')))
            {
                error.WriteLine("Usage: CoverageGate [LOCKFILE]");
                return 2;
            }

            string path = args.Length == 1 ? args[0] : Path.Combine(AppContext.BaseDirectory, "environment", "spack.lock");
            SpackLockfile lockfile;
            try
            {
                lockfile = SpackLockfile.Load(path);
            }
            catch (Exception ex) when (ex is FormatException || ex is IOException || ex is UnauthorizedAccessException)
            {
                error.WriteLine("CoverageGate: " + ex.Message);
                return 2;
            }

            SpecCatalog catalog = SpackCache.Catalog;
            CoverageReport report = catalog.Coverage(lockfile);
            foreach (NodeCoverage node in report.Nodes)
            {
                string line = node.Node.Name + "@" + node.Node.Version + " /" + node.Node.Hash.Substring(0, Spec.ShortHashLength) + ": ";
                switch (node.Status)
                {
                    case CoverageStatus.Cached:
                        line += "cached in " + string.Join(", ", node.Tags);
                        break;
                    case CoverageStatus.External:
                        line += "external";
                        break;
                    default:
                        SpecExplanation why = catalog.Explain(node.Node);
                        line += "builds from source; " + (why.HasPage ? why.Nearest[0].ToString() : "no page of " + node.Node.Name);
                        break;
                }

                output.WriteLine(line);
            }

            output.WriteLine(report);
            return report.IsComplete ? 0 : 1;
        }
    }
}
