using System;
using System.Threading;
using SpecGen.Format;

namespace SpecGen
{
    public sealed partial class SpecCatalog
    {
        private readonly ulong[][]?[] _bitsets = new ulong[][]?[Dimensions.All.Length];

        /// <summary>Every entry, as a query.</summary>
        public SpecQuery All => _parts is not null ? new SpecQuery(this, default(QueryNames), null, null) : new SpecQuery(this, false, default);

        /// <summary>
        /// The entries that match every given name (null means any): package, stack, target, operating
        /// system, platform and snapshot tag. Names compare ordinally; an unknown name matches nothing.
        /// Allocates nothing (the first filter on a field builds that field's bitsets once).
        /// </summary>
        public SpecQuery Where(string? package = null, string? stack = null, string? target = null, string? os = null, string? platform = null, string? tag = null)
        {
            if (_parts is not null)
            {
                return new SpecQuery(this, new QueryNames(package, stack, target, os, platform, tag), null, null);
            }

            bool none = false;
            DimensionFilter filter = default;
            Resolve(ref filter, Dimensions.Package, package, ref none);
            Resolve(ref filter, Dimensions.Stack, stack, ref none);
            Resolve(ref filter, Dimensions.Target, target, ref none);
            Resolve(ref filter, Dimensions.OperatingSystem, os, ref none);
            Resolve(ref filter, Dimensions.Platform, platform, ref none);
            Resolve(ref filter, Dimensions.Tag, tag, ref none);
            return new SpecQuery(this, none, filter);
        }

        /// <summary>
        /// The entries that satisfy a constraint in Spack's spec syntax, e.g.
        /// <c>py-gast@0.5: %gcc@11: +shared build_type=Release target=aarch64 os=ubuntu24.04 platform=linux /7u33</c>
        /// (see <see cref="SpecPattern"/>). Throws <see cref="FormatException"/>, naming the position, for a malformed query.
        /// </summary>
        public SpecQuery Query(string query) => Query(SpecPattern.Parse(query));

        /// <summary>The entries that satisfy a parsed <paramref name="pattern"/>; enumerating allocates nothing.</summary>
        public SpecQuery Query(SpecPattern pattern)
        {
            if (pattern is null)
            {
                throw new ArgumentNullException(nameof(pattern));
            }

            if (_parts is not null)
            {
                return new SpecQuery(this, default, pattern, null);
            }

            bool none = false;
            DimensionFilter filter = default;
            Resolve(ref filter, Dimensions.Package, pattern.Name, ref none);
            Resolve(ref filter, Dimensions.Target, pattern.Targets?.ExactName, ref none);
            Resolve(ref filter, Dimensions.OperatingSystem, pattern.Os, ref none);
            Resolve(ref filter, Dimensions.Platform, pattern.Platform, ref none);
            bool details = pattern.Versions is not null || pattern.Compilers.Count > 0 || pattern.Variants.Count > 0 || pattern.Flags.Count > 0 || pattern.HashPrefix is not null || pattern.HasTargetRanges;
            return new SpecQuery(this, none, filter, details ? pattern : null);
        }

        /// <summary>The bitset of the entries whose names of a (per-spec) kind include the one at <paramref name="index"/>.</summary>
        internal ulong[] Bitset(Dimension dimension, int index)
        {
            ulong[][] sets = _bitsets[dimension.Index] ?? BuildBitsets(dimension);
            return sets[index];
        }

        private void Resolve(ref DimensionFilter filter, Dimension dimension, string? name, ref bool none)
        {
            if (name is null)
            {
                return;
            }

            int index = IndexOfName(dimension, name);
            none |= index < 0;
            filter[dimension] = index;
        }

        private ulong[][] BuildBitsets(Dimension dimension)
        {
            int words = (Count + 63) >> 6;
            var sets = new ulong[SectionCount(dimension.Names)][];
            for (int v = 0; v < sets.Length; v++)
            {
                sets[v] = new ulong[words];
            }

            for (int i = 0; i < Count; i++)
            {
                ulong bit = 1UL << (i & 63);
                if (dimension.IsList)
                {
                    Section start = dimension.ListStart!.Value;
                    int list = Read(dimension.Column, i);
                    int end = Read(start, list + 1);
                    for (int k = Read(start, list); k < end; k++)
                    {
                        sets[Read(dimension.ListItems!.Value, k)][i >> 6] |= bit;
                    }
                }
                else
                {
                    sets[ValueIndex(dimension, i)][i >> 6] |= bit;
                }
            }

            return Interlocked.CompareExchange(ref _bitsets[dimension.Index], sets, null) ?? sets;
        }
    }
}
