using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SpecGen.Scale;

namespace SpecGen.Benchmarks
{
    /// <summary>
    /// The same 1,000 hash lookups (half hits, half misses) in S10 compiled as one catalog and as ten per-tag catalogs
    /// combined with SpecCatalog.Combine, as a consumer of ten catalog libraries has them.
    /// </summary>
    [MemoryDiagnoser]
    public class CombinedLookupBenchmarks
    {
        private string[] _queries = Array.Empty<string>();
        private SpecCatalog _one = null!;
        private SpecCatalog _combined = null!;

        [GlobalSetup]
        public void Setup()
        {
            IReadOnlyList<SyntheticPage> pages = Corpora.Get("S10");
            _one = Corpora.Catalog(pages);
            _combined = SpecCatalog.Combine(pages.GroupBy(p => p.Tag).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Corpora.Catalog(g.ToList())).ToArray());
            var random = new Random(42);
            string[] hashes = _one.Select(s => s.Hash).Distinct().ToArray();
            _queries = Enumerable.Range(0, 1000)
                .Select(i => i % 2 == 0 ? new string(hashes[random.Next(hashes.Length)].AsSpan()) : HashLookupBenchmarks.RandomHash(random))
                .ToArray();
        }

        [Benchmark(Baseline = true)]
        public int OneCatalog() => Lookups(_one);

        [Benchmark]
        public int TenCatalogsCombined() => Lookups(_combined);

        private int Lookups(SpecCatalog catalog)
        {
            int found = 0;
            foreach (string query in _queries)
            {
                found += catalog.TryFindByHash(query.AsSpan(), out Spec spec) ? spec.Index & 1 | 1 : 0;
            }

            return found;
        }
    }
}
