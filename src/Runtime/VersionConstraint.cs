using System;
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
    /// A range whose end is just below its start (<c>2:1</c>) is empty, as in Spack: it holds no version.
    /// </summary>
    public sealed class VersionConstraint
    {
        private readonly VersionListValue _value;

        private VersionConstraint(string text, VersionListValue value)
        {
            Text = text;
            _value = value;
        }

        /// <summary>Any version (<c>:</c>).</summary>
        public static VersionConstraint Any { get; } = new VersionConstraint(":", VersionListValue.Any);

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
                : throw new FormatException(PythonText.Escape("'" + text + "' is not a version constraint: " + error));
        }

        /// <summary>Parses a constraint; false when it is malformed.</summary>
        public static bool TryParse(string? text, out VersionConstraint? constraint) => TryParse(text, out constraint, out _);

        internal static bool TryParse(string? text, out VersionConstraint? constraint, out string? error)
        {
            constraint = null;
            if (text is null)
            {
                error = "it is null";
                return false;
            }

            VersionListValue? value = VersionListValue.Parse(text, out error);
            if (value is null)
            {
                return false;
            }

            constraint = new VersionConstraint(text, value);
            return true;
        }

        /// <summary>True when <paramref name="version"/> satisfies the constraint (any of its items).</summary>
        public bool Contains(SpackVersion version) => _value.Contains(version.Value);

        /// <summary>The text the constraint was parsed from.</summary>
        public override string ToString() => Text;
    }
}
