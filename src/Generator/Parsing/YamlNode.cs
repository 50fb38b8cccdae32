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
}
