using System;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// The value of one spec field as the page writes it: a string (null when an optional field is absent) or,
    /// for list fields, a list of strings. Which one depends on the field's kind (see SpecFields).
    /// </summary>
    internal readonly struct FieldValue : IEquatable<FieldValue>
    {
        public FieldValue(string? text, bool isPlainNumber = false)
        {
            Text = text;
            Items = default;
            IsPlainNumber = isPlainNumber;
        }

        public FieldValue(EquatableArray<string> items)
        {
            Text = null;
            Items = items;
            IsPlainNumber = false;
        }

        /// <summary>The value of a scalar field, or null when an optional field is absent.</summary>
        public string? Text { get; }

        /// <summary>The values of a list field.</summary>
        public EquatableArray<string> Items { get; }

        /// <summary>True when a number was written without quotes (the size of a spec).</summary>
        public bool IsPlainNumber { get; }

        public bool Equals(FieldValue other)
        {
            return string.Equals(Text, other.Text, StringComparison.Ordinal) && Items.Equals(other.Items) && IsPlainNumber == other.IsPlainNumber;
        }

        public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

        public override int GetHashCode()
        {
            return unchecked(((Text is null ? 0 : StringComparer.Ordinal.GetHashCode(Text)) * 31) + Items.GetHashCode() + (IsPlainNumber ? 1 : 0));
        }
    }
}
