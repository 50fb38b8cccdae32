using System;
using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>
    /// One member of a target constraint: an exact name, or a range of microarchitectures (<c>lo:hi</c>, <c>lo:</c>,
    /// <c>:hi</c>, <c>:</c>) by indexes into <see cref="ArchspecData"/> (-1 for an open end).
    /// </summary>
    internal readonly struct TargetRangeSyntax
    {
        public TargetRangeSyntax(string? exact, int low, int high)
        {
            Exact = exact;
            Low = low;
            High = high;
        }

        /// <summary>The name a spec's target must equal, or null for a range.</summary>
        public string? Exact { get; }

        public int Low { get; }

        public int High { get; }

        /// <summary>
        /// spec.py ArchSpec._target_intersection for a concrete target: an exact member compares names; a range holds
        /// the targets <c>t</c> with <c>lo &lt;= t &lt;= hi</c> in archspec's order (a name archspec does not know is
        /// only in <c>:</c>).
        /// </summary>
        public bool Contains(string target, int index)
        {
            if (Exact is not null)
            {
                return string.Equals(Exact, target, StringComparison.Ordinal);
            }

            if (Low < 0 && High < 0)
            {
                return true;
            }

            return index >= 0 && (Low < 0 || ArchspecGraph.IsSelfOrAncestor(Low, index)) && (High < 0 || ArchspecGraph.IsSelfOrAncestor(index, High));
        }
    }

    /// <summary>
    /// The value of <c>target=</c> as Spack reads it: a comma-separated list of exact names and ranges. Range bounds
    /// must be microarchitectures archspec knows (Spack's comparison raises on any other name); an exact name may be
    /// anything, and matches the targets with that name.
    /// </summary>
    internal static class TargetListSyntax
    {
        /// <summary>The members, or null with <paramref name="error"/> and the offset of the problem in <paramref name="text"/>.</summary>
        public static TargetRangeSyntax[]? Parse(string text, out string? error, out int offset)
        {
            var members = new List<TargetRangeSyntax>();
            int start = 0;
            foreach (string member in text.Split(','))
            {
                int colon = member.IndexOf(':');
                if (colon < 0)
                {
                    members.Add(new TargetRangeSyntax(member, -1, -1));
                }
                else
                {
                    string low = member.Substring(0, colon);
                    string high = member.Substring(colon + 1);
                    int lowIndex = Bound(low, start, out error, out offset);
                    if (error is not null)
                    {
                        return null;
                    }

                    int highIndex = Bound(high, start + colon + 1, out error, out offset);
                    if (error is not null)
                    {
                        return null;
                    }

                    members.Add(new TargetRangeSyntax(null, lowIndex, highIndex));
                }

                start += member.Length + 1;
            }

            error = null;
            offset = -1;
            return members.ToArray();
        }

        private static int Bound(string name, int at, out string? error, out int offset)
        {
            error = null;
            offset = -1;
            if (name.Length == 0)
            {
                return -1;
            }

            int index = ArchspecGraph.IndexOf(name);
            if (index < 0)
            {
                error = name.IndexOf(':') >= 0
                    ? "a target range has one ':' ('" + name + "' is not a microarchitecture)"
                    : "'" + name + "' is not a microarchitecture archspec knows, so it cannot bound a target range";
                offset = at;
            }

            return index;
        }
    }
}
