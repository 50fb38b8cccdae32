using System;
using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>
    /// One member of a target constraint: an exact name, or a range of microarchitectures (<c>lo:hi</c>, <c>lo:</c>,
    /// <c>:hi</c>, <c>:</c>). A bound archspec knows is an index into <see cref="ArchspecData"/>; a bound it does not know
    /// is a generic microarchitecture of that name (spec.py _make_microarchitecture), equal only to a target of the same
    /// name that archspec does not know either, and below or above nothing.
    /// </summary>
    internal readonly struct TargetRangeSyntax
    {
        public TargetRangeSyntax(string? exact, string? lowName, int low, string? highName, int high)
        {
            Exact = exact;
            LowName = lowName;
            Low = low;
            HighName = highName;
            High = high;
        }

        /// <summary>The name a spec's target must equal, or null for a range.</summary>
        public string? Exact { get; }

        /// <summary>The lower bound as written, or null for an open end.</summary>
        public string? LowName { get; }

        /// <summary>The lower bound's index in archspec's data, or -1 (open, or a name archspec does not know).</summary>
        public int Low { get; }

        public string? HighName { get; }

        public int High { get; }

        /// <summary>
        /// spec.py _satisfies_target_range for a concrete target: an exact member compares names; a range holds the
        /// targets <c>t</c> with <c>lo &lt;= t &lt;= hi</c> in archspec's order (archspec Microarchitecture.__le__: the
        /// same microarchitecture or an ancestor), so a target archspec does not know is in <c>:</c>, and in a range
        /// only at a bound of its own name.
        /// </summary>
        public bool Contains(string target, int index)
        {
            if (Exact is not null)
            {
                return string.Equals(Exact, target, StringComparison.Ordinal);
            }

            return (LowName is null || (Low >= 0 ? index >= 0 && ArchspecGraph.IsSelfOrAncestor(Low, index) : index < 0 && string.Equals(LowName, target, StringComparison.Ordinal)))
                && (HighName is null || (High >= 0 ? index >= 0 && ArchspecGraph.IsSelfOrAncestor(index, High) : index < 0 && string.Equals(HighName, target, StringComparison.Ordinal)));
        }
    }

    /// <summary>
    /// The value of <c>target=</c> as the newest Spack reads it (spec.py _make_microarchitecture,
    /// _canonical_target_range, _satisfies_target_range): a comma-separated list of exact names and ranges; <c>*</c>, and
    /// a list with <c>*</c> in it, is every target (<c>:</c>). A range bound archspec does not know is a generic
    /// microarchitecture, which orders with no other (Spack 0.22 and 0.23 raised an error for it; the newest Spack
    /// selects nothing). An exact name may be anything, and matches the targets with that name.
    /// </summary>
    internal static class TargetListSyntax
    {
        /// <summary>The members; always succeeds (the signature keeps the error for callers that report one).</summary>
        public static TargetRangeSyntax[]? Parse(string text, out string? error, out int offset)
        {
            error = null;
            offset = -1;
            var members = new List<TargetRangeSyntax>();
            foreach (string member in text.Split(','))
            {
                if (member == "*")
                {
                    // '*' is ':', and ':' in a list holds every other member.
                    return new[] { new TargetRangeSyntax(null, null, -1, null, -1) };
                }

                int colon = member.IndexOf(':');
                if (colon < 0)
                {
                    members.Add(new TargetRangeSyntax(member, null, -1, null, -1));
                    continue;
                }

                string? low = colon == 0 ? null : member.Substring(0, colon);
                string? high = colon == member.Length - 1 ? null : member.Substring(colon + 1);
                members.Add(new TargetRangeSyntax(null, Bound(low), low is null ? -1 : ArchspecGraph.IndexOf(low), Bound(high), high is null ? -1 : ArchspecGraph.IndexOf(high)));
            }

            return members.ToArray();
        }

        /// <summary>A bound as a name compared with unknown targets: '*' is a generic microarchitecture named ':' (no target has that name).</summary>
        private static string? Bound(string? name) => name == "*" ? ":" : name;
    }
}
