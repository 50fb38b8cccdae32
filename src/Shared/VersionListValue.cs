using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>
    /// A version list as after <c>@</c> in a spec, with Spack's meaning (spack/spack lib/spack/spack/version/__init__.py,
    /// from_string; version_types.py, ClosedOpenRange): comma-separated items, each a range <c>lo:hi</c> (either bound
    /// may be left out), an exact version <c>=1.6</c>, or a bare version standing for its series (<c>1.6</c> is
    /// <c>1.6:1.6</c>). Shared by the runtime's VersionConstraint and the analyzer that checks query literals.
    /// </summary>
    internal sealed class VersionListValue
    {
        private readonly Item[] _items;

        private VersionListValue(Item[] items)
        {
            _items = items;
        }

        /// <summary>Any version (<c>:</c>).</summary>
        public static VersionListValue Any { get; } = new VersionListValue(new[] { Item.Range(null, null) });

        /// <summary>Parses a version list; null with the reason when it is malformed.</summary>
        public static VersionListValue? Parse(string text, out string? error)
        {
            error = null;
            string compact = text.Replace(" ", string.Empty);
            if (compact.Length == 0)
            {
                error = "it is empty";
                return null;
            }

            var items = new List<Item>();
            foreach (string part in compact.Split(','))
            {
                if (!TryParseItem(part, out Item item, out error))
                {
                    return null;
                }

                items.Add(item);
            }

            return new VersionListValue(items.ToArray());
        }

        /// <summary>
        /// version_types.py VersionList.intersects: some item of each list intersects (ranges by their bounds,
        /// <c>lo1 &lt; hi2 and lo2 &lt; hi1</c>, so an empty range <c>2:1</c> still overlaps one around it; a version by
        /// <c>lo &lt;= v &lt; hi</c>). Spec.constrain refuses two constraints on one direct dependency that do not overlap.
        /// </summary>
        public bool Overlaps(VersionListValue other)
        {
            foreach (Item a in _items)
            {
                foreach (Item b in other._items)
                {
                    if (Item.Intersect(a, b) is not null)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>VersionList.intersection: the intersection of each overlapping pair of items (Spec.constrain keeps it).</summary>
        public VersionListValue Intersect(VersionListValue other)
        {
            var items = new List<Item>();
            foreach (Item a in _items)
            {
                foreach (Item b in other._items)
                {
                    if (Item.Intersect(a, b) is Item both)
                    {
                        items.Add(both);
                    }
                }
            }

            return new VersionListValue(items.ToArray());
        }

        /// <summary>True when <paramref name="version"/> is in any item of the list.</summary>
        public bool Contains(VersionValue version)
        {
            foreach (Item item in _items)
            {
                if (item.Contains(version))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TryParseItem(string text, out Item item, out string? error)
        {
            item = default;
            error = null;
            if (text.Length == 0)
            {
                error = "the list has an empty item";
                return false;
            }

            if (text[0] == '=')
            {
                VersionValue? exact = VersionValue.Parse(PythonText.Strip(text.Substring(1)), out error);
                if (exact is null || exact.Text.Length == 0)
                {
                    error ??= "'=' must be followed by a version";
                    return false;
                }

                item = Item.Exact(exact);
                return true;
            }

            int colon = text.IndexOf(':');
            if (colon < 0)
            {
                // version_types.py from_string: an item with '=' after its first character is a git version, whatever
                // else it holds; every other item is stripped of Python's whitespace (parse_string_components).
                VersionValue? version = VersionValue.Parse(text.IndexOf('=', 1) > 0 ? text : PythonText.Strip(text), out error);
                if (version is null)
                {
                    return false;
                }

                // A git version stands for itself; any other bare version is its series.
                item = version.IsGit ? Item.Exact(version) : Item.Range(version, version);
                return true;
            }

            if (text.IndexOf(':', colon + 1) >= 0)
            {
                error = "a range has one ':'";
                return false;
            }

            VersionValue? lo = null;
            VersionValue? hi = null;
            if (colon > 0)
            {
                lo = VersionValue.Parse(PythonText.Strip(text.Substring(0, colon)), out error);
                if (lo is null || lo.IsGit)
                {
                    error ??= "a range bound cannot be a git version";
                    return false;
                }
            }

            if (colon < text.Length - 1)
            {
                hi = VersionValue.Parse(PythonText.Strip(text.Substring(colon + 1)), out error);
                if (hi is null || hi.IsGit)
                {
                    error ??= "a range bound cannot be a git version";
                    return false;
                }
            }

            // ClosedOpenRange.from_version_range: lo:hi is [lo, next(hi)), refused when next(hi) < lo; when they are
            // equal (@2:1) the range is empty, and Spack accepts it: it holds no version.
            if (lo is not null && hi is not null && VersionValue.Compare(VersionValue.Next(hi), lo) < 0)
            {
                error = "the range is empty (its upper bound is below its lower bound)";
                return false;
            }

            item = Item.Range(lo, hi);
            return true;
        }

        /// <summary>An exact version, or a range [lo, Next(hi)) with either end open.</summary>
        private readonly struct Item
        {
            private readonly VersionValue? _exact;
            private readonly VersionValue? _low;
            private readonly VersionValue? _highExclusive;
            private readonly bool _isRange;

            private Item(VersionValue? exact, VersionValue? low, VersionValue? highExclusive, bool isRange)
            {
                _exact = exact;
                _low = low;
                _highExclusive = highExclusive;
                _isRange = isRange;
            }

            public static Item Exact(VersionValue version) => new Item(version, null, null, false);

            public static Item Range(VersionValue? lo, VersionValue? hi) => new Item(null, lo, hi is null ? null : VersionValue.Next(hi), true);

            /// <summary>ClosedOpenRange.intersection and StandardVersion.intersection: null when the two do not intersect.</summary>
            public static Item? Intersect(Item a, Item b)
            {
                if (!a._isRange)
                {
                    return b.Contains(a._exact!) ? a : null;
                }

                if (!b._isRange)
                {
                    return a.Contains(b._exact!) ? b : null;
                }

                // ClosedOpenRange.intersects: self.lo < other.hi and other.lo < self.hi (open ends are typemin/typemax).
                bool below = a._low is null || b._highExclusive is null || VersionValue.Compare(a._low, b._highExclusive) < 0;
                bool above = b._low is null || a._highExclusive is null || VersionValue.Compare(b._low, a._highExclusive) < 0;
                if (!below || !above)
                {
                    return null;
                }

                VersionValue? low = a._low is null ? b._low : b._low is null || VersionValue.Compare(a._low, b._low) >= 0 ? a._low : b._low;
                VersionValue? high = a._highExclusive is null ? b._highExclusive
                    : b._highExclusive is null || VersionValue.Compare(a._highExclusive, b._highExclusive) <= 0 ? a._highExclusive : b._highExclusive;
                return new Item(null, low, high, true);
            }

            public bool Contains(VersionValue version)
            {
                if (!_isRange)
                {
                    // StandardVersion.satisfies(GitVersion) is False: a git version asked for holds no standard version,
                    // and is not looked up (version_types.py).
                    return (!_exact!.IsGit || version.IsGit) && VersionValue.Compare(_exact!, version) == 0;
                }

                // A git version is in a range by the version it is assigned; an unassigned ref only in ':'.
                if (version.IsGit)
                {
                    if (version.Assigned is null)
                    {
                        return _low is null && _highExclusive is null;
                    }

                    version = version.Assigned;
                }

                return (_low is null || VersionValue.Compare(_low, version) <= 0)
                    && (_highExclusive is null || VersionValue.Compare(version, _highExclusive) < 0);
            }
        }
    }
}
