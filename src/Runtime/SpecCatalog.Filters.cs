using System;
using System.Threading;
using SpecGen.Format;

namespace SpecGen
{
    public sealed partial class SpecCatalog
    {
        private readonly ulong[]?[][] _bitsets = new ulong[]?[4][];

        /// <summary>Every entry, as a query.</summary>
        public SpecQuery All => new SpecQuery(this, false, SpecQuery.AnyValue, SpecQuery.AnyValue, SpecQuery.AnyValue, SpecQuery.AnyValue, SpecQuery.AnyValue, SpecQuery.AnyValue);

        /// <summary>
        /// The entries that match every given name (null means any): package, stack, target, operating
        /// system, platform and snapshot tag. Names compare ordinally; an unknown name matches nothing.
        /// Allocates nothing (the first filter on a field builds that field's bitsets once).
        /// </summary>
        public SpecQuery Where(string? package = null, string? stack = null, string? target = null, string? os = null, string? platform = null, string? tag = null)
        {
            bool none = false;
            int packageIndex = Resolve(Section.Packages, package, ref none);
            int stackIndex = Resolve(Section.Stacks, stack, ref none);
            int targetIndex = Resolve(Section.Targets, target, ref none);
            int osIndex = Resolve(Section.OperatingSystems, os, ref none);
            int platformIndex = Resolve(Section.Platforms, platform, ref none);
            int tagIndex = Resolve(Section.Tags, tag, ref none);
            return new SpecQuery(this, none, packageIndex, tagIndex, stackIndex, targetIndex, osIndex, platformIndex);
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

            bool none = false;
            int packageIndex = Resolve(Section.Packages, pattern.Name, ref none);
            int targetIndex = Resolve(Section.Targets, pattern.Target, ref none);
            int osIndex = Resolve(Section.OperatingSystems, pattern.Os, ref none);
            int platformIndex = Resolve(Section.Platforms, pattern.Platform, ref none);
            bool details = pattern.Versions is not null || pattern.CompilerName is not null || pattern.Variants.Count > 0 || pattern.HashPrefix is not null;
            return new SpecQuery(this, none, packageIndex, SpecQuery.AnyValue, SpecQuery.AnyValue, targetIndex, osIndex, platformIndex, details ? pattern : null);
        }

        /// <summary>The bitset of the entries whose field (stacks, target, OS or platform) has the value at <paramref name="index"/>.</summary>
        internal ulong[] Bitset(Section field, int index)
        {
            int slot = field == Section.SpecStacks ? 0 : field == Section.SpecTarget ? 1 : field == Section.SpecOs ? 2 : 3;
            ulong[]?[] sets = _bitsets[slot] ?? BuildBitsets(slot, field);
            return sets[index]!;
        }

        private int Resolve(Section dimension, string? name, ref bool none)
        {
            if (name is null)
            {
                return SpecQuery.AnyValue;
            }

            int index = IndexOfName(dimension, name);
            none |= index < 0;
            return index;
        }

        private ulong[]?[] BuildBitsets(int slot, Section field)
        {
            Section dimension = field == Section.SpecStacks ? Section.Stacks : field == Section.SpecTarget ? Section.Targets : field == Section.SpecOs ? Section.OperatingSystems : Section.Platforms;
            int words = (Count + 63) >> 6;
            var sets = new ulong[]?[SectionCount(dimension)];
            for (int v = 0; v < sets.Length; v++)
            {
                sets[v] = new ulong[words];
            }

            for (int i = 0; i < Count; i++)
            {
                ulong bit = 1UL << (i & 63);
                if (field == Section.SpecStacks)
                {
                    int list = Read(Section.SpecStacks, i);
                    int end = Read(Section.StackListStart, list + 1);
                    for (int k = Read(Section.StackListStart, list); k < end; k++)
                    {
                        sets[Read(Section.StackListItems, k)]![i >> 6] |= bit;
                    }
                }
                else
                {
                    sets[Read(field, i)]![i >> 6] |= bit;
                }
            }

            return Interlocked.CompareExchange(ref _bitsets[slot], sets, null) ?? sets;
        }
    }
}
