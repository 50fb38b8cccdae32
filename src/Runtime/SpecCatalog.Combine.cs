using System;
using System.Collections.Generic;
using System.Threading;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// Catalogs combined: one catalog over several (for example one catalog library per snapshot tag), in argument
    /// order. Its entries stay those of the catalogs they come from: <see cref="Spec.Catalog"/> is that catalog and
    /// <see cref="Spec.Index"/> the index in it.
    /// </summary>
    public sealed unsafe partial class SpecCatalog
    {
        private readonly SpecCatalog[]? _parts;
        private readonly int[]? _partStarts;
        private readonly string[]?[]? _combinedNames;
        private CombinedHashIndex? _combinedHashes;

        private SpecCatalog(SpecCatalog[] parts)
        {
            _parts = parts;
            _partStarts = new int[parts.Length + 1];
            for (int i = 0; i < parts.Length; i++)
            {
                _partStarts[i + 1] = _partStarts[i] + parts[i].Count;
                PageCount += parts[i].PageCount;
            }

            Count = _partStarts[parts.Length];
            _sections = Array.Empty<SectionInfo>();
            _stringCache = Array.Empty<string?>();
            _combinedNames = new string[]?[Dimensions.All.Length];
        }

        /// <summary>True for a catalog made by <see cref="Combine"/>.</summary>
        internal bool IsCombined => _parts is not null;

        /// <summary>The catalogs of a combined catalog, in argument order.</summary>
        internal SpecCatalog[] Parts => _parts!;

        /// <summary>A combined catalog's parts, or a catalog that is not combined as its own one part.</summary>
        private SpecCatalog[] PartsOrSelf => _parts ?? new[] { this };

        /// <summary>
        /// One catalog over <paramref name="catalogs"/>, in argument order: <c>Count</c> is their sum, enumeration and
        /// the indexer go through them in order, <see cref="TryFindByHash"/> and <see cref="FindByHash"/> apply Spack's
        /// prefix rule across all of them (a prefix must match one distinct hash) and return the first entry in
        /// argument order, and <see cref="Where"/>, <see cref="Query(string)"/>, <see cref="SpecQuery.RunnableOn"/>
        /// and the name lists work as on one catalog, allocating nothing per call. Combined catalogs are flattened.
        /// </summary>
        public static SpecCatalog Combine(params SpecCatalog[] catalogs)
        {
            if (catalogs is null)
            {
                throw new ArgumentNullException(nameof(catalogs));
            }

            var parts = new List<SpecCatalog>();
            foreach (SpecCatalog catalog in catalogs)
            {
                if (catalog is null)
                {
                    throw new ArgumentException("A catalog to combine is null.", nameof(catalogs));
                }

                parts.AddRange(catalog.IsCombined ? catalog.Parts : new[] { catalog });
            }

            return new SpecCatalog(parts.ToArray());
        }

        /// <summary>The entry at a catalog-wide index: in a combined catalog, an entry of one of its parts.</summary>
        internal Spec SpecAt(int index)
        {
            if (_parts is null)
            {
                return new Spec(this, index);
            }

            int part = PartOf(index);
            return new Spec(_parts[part], index - _partStarts![part]);
        }

        private int PartOf(int index)
        {
            int[] starts = _partStarts!;
            int lo = 0;
            int hi = _parts!.Length - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) >> 1;
                if (starts[mid] <= index)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return lo;
        }

        /// <summary>The sorted, distinct names of a kind over every part, made once.</summary>
        private NameList CombinedNames(Dimension dimension)
        {
            string[]? names = _combinedNames![dimension.Index];
            if (names is null)
            {
                var all = new SortedSet<string>(StringComparer.Ordinal);
                foreach (SpecCatalog part in _parts!)
                {
                    foreach (string name in part.Names(dimension))
                    {
                        all.Add(name);
                    }
                }

                names = new string[all.Count];
                all.CopyTo(names);
                names = Interlocked.CompareExchange(ref _combinedNames[dimension.Index], names, null) ?? names;
            }

            return new NameList(names);
        }

        private bool TryFindByHashCombined(ReadOnlySpan<char> hashOrUniquePrefix, out Spec spec)
        {
            HashMatch match = FindByHashCombined(hashOrUniquePrefix, firstOnly: true);
            spec = match.IsFound ? match.First : default;
            return match.IsFound;
        }

        /// <summary>
        /// Spack's prefix rule across the parts: found when every part that matches matches the same one hash. A full
        /// hash starts at the first part the combined index names (misses end there, without asking any part).
        /// </summary>
        private HashMatch FindByHashCombined(ReadOnlySpan<char> hashOrPrefix, bool firstOnly)
        {
            SpecCatalog[] parts = _parts!;
            int first = 0;
            if (hashOrPrefix.Length >= CombinedHashIndex.KeyLength)
            {
                CombinedHashIndex index = _combinedHashes ?? BuildCombinedHashIndex();
                first = index.FirstPart(hashOrPrefix);
                if (first < 0)
                {
                    return new HashMatch(this, HashMatchStatus.NotFound, -1, 0, 0);
                }
            }

            string? hash = null;
            int firstPart = -1;
            int count = 0;
            for (int p = first; p < parts.Length; p++)
            {
                HashMatch match = parts[p].FindByHash(hashOrPrefix);
                if (match.Status == HashMatchStatus.Ambiguous)
                {
                    return new HashMatch(this, HashMatchStatus.Ambiguous, -1, 0, 0);
                }

                if (!match.IsFound)
                {
                    continue;
                }

                string found = match.Hash!;
                if (hash is null)
                {
                    hash = found;
                    firstPart = p;
                    if (firstOnly && hashOrPrefix.Length == CatalogLayout.HashLength)
                    {
                        return new HashMatch(this, HashMatchStatus.Found, firstPart, 0, match.Count, hash);
                    }
                }
                else if (!string.Equals(hash, found, StringComparison.Ordinal))
                {
                    return new HashMatch(this, HashMatchStatus.Ambiguous, -1, 0, 0);
                }

                count += match.Count;
            }

            return hash is null
                ? new HashMatch(this, HashMatchStatus.NotFound, -1, 0, 0)
                : new HashMatch(this, HashMatchStatus.Found, firstPart, 0, count, hash);
        }

        /// <summary>Entry <paramref name="index"/> of the matched hash, counting the parts from <paramref name="firstPart"/> on.</summary>
        internal Spec CombinedHashEntry(string hash, int firstPart, int index)
        {
            for (int p = firstPart; p < _parts!.Length; p++)
            {
                HashMatch match = _parts[p].FindByHash(hash.AsSpan());
                if (index < match.Count)
                {
                    return match[index];
                }

                index -= match.Count;
            }

            throw new ArgumentOutOfRangeException(nameof(index));
        }

        private CombinedHashIndex BuildCombinedHashIndex()
        {
            var index = new CombinedHashIndex(_parts!);
            return Interlocked.CompareExchange(ref _combinedHashes, index, null) ?? index;
        }

        /// <summary>The number of hash slots (some empty).</summary>
        internal int HashSlotCount => _slotCount;

        /// <summary>The combined index's key of the hash in a slot, or -1 for an empty slot.</summary>
        internal long SlotKey(int slot)
        {
            byte* stored = Slot(slot);
            if (*stored == CatalogLayout.EmptySlot)
            {
                return -1;
            }

            long key = 0;
            for (int i = 0; i < CombinedHashIndex.KeyLength; i++)
            {
                key = (key << 5) | (long)CombinedHashIndex.Rank((char)stored[i]);
            }

            return key;
        }
    }
}
