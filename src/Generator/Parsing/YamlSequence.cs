using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Parsing
{
    /// <summary>A list.</summary>
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
}
