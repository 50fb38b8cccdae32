using System;
using System.IO;
using SpackCatalogs;
using SpecGen;

namespace CatalogConsumer
{
    /// <summary>
    /// Combines one catalog library per snapshot tag into one <see cref="SpecCatalog"/>, then answers as the CacheQuery
    /// sample does: with no argument, the count of each library and of the whole; with a query in Spack's syntax,
    /// the matching specs; with <c>/hash</c>, the spec of that hash; with <c>--help</c>, how to use it. Exit codes: 0
    /// success, 1 no such hash, 2 a usage error (an unknown option, a malformed query).
    /// </summary>
    public static class CatalogConsumerApp
    {
        /// <summary>Every library, in the order the combined catalog goes through them.</summary>
        public static SpecCatalog[] Libraries { get; } = { Develop20250420.Catalog, V0_22_0.Catalog, V0_23_1.Catalog };

        /// <summary>The libraries combined.</summary>
        public static SpecCatalog Catalog { get; } = SpecCatalog.Combine(Libraries);

        /// <summary>What <c>--help</c> prints.</summary>
        public const string Usage = "Usage: CatalogConsumer [QUERY | /HASH]\n"
            + "  (nothing)  the spec count of each catalog library and of their combination\n"
            + "  QUERY      the specs that satisfy a Spack spec query, e.g. \"zlib@1.3: target=x86_64_v3:\"\n"
            + "  /HASH      the spec of a hash or a unique prefix of one\n"
            + "Exit codes: 0 success, 1 no such hash, 2 a usage error.";

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length == 1 && (args[0] == "--help" || args[0] == "-h" || args[0] == "-?"))
            {
                output.WriteLine(Usage);
                return 0;
            }

            foreach (string arg in args)
            {
                if (arg.Length > 1 && arg[0] == '-' && arg[1] == '-')
                {
                    error.WriteLine($"Unknown option '{arg}'.");
                    error.WriteLine(Usage);
                    return 2;
                }
            }

            if (args.Length == 0)
            {
                foreach (SpecCatalog library in Libraries)
                {
                    output.WriteLine($"{library.Tags[0]}: {library.Count} specs of {library.Packages.Count} packages");
                }

                output.WriteLine($"combined: {Catalog.Count} specs of {Catalog.Packages.Count} packages in {Catalog.Tags.Count} tags");
                return 0;
            }

            string text = string.Join(" ", args);
            if (text.StartsWith("/", StringComparison.Ordinal))
            {
                if (!Catalog.TryFindByHash(text.AsSpan(1), out Spec spec))
                {
                    error.WriteLine($"No spec, or more than one, has a hash starting with '{text.Substring(1)}'.");
                    return 1;
                }

                output.WriteLine($"{spec.Tag}: {spec}");
                return 0;
            }

            if (!SpecPattern.TryParse(text, out SpecPattern? pattern, out string? problem))
            {
                error.WriteLine(problem);
                return 2;
            }

            SpecQuery query;
            try
            {
                query = Catalog.Query(pattern!);
            }
            catch (FormatException ex)
            {
                // Refused where the pages cannot decide (%c, %cxx, %fortran on a binary of a Spack 1.x compiler).
                error.WriteLine(ex.Message);
                return 2;
            }

            int count = 0;
            foreach (Spec spec in query)
            {
                output.WriteLine($"{spec.Tag}: {spec}");
                count++;
            }

            output.WriteLine(count == 1 ? "1 spec" : count + " specs");
            return 0;
        }
    }
}
