using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SpecGen;

namespace CacheQuery
{
    /// <summary><c>query</c>: the specs that satisfy a Spack spec constraint, newest version first.</summary>
    internal static class QueryCommand
    {
        public static int Run(SpecCatalog catalog, string text, string? runnableOn, bool json, TextWriter output, TextWriter error)
        {
            if (!SpecPattern.TryParse(text, out SpecPattern? pattern, out string? problem))
            {
                error.WriteLine(problem);
                return 2;
            }

            SpecQuery query;
            try
            {
                query = catalog.Query(pattern!);
            }
            catch (FormatException ex)
            {
                // Refused where the pages cannot decide (%c, %cxx, %fortran on a binary of a Spack 1.x compiler).
                error.WriteLine(ex.Message);
                return 2;
            }

            if (runnableOn is not null)
            {
                if (HostCommand.Resolve(runnableOn, error) is not Microarchitecture host)
                {
                    return 2;
                }

                query = query.RunnableOn(host);
            }

            // Spack's version order (0.10 after 0.9, develop after any number), newest first, per package.
            List<Spec> specs = query
                .OrderBy(s => s.Package, StringComparer.Ordinal)
                .ThenByDescending(s => s.Version)
                .ThenBy(s => s.Index)
                .ToList();
            ListCommand.Write(specs, json, output);
            return 0;
        }
    }
}
