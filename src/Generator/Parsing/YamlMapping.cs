using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Parsing
{
    /// <summary>A mapping, its entries in page order (keys may repeat; the reader reports that).</summary>
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
