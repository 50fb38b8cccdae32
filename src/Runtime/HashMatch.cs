using System;
using System.Collections;
using System.Collections.Generic;

namespace SpecGen
{
    /// <summary>
    /// The result of <see cref="SpecCatalog.FindByHash"/>: the status and, when found, every entry of the
    /// matched hash in catalog order (one per snapshot tag that lists the binary).
    /// </summary>
    public readonly struct HashMatch : IReadOnlyList<Spec>
    {
        private readonly SpecCatalog? _catalog;
        private readonly int _hash;
        private readonly int _start;
        private readonly string? _combinedHash;

        /// <summary>A match in one catalog (<paramref name="hash"/> is its slot), or with <paramref name="combinedHash"/> in a combined one (<paramref name="hash"/> is the first part that has it).</summary>
        internal HashMatch(SpecCatalog catalog, HashMatchStatus status, int hash, int start, int count, string? combinedHash = null)
        {
            _catalog = catalog;
            Status = status;
            _hash = hash;
            _start = start;
            Count = count;
            _combinedHash = combinedHash;
        }

        /// <summary>Whether the prefix matched nothing, one hash, or several.</summary>
        public HashMatchStatus Status { get; }

        /// <summary>True when exactly one distinct hash matched.</summary>
        public bool IsFound => Status == HashMatchStatus.Found;

        /// <summary>The full matched hash, or null.</summary>
        public string? Hash => !IsFound ? null : _combinedHash ?? _catalog!.HashOf(_hash);

        /// <summary>Number of entries of the matched hash (0 when not found).</summary>
        public int Count { get; }

        /// <summary>The first entry in catalog order.</summary>
        public Spec First => Count > 0 ? this[0] : throw new InvalidOperationException("No spec matched the hash: " + ToString() + ".");

        /// <summary>The entry at <paramref name="index"/>, in catalog order.</summary>
        public Spec this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return _combinedHash is not null ? _catalog!.CombinedHashEntry(_combinedHash, _hash, index) : _catalog!.HashEntry(_start + index);
            }
        }

        /// <summary>
        /// <c>found /7u33aejtwnddwzz5674krdvmhbgnqjq5 (2 entries)</c>, <c>not found</c> or <c>ambiguous</c> (the prefix
        /// matches more than one hash).
        /// </summary>
        public override string ToString()
        {
            switch (Status)
            {
                case HashMatchStatus.Found:
                    return "found /" + Hash + " (" + Count + (Count == 1 ? " entry)" : " entries)");
                case HashMatchStatus.Ambiguous:
                    return "ambiguous";
                default:
                    return "not found";
            }
        }

        /// <summary>Enumerates the entries without allocating.</summary>
        public ListEnumerator<HashMatch, Spec> GetEnumerator() => new ListEnumerator<HashMatch, Spec>(this);

        IEnumerator<Spec> IEnumerable<Spec>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
