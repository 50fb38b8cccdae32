using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;

namespace SpecGen.Generator.Parsing
{
    /// <summary>A scalar: its text, and whether it was written without quotes.</summary>
    internal sealed class YamlScalar : YamlNode
    {
        public YamlScalar(TextSpan span, string value, bool isPlain)
            : base(span)
        {
            Value = value;
            IsPlain = isPlain;
        }

        public string Value { get; }

        /// <summary>True when the scalar was written without quotes (so it may be a number or null).</summary>
        public bool IsPlain { get; }

        /// <summary>True for a plain scalar that YAML reads as null (empty, <c>~</c>, <c>null</c>).</summary>
        public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        public override string ShapeName => IsNull ? "null" : IsPlain && NameChars.IsDigits(Value) ? "a number" : "a string";
    }
}
