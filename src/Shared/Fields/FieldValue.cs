using System;

namespace SpecGen.Format
{
    /// <summary>
    /// The value of one spec field as the page writes it: a string or, for list kinds, a list of strings; or
    /// <see cref="Absent"/> when an optional key is missing or null. Which form a kind uses is its own business
    /// (see <see cref="FieldType"/>); absence is the same for every kind.
    /// </summary>
    internal readonly struct FieldValue : IEquatable<FieldValue>
    {
        /// <summary>The text (a string) or the list's array (a string[]): one reference, so a value is 16 bytes (a spec holds one per field, and the driver keeps every page's specs).</summary>
        private readonly object? _value;

        private FieldValue(bool present, object? value, bool isPlainNumber)
        {
            IsPresent = present;
            _value = value;
            IsPlainNumber = isPlainNumber;
        }

        /// <summary>The value of an optional field the spec does not have.</summary>
        public static FieldValue Absent => default;

        /// <summary>False when the spec does not have the field (an optional key that is missing, or null).</summary>
        public bool IsPresent { get; }

        /// <summary>The value of a scalar kind, or null.</summary>
        public string? Text => _value as string;

        /// <summary>The values of a list kind.</summary>
        public EquatableArray<string> Items => _value is string[] items ? new EquatableArray<string>(items) : default;

        /// <summary>True when a number was written without quotes (a size).</summary>
        public bool IsPlainNumber { get; }

        public static FieldValue Of(string text, bool isPlainNumber = false) => new FieldValue(true, text ?? throw new ArgumentNullException(nameof(text)), isPlainNumber);

        public static FieldValue Of(EquatableArray<string> items) => new FieldValue(true, items.Identity, false);

        public bool Equals(FieldValue other)
        {
            return IsPresent == other.IsPresent && string.Equals(Text, other.Text, StringComparison.Ordinal) && Items.Equals(other.Items) && IsPlainNumber == other.IsPlainNumber;
        }

        public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

        public override int GetHashCode()
        {
            return unchecked(((Text is null ? 0 : StringComparer.Ordinal.GetHashCode(Text)) * 31) + Items.GetHashCode() + (IsPlainNumber ? 1 : 0) + (IsPresent ? 2 : 0));
        }
    }
}
