using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Parsing
{
    /// <summary>A node of a page's front matter with its place in the page. Lives only inside one parse step.</summary>
    internal abstract class YamlNode
    {
        protected YamlNode(TextSpan span)
        {
            Span = span;
        }

        public TextSpan Span { get; }

        /// <summary>Describes the node's shape for messages: "a string", "a list", "a mapping".</summary>
        public abstract string ShapeName { get; }
    }

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

        public override string ShapeName => IsNull ? "null" : IsPlain && IsInteger(Value) ? "a number" : "a string";

        public static bool IsInteger(string value)
        {
            if (value.Length == 0)
            {
                return false;
            }

            foreach (char c in value)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }

    internal sealed class YamlSequence : YamlNode
    {
        public YamlSequence(TextSpan span, List<YamlNode> items)
            : base(span)
        {
            Items = items;
        }

        public List<YamlNode> Items { get; }

        public override string ShapeName => "a list";
    }

    internal sealed class YamlMapping : YamlNode
    {
        public YamlMapping(TextSpan span, List<KeyValuePair<YamlNode, YamlNode>> entries)
            : base(span)
        {
            Entries = entries;
        }

        public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; }

        public override string ShapeName => "a mapping";
    }
}
