using System;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A Spack version constraint, as after <c>@</c> in a spec: a range <c>1.2:1.4</c>, open ranges <c>1.2:</c>
    /// and <c>:1.4</c>, <c>:</c> (any), a bare <c>1.6</c> meaning the 1.6 series (<c>1.6.5</c> is in it, like
    /// <c>1.6:1.6</c>), <c>=1.6</c> meaning exactly 1.6, and comma-separated lists of those (<c>1.2,1.5:1.6</c>).
    /// Ranges follow Spack's rules at their bounds: <c>lo:hi</c> holds the versions from <c>lo</c> up to, not
    /// including, the first version after the <c>hi</c> series, so pre-releases of <c>lo</c> are outside
    /// (<c>1.2.1rc3</c> is not in <c>1.2.1:</c>) and those of the next series are inside (<c>1.2.1rc3</c> is in <c>1.2.0:</c>).
    /// </summary>
    public sealed class VersionConstraint
    {
        private readonly Item[] _items;

        private VersionConstraint(string text, Item[] items)
        {
            Text = text;
            _items = items;
        }

        /// <summary>Any version (<c>:</c>).</summary>
        public static VersionConstraint Any { get; } = new VersionConstraint(":", new[] { Item.Range(null, null) });

        /// <summary>The text the constraint was parsed from.</summary>
        public string Text { get; }

        /// <summary>Parses a constraint; throws <see cref="FormatException"/> when it is malformed.</summary>
        public static VersionConstraint Parse(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            return TryParse(text, out VersionConstraint? constraint, out string? error)
                ? constraint!
                : throw new FormatException("'" + text + "' is not a version constraint: " + error);
        }

        /// <summary>Parses a constraint; false when it is malformed.</summary>
        public static bool TryParse(string? text, out VersionConstraint? constraint) => TryParse(text, out constraint, out _);

        internal static bool TryParse(string? text, out VersionConstraint? constraint, out string? error)
        {
            constraint = null;
            error = null;
            if (text is null)
            {
                error = "it is null";
                return false;
            }

            string compact = text.Replace(" ", string.Empty);
            if (compact.Length == 0)
            {
                error = "it is empty";
                return false;
            }

            var items = new List<Item>();
            foreach (string part in compact.Split(','))
            {
                if (!TryParseItem(part, out Item item, out error))
                {
                    return false;
                }

                items.Add(item);
            }

            constraint = new VersionConstraint(text, items.ToArray());
            return true;
        }

        /// <summary>True when <paramref name="version"/> satisfies the constraint (any of its items).</summary>
        public bool Contains(SpackVersion version)
        {
            VersionValue value = version.Value;
            foreach (Item item in _items)
            {
                if (item.Contains(value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The text the constraint was parsed from.</summary>
        public override string ToString() => Text;

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
                if (!SpackVersion.TryParse(text.Substring(1), out SpackVersion exact, out error) || exact.ToString().Length == 0)
                {
                    error ??= "'=' must be followed by a version";
                    return false;
                }

                item = Item.Exact(exact.Value);
                return true;
            }

            int colon = text.IndexOf(':');
            if (colon < 0)
            {
                if (!SpackVersion.TryParse(text, out SpackVersion version, out error))
                {
                    return false;
                }

                // A git version stands for itself; any other bare version is its series.
                item = version.IsGit ? Item.Exact(version.Value) : Item.Range(version.Value, version.Value);
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
                if (!SpackVersion.TryParse(text.Substring(0, colon), out SpackVersion low, out error) || low.IsGit)
                {
                    error ??= "a range bound cannot be a git version";
                    return false;
                }

                lo = low.Value;
            }

            if (colon < text.Length - 1)
            {
                if (!SpackVersion.TryParse(text.Substring(colon + 1), out SpackVersion high, out error) || high.IsGit)
                {
                    error ??= "a range bound cannot be a git version";
                    return false;
                }

                hi = high.Value;
            }

            if (lo is not null && hi is not null && VersionValue.Compare(VersionValue.Next(hi), lo) <= 0)
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

            public bool Contains(VersionValue version)
            {
                if (!_isRange)
                {
                    return VersionValue.Compare(_exact!, version) == 0;
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
