using System.Collections.Generic;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>The <c>meta</c> mapping of a page as read, with the nodes the checks against the specs point at.</summary>
    internal sealed class MetaSection
    {
        public int? NumSpecs { get; set; }

        public YamlNode? NumSpecsNode { get; set; }

        public YamlMapping? StackCountsNode { get; set; }

        public List<StackCount> StackCounts { get; } = new List<StackCount>();

        /// <summary>The lists (compilers, oss, platforms, stacks, targets, versions): key to (list node, items).</summary>
        public Dictionary<string, KeyValuePair<YamlNode, string[]>> Sets { get; }
            = new Dictionary<string, KeyValuePair<YamlNode, string[]>>(System.StringComparer.Ordinal);
    }
}
