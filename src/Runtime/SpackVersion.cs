using System;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A Spack version, ordered by Spack's rules: the version is split into numeric and alphabetic parts
    /// (<c>.</c>, <c>-</c> and <c>_</c> separate parts alike and are not compared); numbers compare as numbers
    /// (<c>0.10 &gt; 0.9</c>, <c>10.0001 == 10.1</c>); develop-like names are newer than any number
    /// (<c>develop &gt; main &gt; master &gt; head &gt; trunk &gt; nightly &gt; stable</c>); other alphabetic parts sort below
    /// numbers; a trailing <c>alpha</c>, <c>beta</c> or <c>rc</c> (optionally numbered) is a pre-release, below
    /// the release (<c>6.0alpha &lt; 6.0beta1 &lt; 6.0rc2 &lt; 6.0</c>); a version that extends another is newer
    /// (<c>2.0 &lt; 2.0.1</c>). Git versions (<c>git.ref=1.2</c>, <c>ref=1.2</c>) order by the version they are
    /// assigned. <see cref="ToString"/> gives back the text exactly.
    /// </summary>
    public readonly struct SpackVersion : IComparable<SpackVersion>, IEquatable<SpackVersion>, IComparable
    {
        private readonly VersionValue? _value;

        private SpackVersion(VersionValue value)
        {
            _value = value;
        }

        /// <summary>True for a version with a develop-like part (<c>develop</c>, <c>main</c>, <c>master</c>, ...).</summary>
        public bool IsDevelop => Value.IsDevelop;

        /// <summary>True for a pre-release (<c>1.2rc1</c>, <c>6.0beta</c>).</summary>
        public bool IsPrerelease => Value.Prerelease < VersionValue.Final;

        /// <summary>True for a git version (<c>git.ref=1.2</c>, a commit hash, <c>ref=1.2</c>).</summary>
        public bool IsGit => Value.IsGit;

        internal VersionValue Value => _value ?? VersionValue.Empty;

        /// <summary>Parses a version; throws <see cref="FormatException"/> when the text is not a Spack version.</summary>
        public static SpackVersion Parse(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            return TryParse(text, out SpackVersion version, out string? error)
                ? version
                : throw new FormatException(Format.PythonText.Escape("'" + text + "' is not a Spack version: " + error));
        }

        /// <summary>Parses a version; false when the text is not a Spack version.</summary>
        public static bool TryParse(string? text, out SpackVersion version) => TryParse(text, out version, out _);

        internal static bool TryParse(string? text, out SpackVersion version, out string? error)
        {
            version = default;
            if (text is null)
            {
                error = "it is null";
                return false;
            }

            VersionValue? value = VersionValue.Parse(text, out error);
            if (value is null)
            {
                return false;
            }

            version = new SpackVersion(value);
            return true;
        }

        internal static SpackVersion From(VersionValue value) => new SpackVersion(value);

        /// <inheritdoc/>
        public int CompareTo(SpackVersion other) => VersionValue.Compare(Value, other.Value);

        int IComparable.CompareTo(object? obj) => obj is SpackVersion other ? CompareTo(other) : throw new ArgumentException("Not a SpackVersion.", nameof(obj));

        /// <summary>Equal by Spack's rules (<c>1.2 == 1-2 == 1_2</c>, <c>10.0001 == 10.1</c>), not by text.</summary>
        public bool Equals(SpackVersion other) => CompareTo(other) == 0;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is SpackVersion other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Value.HashCode;

        /// <summary>The text the version was parsed from.</summary>
        public override string ToString() => Value.Text;

#pragma warning disable CS1591 // The operators mean what they say.
        public static bool operator ==(SpackVersion left, SpackVersion right) => left.Equals(right);

        public static bool operator !=(SpackVersion left, SpackVersion right) => !left.Equals(right);

        public static bool operator <(SpackVersion left, SpackVersion right) => left.CompareTo(right) < 0;

        public static bool operator >(SpackVersion left, SpackVersion right) => left.CompareTo(right) > 0;

        public static bool operator <=(SpackVersion left, SpackVersion right) => left.CompareTo(right) <= 0;

        public static bool operator >=(SpackVersion left, SpackVersion right) => left.CompareTo(right) >= 0;
#pragma warning restore CS1591
    }
}
