using System;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// The value of <c>target=</c> in Spack's syntax: exact names and microarchitecture ranges, comma-separated.
    /// <c>x86_64_v3:</c> is x86_64_v3 and every descendant (zen3, icelake...), <c>:zen3</c> is zen3 and its ancestors,
    /// <c>x86_64_v2:zen3</c> both, <c>zen3,neoverse_v2</c> either name, <c>*</c> (alone or in a list) every target.
    /// Ranges follow archspec's order, so a target archspec does not know is only in <c>:</c> (every target), an exact
    /// name, or a range bounded by its own name; a bound archspec does not know orders with no known target (the newest
    /// Spack reads it as a generic microarchitecture: <c>zen9:</c> selects nothing, where Spack 0.22 and 0.23 failed).
    /// </summary>
    public sealed class TargetConstraint
    {
        private readonly TargetRangeSyntax[] _members;

        private TargetConstraint(string text, TargetRangeSyntax[] members)
        {
            Text = text;
            _members = members;
        }

        /// <summary>The text the constraint was parsed from.</summary>
        public string Text { get; }

        /// <summary>The name a target must have, when the constraint is one exact name; otherwise null.</summary>
        public string? ExactName => _members.Length == 1 ? _members[0].Exact : null;

        /// <summary>Parses a constraint (every text is one: a bound archspec does not know matches only a target of that name).</summary>
        public static TargetConstraint Parse(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            return TryParse(text, out TargetConstraint? result, out string? error) ? result! : throw new FormatException(error);
        }

        /// <summary>Parses a constraint, or false with the reason.</summary>
        public static bool TryParse(string? text, out TargetConstraint? result, out string? error)
        {
            result = null;
            if (text is null)
            {
                error = "The target constraint is null.";
                return false;
            }

            TargetRangeSyntax[]? members = TargetListSyntax.Parse(text, out error, out int offset);
            if (members is null)
            {
                error = "Invalid target '" + text + "' at position " + offset + ": " + error + ".";
                return false;
            }

            result = new TargetConstraint(text, members);
            return true;
        }

        /// <summary>True when a spec whose target is named <paramref name="target"/> satisfies the constraint, as in Spack.</summary>
        public bool Contains(string target)
        {
            if (target is null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            return Contains(target, ArchspecGraph.IndexOf(target));
        }

        /// <summary>True when a spec built for <paramref name="target"/> satisfies the constraint.</summary>
        public bool Contains(Microarchitecture target)
        {
            if (target is null)
            {
                throw new ArgumentNullException(nameof(target));
            }

            return Contains(target.Name, target.Index);
        }

        /// <summary>The text.</summary>
        public override string ToString() => Text;

        /// <summary>The check with the target's index in archspec's data already known (-1 when archspec does not know it).</summary>
        internal bool Contains(string target, int index)
        {
            foreach (TargetRangeSyntax member in _members)
            {
                if (member.Contains(target, index))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
