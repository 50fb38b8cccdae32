using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Emit;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;
using SpecGen.Generator.Catalog;
using SpecGen.Generator.Pages;
using SpecGen.Scale;
using YamlDotNet.Serialization;

namespace SpecGen.Benchmarks
{
    /// <summary>The synthetic corpora and what the benchmarks build from them, made once per process.</summary>
    internal static class Corpora
    {
        private static readonly Dictionary<string, IReadOnlyList<SyntheticPage>> Pages = new Dictionary<string, IReadOnlyList<SyntheticPage>>();

        public static IReadOnlyList<SyntheticPage> Get(string name)
        {
            lock (Pages)
            {
                if (!Pages.TryGetValue(name, out IReadOnlyList<SyntheticPage>? pages))
                {
                    pages = SyntheticPages.ByName(name);
                    Pages.Add(name, pages);
                }

                return pages;
            }
        }

        /// <summary>Each page read by the generator's own reader (a synthetic page never has errors).</summary>
        public static ImmutableArray<PageModel> Models(IReadOnlyList<SyntheticPage> pages)
        {
            return pages
                .Select(p => PageReader.Read("/" + p.RelativePath, SourceText.From(p.Text), new ReadOptions(ReadOptions.DefaultMaxPageSize), CancellationToken.None).Page
                    ?? throw new InvalidOperationException("A synthetic page has errors: " + p.RelativePath))
                .ToImmutableArray();
        }

        /// <summary>
        /// The catalog SpecGen generates for the pages, built with the generator's own reader, checks and
        /// encoder; the runtime reads it from arrays here instead of from the assembly's data.
        /// </summary>
        public static SpecCatalog Catalog(IReadOnlyList<SyntheticPage> pages)
        {
            var models = Models(pages);
            CatalogResult result = CatalogBuilder.Build(models, EffectiveSeverities.Default, CancellationToken.None);
            EncodedCatalog encoded = CatalogEncoder.Encode(result.Data, CancellationToken.None);
            return SpecCatalog.FromArrays(encoded.Tables, Encoding.UTF8.GetBytes(encoded.Strings));
        }

        /// <summary>The same catalog as the generator writes it past 512 pages: chunks (by <see cref="ChunkPlanner"/>), combined.</summary>
        public static SpecCatalog ChunkedCatalog(IReadOnlyList<SyntheticPage> pages)
        {
            CatalogResult result = CatalogBuilder.Build(Models(pages), EffectiveSeverities.Default, CancellationToken.None);
            SpecCatalog[] chunks = ChunkPlanner.Plan(result.Data, EmitOptions.AutoChunkPages)
                .Select(chunk => CatalogEncoder.Encode(chunk.Data, CancellationToken.None))
                .Select(encoded => SpecCatalog.FromArrays(encoded.Tables, Encoding.UTF8.GetBytes(encoded.Strings)))
                .ToArray();
            return chunks.Length == 1 ? chunks[0] : SpecCatalog.Combine(chunks);
        }

        /// <summary>What a user would write without SpecGen: YamlDotNet deserializes each page's front matter into records.</summary>
        public static List<SpecRecord> Records(IEnumerable<(string Path, string Text)> pages)
        {
            IDeserializer deserializer = new DeserializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
            var records = new List<SpecRecord>();
            foreach ((string _, string text) in pages)
            {
                int end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
                PageDocument page = deserializer.Deserialize<PageDocument>(new StringReader(text.Substring(4, end - 4)));
                string tag = page.Categories.Single(c => c != "package");
                foreach (SpecRecord spec in page.SpecDetails)
                {
                    spec.Package = page.Title;
                    spec.Tag = tag;
                    records.Add(spec);
                }
            }

            return records;
        }
    }

    /// <summary>A page as YamlDotNet deserializes it.</summary>
    public sealed class PageDocument
    {
        public string Title { get; set; } = string.Empty;

        public string Layout { get; set; } = string.Empty;

        public List<string> Categories { get; set; } = new List<string>();

        [YamlMember(Alias = "spec_details")]
        public List<SpecRecord> SpecDetails { get; set; } = new List<SpecRecord>();
    }

    /// <summary>One spec as YamlDotNet deserializes it.</summary>
    public sealed class SpecRecord
    {
        public string Package { get; set; } = string.Empty;

        public string Tag { get; set; } = string.Empty;

        public string Hash { get; set; } = string.Empty;

        public string Compiler { get; set; } = string.Empty;

        public string Os { get; set; } = string.Empty;

        public string Platform { get; set; } = string.Empty;

        public string Target { get; set; } = string.Empty;

        public string Size { get; set; } = string.Empty;

        public string? Tarball { get; set; }

        public List<string> Stacks { get; set; } = new List<string>();

        public List<string> Variants { get; set; } = new List<string>();

        public List<string> Versions { get; set; } = new List<string>();
    }
}
