using System;
using System.Threading;
using SpecGen.Format;

namespace SpecGen
{
    public sealed partial class SpecCatalog
    {
        private readonly ulong[][]?[] _bitsets = new ulong[][]?[Dimensions.All.Length];

        /// <summary>Every entry, as a query.</summary>
        public SpecQuery All => WhereNames(default);

        /// <summary>
        /// The entries that match every given name (null means any): package, stack, target, operating
        /// system, platform and snapshot tag. Names compare ordinally; an unknown name matches nothing.
        /// Allocates nothing (the first filter on a field builds that field's bitsets once).
        /// </summary>
        public SpecQuery Where(string? package = null, string? stack = null, string? target = null, string? os = null, string? platform = null, string? tag = null)
        {
            // One line per parameter, each a row of Dimensions; everything else works from the table.
            QueryNames names = default;
            names[Dimensions.Package] = package;
            names[Dimensions.Stack] = stack;
            names[Dimensions.Target] = target;
            names[Dimensions.OperatingSystem] = os;
            names[Dimensions.Platform] = platform;
            names[Dimensions.Tag] = tag;
            return WhereNames(names);
        }

        /// <summary>The entries that have every name of <paramref name="names"/>: in a combined catalog, resolved in each part as it is reached.</summary>
        internal SpecQuery WhereNames(QueryNames names)
        {
            if (_parts is not null)
            {
                return new SpecQuery(this, names, null, null);
            }

            bool none = false;
            DimensionFilter filter = default;
            foreach (Dimension dimension in Dimensions.All)
            {
                Resolve(ref filter, dimension, names[dimension], ref none);
            }

            return new SpecQuery(this, none, filter);
        }

        /// <summary>
        /// The entries that satisfy a constraint in Spack's spec syntax, e.g.
        /// <c>py-gast@0.5: %gcc@11: +shared build_type=Release target=aarch64 os=ubuntu24.04 platform=linux /7u33</c>
        /// (see <see cref="SpecPattern"/>). Throws <see cref="FormatException"/>, naming the position, for a malformed query.
        /// </summary>
        public SpecQuery Query(string query) => Query(SpecPattern.Parse(query));

        /// <summary>
        /// <see cref="Query(string)"/> with the host's reserved names resolved for <paramref name="host"/> (usually
        /// <see cref="SpackArch.Current"/>): <c>os=default_os</c>, <c>target=default_target</c>, and the deprecated
        /// <c>frontend</c>, <c>fe</c>, <c>backend</c>, <c>be</c> (see <see cref="SpecPattern.Parse(string, SpackArch)"/>).
        /// </summary>
        public SpecQuery Query(string query, SpackArch host) => Query(SpecPattern.Parse(query, host));

        /// <summary>
        /// The entries that satisfy a parsed <paramref name="pattern"/>; enumerating allocates nothing. A pattern asking
        /// for a language (<c>%c</c>, <c>%cxx</c>, <c>%fortran</c>) throws <see cref="FormatException"/> when a spec that
        /// satisfies the rest of it has a compiler written in Spack 1.x form, whose languages pages do not record.
        /// </summary>
        public SpecQuery Query(SpecPattern pattern)
        {
            if (pattern is null)
            {
                throw new ArgumentNullException(nameof(pattern));
            }

            if (pattern.HasLanguages)
            {
                CheckLanguages(pattern);
            }

            if (_parts is not null)
            {
                return new SpecQuery(this, default, pattern, null);
            }

            bool none = pattern.MatchesNothing;
            DimensionFilter filter = default;
            foreach (Dimension dimension in Dimensions.All)
            {
                Resolve(ref filter, dimension, pattern.NameOf(dimension), ref none);
            }

            bool details = pattern.Versions is not null || pattern.Compilers.Count > 0 || pattern.Variants.Count > 0 || pattern.Flags.Count > 0
                || pattern.HashPrefix is not null || pattern.HasTargetRanges || pattern.HasAnyArchPart;
            return new SpecQuery(this, none, filter, details ? pattern : null);
        }

        /// <summary>
        /// Refuses a language constraint the pages cannot decide: a spec satisfying the rest of the pattern whose compiler
        /// is written in Spack 1.x form (spec.py _satisfying_edges: only the compiler of a v0.2x page is known to be an
        /// edge providing c, cxx and fortran).
        /// </summary>
        private void CheckLanguages(SpecPattern pattern)
        {
            foreach (SpecCatalog part in PartsOrSelf)
            {
                foreach (Spec spec in part.Query(pattern.WithoutLanguages))
                {
                    Compiler compiler = spec.Compiler;
                    foreach (CompilerPattern wanted in pattern.Compilers)
                    {
                        if (wanted.IsUndecided(compiler.IsNone, compiler.IsExact))
                        {
                            throw new FormatException(SpecPattern.Describe(pattern.Text, wanted.Start, CompilerPattern.LanguageMessage(wanted.Language!, compiler.Text)));
                        }
                    }
                }
            }
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
                    NameListField.Get(this, dimension.Field!, i, out int start, out int count);
                    for (int k = start; k < start + count; k++)
                    {
                        sets[Read(dimension.ListItems, k)][i >> 6] |= bit;
                    }
                }
                else if (ValueIndex(dimension, i) is int value and >= 0)
                {
                    sets[value][i >> 6] |= bit;
                }
            }

            return Interlocked.CompareExchange(ref _bitsets[dimension.Index], sets, null) ?? sets;
        }
    }
}
