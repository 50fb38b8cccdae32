using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SpecGen.Scale;

namespace SpecGen.Benchmarks
{
    /// <summary>Looks up the same 1,000 hashes (half hits, half misses) in the S1 catalog: dictionaries, SpecGen's one catalog, and SpecGen's catalog in chunks as the generator writes it.</summary>
    [MemoryDiagnoser]
    public class HashLookupBenchmarks
    {
        private string[] _queries = Array.Empty<string>();
        private FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _frozen;
        private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _dictionary;
        private SpecCatalog _catalog = null!;
        private SpecCatalog _chunked = null!;
        private string?[] _floorTable = Array.Empty<string?>();
        private int _floorShift;

        [GlobalSetup]
        public void Setup()
        {
            _catalog = Corpora.Catalog(Corpora.Get("S1"));
            _chunked = Corpora.ChunkedCatalog(Corpora.Get("S1"));
            var firstEntry = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (Spec spec in _catalog)
            {
                firstEntry.TryAdd(spec.Hash, spec.Index);
            }

            _dictionary = firstEntry.GetAlternateLookup<ReadOnlySpan<char>>();
            _frozen = firstEntry.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            var random = new Random(42);
            string[] hashes = firstEntry.Keys.ToArray();
            // Copies, as a tool reads them from its input: never the dictionaries' own key instances.
            BuildFloorTable(hashes);
            _queries = Enumerable.Range(0, 1000)
                .Select(i => i % 2 == 0 ? new string(hashes[random.Next(hashes.Length)].AsSpan()) : RandomHash(random))
                .ToArray();
        }

        [Benchmark(Baseline = true)]
        public int FrozenDictionary()
        {
            int found = 0;
            foreach (string query in _queries)
            {
                found += _frozen.TryGetValue(query.AsSpan(), out int index) ? index & 1 | 1 : 0;
            }

            return found;
        }

        [Benchmark]
        public int Dictionary()
        {
            int found = 0;
            foreach (string query in _queries)
            {
                found += _dictionary.TryGetValue(query.AsSpan(), out int index) ? index & 1 | 1 : 0;
            }

            return found;
        }

        [Benchmark]
        public int SpecGen() => LookUp(_catalog);

        /// <summary>The same catalog as the generator writes it (1,225 pages: chunks of about 128 pages, combined).</summary>
        [Benchmark]
        public int SpecGenChunked() => LookUp(_chunked);

        /// <summary>
        /// The floor of any exact lookup, not a usable index: the distinct hashes in a power-of-two table at most half
        /// full, the home entry taken straight from the query's first four characters (random already, so no hash
        /// function), linear probing, and on a hit the 32 characters compared once. No fingerprint, no part, no spec
        /// to build: what is left is reading the query, one random table read and the compare of a hit.
        /// </summary>
        [Benchmark]
        public int FloorTable()
        {
            int found = 0;
            string?[] table = _floorTable;
            int mask = table.Length - 1;
            foreach (string query in _queries)
            {
                ReadOnlySpan<char> key = query.AsSpan();
                for (int at = FloorHome(key); ; at = (at + 1) & mask)
                {
                    string? stored = table[at];
                    if (stored is null)
                    {
                        break;
                    }

                    if (key.SequenceEqual(stored))
                    {
                        found += at & 1 | 1;
                        break;
                    }
                }
            }

            return found;
        }

        private int FloorHome(ReadOnlySpan<char> key) =>
            (int)((System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(System.Runtime.InteropServices.MemoryMarshal.AsBytes(key)) * 0x9E3779B97F4A7C15UL) >> _floorShift);

        private void BuildFloorTable(string[] hashes)
        {
            int size = 16;
            while (size < hashes.Length * 2)
            {
                size <<= 1;
            }

            _floorTable = new string?[size];
            _floorShift = 64 - System.Numerics.BitOperations.Log2((uint)size);
            foreach (string hash in hashes)
            {
                int at = FloorHome(hash.AsSpan());
                while (_floorTable[at] is not null)
                {
                    at = (at + 1) & (size - 1);
                }

                _floorTable[at] = hash;
            }
        }

        private int LookUp(SpecCatalog catalog)
        {
            int found = 0;
            foreach (string query in _queries)
            {
                found += catalog.TryFindByHash(query.AsSpan(), out Spec spec) ? spec.Index & 1 | 1 : 0;
            }

            return found;
        }

        internal static string RandomHash(Random random)
        {
            var chars = new char[32];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = "abcdefghijklmnopqrstuvwxyz234567"[random.Next(32)];
            }

            return new string(chars);
        }
    }
}
