using System.Collections;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// The entries of a catalog that match a filter, in catalog order. A small value: making it, enumerating
    /// it and counting it allocate nothing (filters intersect per-value bitsets built once per catalog).
    /// </summary>
    public readonly struct SpecQuery : IEnumerable<Spec>
    {
        internal SpecQuery(SpecCatalog catalog, bool matchesNothing, DimensionFilter filter, SpecPattern? pattern = null, ulong[]? runnable = null)
        {
            Catalog = catalog;
            Pattern = pattern;
            MatchesNothing = matchesNothing;
            Filter = filter;
            Runnable = runnable;
            Names = default;
        }

        /// <summary>A query of a combined catalog: the names (or the pattern) are resolved in each part as it is reached.</summary>
        internal SpecQuery(SpecCatalog combined, QueryNames names, SpecPattern? pattern, ulong[]? runnable)
        {
            Catalog = combined;
            Pattern = pattern;
            MatchesNothing = false;
            Filter = default;
            Runnable = runnable;
            Names = names;
        }

        /// <summary>For a combined catalog, the names of <see cref="SpecCatalog.Where"/>.</summary>
        internal QueryNames Names { get; }

        internal SpecCatalog? Catalog { get; }

        internal bool MatchesNothing { get; }

        /// <summary>The name each kind must have (package and tag pick ranges of pages; the others intersect bitsets).</summary>
        internal DimensionFilter Filter { get; }

        /// <summary>The parts of a <see cref="SpecCatalog.Query(SpecPattern)"/> pattern checked per candidate (versions, compiler, variants, hash).</summary>
        internal SpecPattern? Pattern { get; }

        /// <summary>The archspec indexes of the targets a spec may have (<see cref="RunnableOn"/>), as bits; null for any.</summary>
        internal ulong[]? Runnable { get; }

        /// <summary>
        /// The entries of this query whose binaries run on <paramref name="host"/>: their target is the host or one of
        /// its ancestors in archspec's graph (x86_64, x86_64_v2, x86_64_v3, zen, zen2, zen3 on a zen3 host). Entries
        /// whose target archspec does not know are left out. Composes with every filter:
        /// <c>catalog.Where(package: "zlib", os: "ubuntu22.04").RunnableOn(Microarchitecture.Host)</c>; enumerating
        /// the result allocates nothing.
        /// </summary>
        public SpecQuery RunnableOn(Microarchitecture host)
        {
            if (host is null)
            {
                throw new System.ArgumentNullException(nameof(host));
            }

            ulong[] runnable = host.SelfAndAncestors;
            if (Runnable is not null)
            {
                runnable = (ulong[])runnable.Clone();
                for (int i = 0; i < runnable.Length; i++)
                {
                    runnable[i] &= Runnable[i];
                }
            }

            return Catalog is not null && Catalog.IsCombined
                ? new SpecQuery(Catalog, Names, Pattern, runnable)
                : new SpecQuery(Catalog!, MatchesNothing || Catalog is null, Filter, Pattern, runnable);
        }

        /// <summary>This query of a combined catalog, in one of its parts.</summary>
        internal SpecQuery InPart(SpecCatalog part)
        {
            SpecQuery query = Pattern is not null
                ? part.Query(Pattern)
                : part.WhereNames(Names);
            return new SpecQuery(part, query.MatchesNothing, query.Filter, query.Pattern, Runnable);
        }

        /// <summary>Counts the matching entries.</summary>
        public int Count()
        {
            if (Catalog is not null && Catalog.IsCombined)
            {
                int count = 0;
                foreach (SpecCatalog part in Catalog.Parts)
                {
                    count += InPart(part).Count();
                }

                return count;
            }

            PartEnumerator e = new PartEnumerator(this);
            return e.CountRemaining();
        }

        /// <summary>True when at least one entry matches.</summary>
        public bool Any()
        {
            Enumerator e = GetEnumerator();
            return e.MoveNext();
        }

        /// <summary>The first matching entry in catalog order, if any.</summary>
        public bool TryGetFirst(out Spec spec)
        {
            Enumerator e = GetEnumerator();
            if (e.MoveNext())
            {
                spec = e.Current;
                return true;
            }

            spec = default;
            return false;
        }

        /// <summary>Enumerates the matching entries without allocating.</summary>
        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<Spec> IEnumerable<Spec>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Enumerates the matching entries: those of the catalog, or part after part of a combined catalog.</summary>
        public struct Enumerator : IEnumerator<Spec>
        {
            private readonly SpecQuery _query;
            private readonly SpecCatalog[]? _parts;
            private PartEnumerator _inner;
            private int _part;
            private bool _ended;

            internal Enumerator(SpecQuery query)
            {
                _query = query;
                _parts = query.Catalog is not null && query.Catalog.IsCombined ? query.Catalog.Parts : null;
                _part = -1;
                _ended = false;
                _inner = _parts is null ? new PartEnumerator(query) : default;
            }

            /// <inheritdoc/>
            public Spec Current => _parts is null || _part >= 0 && !_ended ? _inner.Current : throw (_ended ? Enumeration.Ended() : Enumeration.NotStarted());

            object IEnumerator.Current => Current;

            /// <inheritdoc/>
            public bool MoveNext()
            {
                if (_parts is null)
                {
                    return _inner.MoveNext();
                }

                while (!_ended)
                {
                    if (_part >= 0 && _inner.MoveNext())
                    {
                        return true;
                    }

                    if (++_part >= _parts.Length)
                    {
                        _ended = true;
                        break;
                    }

                    _inner = new PartEnumerator(_query.InPart(_parts[_part]));
                }

                return false;
            }

            /// <inheritdoc/>
            public void Reset()
            {
                if (_parts is null)
                {
                    _inner.Reset();
                    return;
                }

                _part = -1;
                _ended = false;
            }

            /// <inheritdoc/>
            public void Dispose()
            {
            }
        }

        /// <summary>Walks the candidate ranges of one catalog (all entries, one tag, or the pages of one package) word by word.</summary>
        internal struct PartEnumerator
        {
            private readonly SpecCatalog _catalog;
            private readonly BitsetList _bitsets;
            private readonly SpecPattern? _pattern;
            private readonly ulong[]? _runnable;
            private readonly int _package;
            private readonly int _tag;
            private readonly bool _empty;
            private int _nextPage;
            private int _lastPage;
            private int _rangeStart;
            private int _rangeEnd;
            private int _word;
            private ulong _bits;
            private int _current;
            private bool _started;
            private bool _ended;

            internal PartEnumerator(SpecQuery query)
            {
                _catalog = query.Catalog!;
                _empty = query.MatchesNothing || query.Catalog is null;
                DimensionFilter filter = query.Filter;
                _package = filter[Dimensions.Package];
                _tag = filter[Dimensions.Tag];
                _bitsets = default;
                foreach (Dimension dimension in Dimensions.All)
                {
                    if (!_empty && !dimension.PerPage && filter[dimension] >= 0)
                    {
                        _bitsets.Add(_catalog.Bitset(dimension, filter[dimension]));
                    }
                }

                _pattern = query.Pattern;
                _runnable = query.Runnable;
                _nextPage = 0;
                _lastPage = 0;
                _rangeStart = 0;
                _rangeEnd = 0;
                _word = 0;
                _bits = 0;
                _current = -1;
                _started = false;
                _ended = false;
            }

            public Spec Current
            {
                get
                {
                    if (_current < 0)
                    {
                        throw _ended ? Enumeration.Ended() : Enumeration.NotStarted();
                    }

                    return new Spec(_catalog, _current);
                }
            }

            public bool MoveNext()
            {
                if (_ended || !Start())
                {
                    return End();
                }

                while (true)
                {
                    if (_bits != 0)
                    {
                        _current = (_word << 6) + Bits.TrailingZeroCount(_bits);
                        _bits &= _bits - 1;
                        if ((_runnable is null || ArchspecGraph.InMask(_runnable, _catalog.ArchIndex(_current)))
                            && (_pattern is null || _pattern.MatchesDetails(new Spec(_catalog, _current))))
                        {
                            return true;
                        }

                        continue;
                    }

                    if (!NextWord())
                    {
                        return End();
                    }
                }
            }

            private bool End()
            {
                _ended = true;
                _current = -1;
                return false;
            }

            public void Reset()
            {
                _started = false;
                _ended = false;
                _bits = 0;
                _current = -1;
            }

            internal int CountRemaining()
            {
                if (_pattern is not null || _runnable is not null)
                {
                    int matches = 0;
                    while (MoveNext())
                    {
                        matches++;
                    }

                    return matches;
                }

                if (!Start())
                {
                    return 0;
                }

                int count = 0;
                do
                {
                    count += Bits.PopCount(_bits);
                    _bits = 0;
                }
                while (NextWord());

                return count;
            }

            private bool Start()
            {
                if (_started)
                {
                    return true;
                }

                if (_empty)
                {
                    return false;
                }

                _started = true;
                if (_package >= 0)
                {
                    _nextPage = _catalog.Read(Section.PackagePageStart, _package);
                    _lastPage = _catalog.Read(Section.PackagePageStart, _package + 1);
                }
                else if (_tag >= 0)
                {
                    _rangeStart = _catalog.Read(Section.PageFirstSpec, _catalog.Read(Section.TagPageStart, _tag));
                    _rangeEnd = _catalog.Read(Section.PageFirstSpec, _catalog.Read(Section.TagPageStart, _tag + 1));
                }
                else
                {
                    _rangeStart = 0;
                    _rangeEnd = _catalog.Count;
                }

                if (_package < 0 && _rangeStart >= _rangeEnd)
                {
                    _rangeEnd = -1;
                    return false;
                }

                if (_package >= 0 && !NextRange())
                {
                    return false;
                }

                _word = _rangeStart >> 6;
                LoadWord();
                return true;
            }

            /// <summary>Moves to the next word of the range, or the next range; false at the end.</summary>
            private bool NextWord()
            {
                _word++;
                if ((_word << 6) < _rangeEnd)
                {
                    LoadWord();
                    return true;
                }

                if (_package < 0 || !NextRange())
                {
                    return false;
                }

                _word = _rangeStart >> 6;
                LoadWord();
                return true;
            }

            /// <summary>The next non-empty page of the package (in the tag, when one is given).</summary>
            private bool NextRange()
            {
                while (_nextPage < _lastPage)
                {
                    int page = _catalog.Read(Section.PackagePages, _nextPage++);
                    if (_tag >= 0 && _catalog.Read(Dimensions.Tag.Column, page) - 1 != _tag)
                    {
                        continue;
                    }

                    _rangeStart = _catalog.Read(Section.PageFirstSpec, page);
                    _rangeEnd = _catalog.Read(Section.PageFirstSpec, page + 1);
                    if (_rangeStart < _rangeEnd)
                    {
                        return true;
                    }
                }

                return false;
            }

            private void LoadWord()
            {
                ulong bits = _bitsets.And(_word);

                int first = _word << 6;
                if (first < _rangeStart)
                {
                    bits &= ulong.MaxValue << (_rangeStart - first);
                }

                int keep = _rangeEnd - first;
                if (keep < 64)
                {
                    bits &= (1UL << keep) - 1;
                }

                _bits = bits;
            }
        }
    }
}
