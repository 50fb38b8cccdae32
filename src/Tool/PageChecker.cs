extern alias Generator;

using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Generator::SpecGen.Generator;
using Generator::SpecGen.Generator.Diagnostics;
using Generator::SpecGen.Generator.Emit;
using Generator::SpecGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Tool
{
    /// <summary>
    /// The generator's own stages over pages read from disk or the network: the page checks, the checks across
    /// pages and the encoder, so that what this tool reports and builds is what a build would.
    /// </summary>
    internal static class PageChecker
    {
        /// <summary>Checks pages (path as it will be printed, text); returns the catalog of the pages that passed and every diagnostic, in path order.</summary>
        public static (SpecCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics) Run(IEnumerable<(string Path, string Text)> pages, CancellationToken cancellationToken = default)
        {
            (CatalogResult catalog, List<DiagnosticInfo> diagnostics) = CatalogPipeline.Run(
                pages.Select(p => (p.Path, SourceText.From(p.Text))),
                new ReadOptions(ReadOptions.DefaultMaxPageSize, ReadOptions.DefaultMaxCatalogSize()),
                EffectiveSeverities.Default,
                cancellationToken);
            EncodedCatalog encoded = CatalogEncoder.Encode(catalog.Data, cancellationToken);
            SpecCatalog result = SpecCatalog.FromArrays(encoded.Tables, Encoding.UTF8.GetBytes(encoded.Strings));
            return (result, diagnostics.Select(d => d.ToDiagnostic()).ToList());
        }

        /// <summary>A diagnostic as MSBuild prints the compiler's: <c>path(line,column): error SPG0009: message</c>.</summary>
        public static string Format(Diagnostic diagnostic) => diagnostic.ToString();

        public static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;
    }
}
