using System;
using SpecGen.Format;

namespace SpecGen
{
    public sealed unsafe partial class SpecCatalog
    {
        /// <summary>
        /// Finds the spec whose hash is <paramref name="hashOrUniquePrefix"/> or starts with it, by Spack's
        /// <c>/hash</c> rule: the prefix must match exactly one distinct hash (an ambiguous prefix finds nothing).
        /// A hash kept in several snapshot tags is one binary listed several times; this returns its first
        /// entry in catalog order (see <see cref="FindByHash"/> for all of them). Allocates nothing.
        /// </summary>
        public bool TryFindByHash(ReadOnlySpan<char> hashOrUniquePrefix, out Spec spec)
        {
            int hash = FindHash(hashOrUniquePrefix, out _);
            if (hash < 0)
            {
                spec = default;
                return false;
            }

            spec = new Spec(this, Read(_hashEntries, Read(_hashEntryStart, hash)));
            return true;
        }

        /// <summary>
        /// Looks up a hash or hash prefix and tells whether it matched nothing, one distinct hash (with every
        /// entry of that hash, one per snapshot tag that lists it), or several hashes. Allocates nothing.
        /// </summary>
        public HashMatch FindByHash(ReadOnlySpan<char> hashOrPrefix)
        {
            int hash = FindHash(hashOrPrefix, out int matches);
            if (hash < 0)
            {
                return new HashMatch(this, matches > 1 ? HashMatchStatus.Ambiguous : HashMatchStatus.NotFound, -1, 0, 0);
            }

            int start = Read(_hashEntryStart, hash);
            int end = Read(_hashEntryStart, hash + 1);
            return new HashMatch(this, HashMatchStatus.Found, hash, start, end - start);
        }

        /// <summary>The spec at an entry of the hash-grouped list.</summary>
        internal Spec HashEntry(int position) => new Spec(this, Read(_hashEntries, position));

        /// <summary>
        /// The index of the one distinct hash that starts with <paramref name="prefix"/>, or -1;
        /// <paramref name="matches"/> is 0, 1 or 2 (two or more).
        /// </summary>
        private int FindHash(ReadOnlySpan<char> prefix, out int matches)
        {
            matches = 0;
            int length = prefix.Length;
            if (length == 0 || length > CatalogLayout.HashLength || HashCount == 0)
            {
                return -1;
            }

            // The leading characters give the bucket (or, for a short prefix, a run of buckets).
            int known = Math.Min(4, length);
            int key = 0;
            for (int i = 0; i < known; i++)
            {
                int rank = CatalogLayout.HashCharRank(prefix[i]);
                if (rank < 0)
                {
                    return -1;
                }

                key = (key << 5) | rank;
            }

            int knownBits = 5 * known;
            int first;
            int last;
            if (knownBits >= _bucketBits)
            {
                int bucket = key >> (knownBits - _bucketBits);
                first = Read(_bucketStart, bucket);
                last = Read(_bucketStart, bucket + 1);
            }
            else
            {
                int shift = _bucketBits - knownBits;
                first = Read(_bucketStart, key << shift);
                last = Read(_bucketStart, (key + 1) << shift);
            }

            // Hashes are sorted, so those with the prefix are contiguous: find the first one.
            while (last - first > 4)
            {
                int mid = first + ((last - first) >> 1);
                if (ComparePrefix(mid, prefix) < 0)
                {
                    first = mid + 1;
                }
                else
                {
                    last = mid + 1;
                }
            }

            for (int h = first; h < last; h++)
            {
                int c = ComparePrefix(h, prefix);
                if (c < 0)
                {
                    continue;
                }

                if (c > 0)
                {
                    return -1;
                }

                matches = 1;
                if (h + 1 < HashCount && ComparePrefix(h + 1, prefix) == 0)
                {
                    matches = 2;
                    return -1;
                }

                return h;
            }

            return -1;
        }

        /// <summary>Compares the first <c>prefix.Length</c> characters of a stored hash with <paramref name="prefix"/>.</summary>
        private int ComparePrefix(int hashIndex, ReadOnlySpan<char> prefix)
        {
            byte* hash = _tables + _hashText.Offset + (hashIndex * CatalogLayout.HashLength);
            for (int i = 0; i < prefix.Length; i++)
            {
                int c = hash[i] - prefix[i];
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
