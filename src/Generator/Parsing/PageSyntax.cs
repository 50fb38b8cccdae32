using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Parsing
{
    /// <summary>The <c>meta</c> mapping of a page, with the nodes later checks point at.</summary>
    internal sealed class MetaSyntax
    {
        public MetaSyntax(YamlScalar key)
        {
            Key = key;
        }

        /// <summary>The <c>meta</c> key.</summary>
        public YamlScalar Key { get; }

        public int? NumSpecs { get; set; }

        public YamlNode? NumSpecsNode { get; set; }

        public YamlMapping? StackCountsNode { get; set; }

        public List<StackCount> StackCounts { get; } = new List<StackCount>();

        /// <summary>The lists (compilers, oss, platforms, stacks, targets, versions): key to (list node, items).</summary>
        public Dictionary<string, KeyValuePair<YamlNode, string[]>> Sets { get; }
            = new Dictionary<string, KeyValuePair<YamlNode, string[]>>(System.StringComparer.Ordinal);
    }

    /// <summary>One entry of <c>meta.num_specs_by_stack</c>.</summary>
    internal readonly struct StackCount
    {
        public StackCount(string stack, YamlScalar keyNode, YamlNode valueNode, int count)
        {
            Stack = stack;
            KeyNode = keyNode;
            ValueNode = valueNode;
            Count = count;
        }

        public string Stack { get; }

        public YamlScalar KeyNode { get; }

        public YamlNode ValueNode { get; }

        public int Count { get; }
    }

    /// <summary>A spec that passed its own checks, with the place of its hash.</summary>
    internal readonly struct SpecRead
    {
        public SpecRead(SpecData data, TextSpan hashSpan, LocationInfo hashLocation)
        {
            Data = data;
            HashSpan = hashSpan;
            HashLocation = hashLocation;
        }

        public SpecData Data { get; }

        public TextSpan HashSpan { get; }

        public LocationInfo HashLocation { get; }
    }

    /// <summary>Keeps the first place each name appears in a page, and how many times it is used.</summary>
    internal sealed class NameRecorder
    {
        private readonly PageReader _page;
        private readonly Dictionary<(NameKind, string), int> _index = new Dictionary<(NameKind, string), int>();
        private readonly List<(NameKind Kind, string Name, TextSpan Span, int Count)> _names = new List<(NameKind, string, TextSpan, int)>();

        public NameRecorder(PageReader page)
        {
            _page = page;
        }

        public void Add(NameKind kind, string name, TextSpan span)
        {
            if (_index.TryGetValue((kind, name), out int at))
            {
                var entry = _names[at];
                _names[at] = (entry.Kind, entry.Name, entry.Span, entry.Count + 1);
            }
            else
            {
                _index.Add((kind, name), _names.Count);
                _names.Add((kind, name, span, 1));
            }
        }

        public EquatableArray<NameOccurrence> ToArray()
        {
            var names = new NameOccurrence[_names.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = new NameOccurrence(_names[i].Kind, _names[i].Name, _page.Location(_names[i].Span), _names[i].Count);
            }

            return new EquatableArray<NameOccurrence>(names);
        }
    }
}
