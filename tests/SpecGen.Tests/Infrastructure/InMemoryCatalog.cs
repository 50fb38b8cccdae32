extern alias Generator;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Generator::SpecGen.Generator;
using Generator::SpecGen.Generator.Emit;
using Generator::SpecGen.Generator.Diagnostics;
using Generator::SpecGen.Generator.Model;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// A catalog built by the generator's own stages (CatalogPipeline, then the encoder) and read by the runtime from
    /// arrays: the same tables a build would embed, without compiling C#. For tests that need many catalogs quickly.
    /// </summary>
    internal static class InMemoryCatalog
    {
        public static SpecCatalog From(IEnumerable<TestPage> pages)
        {
            EncodedCatalog encoded = Encode(pages);
            return SpecCatalog.FromArrays(encoded.Tables, Encoding.UTF8.GetBytes(encoded.Strings));
        }

        /// <summary>One catalog per snapshot tag of <paramref name="pages"/> (the tag a page's specs name), in ordinal tag order: the parts to combine.</summary>
        public static SpecCatalog[] PerTag(IEnumerable<TestPage> pages)
        {
            return pages.GroupBy(p => PageOracle.Read(p.Text)[0].Tag)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => From(g))
                .ToArray();
        }

        /// <summary>The two blobs a build would embed for <paramref name="pages"/>.</summary>
        public static EncodedCatalog Encode(IEnumerable<TestPage> pages) => CatalogEncoder.Encode(Build(pages).Data, CancellationToken.None);

        /// <summary>The catalog a build makes of <paramref name="pages"/> (the generator's stages without the driver), which must all be clean.</summary>
        public static CatalogResult Build(IEnumerable<TestPage> pages)
        {
            (CatalogResult catalog, List<DiagnosticInfo> diagnostics) = CatalogPipeline.Run(
                pages.Select(p => (p.Path, SourceText.From(p.Text))),
                new ReadOptions(ReadOptions.DefaultMaxPageSize),
                EffectiveSeverities.Default,
                CancellationToken.None);
            Assert.DoesNotContain(diagnostics, d => d.IsErrorByDefault);
            return catalog;
        }
    }
}
