using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace SpecGen.Benchmarks
{
    /// <summary>Stack + target + OS over S1: LINQ over YamlDotNet-deserialized records vs the SpecGen catalog.</summary>
    [MemoryDiagnoser]
    public class QueryBenchmarks
    {
        private const string Stack = "e4s";
        private const string Target = "x86_64_v3";
        private const string Os = "ubuntu22.04";

        private List<SpecRecord> _records = null!;
        private SpecCatalog _catalog = null!;

        [GlobalSetup]
        public void Setup()
        {
            var pages = Corpora.Get("S1");
            _records = Corpora.Records(pages.Select(p => (p.RelativePath, p.Text)));
            _catalog = Corpora.Catalog(pages);
        }

        [Benchmark(Baseline = true)]
        public int Linq()
        {
            int sum = 0;
            foreach (SpecRecord spec in _records.Where(s => s.Stacks.Contains(Stack) && s.Target == Target && s.Os == Os))
            {
                sum += spec.Hash.Length;
            }

            return sum;
        }

        [Benchmark]
        public int SpecGen()
        {
            int sum = 0;
            foreach (Spec spec in _catalog.Where(stack: Stack, target: Target, os: Os))
            {
                sum += spec.Hash.Length;
            }

            return sum;
        }
    }
}
