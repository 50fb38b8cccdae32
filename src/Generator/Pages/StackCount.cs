using System.Runtime.CompilerServices;
using SpecGen.Format;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>One entry of <c>meta.num_specs_by_stack</c>.</summary>
    internal readonly struct StackCount
    {
        [MethodImpl(Jit.Hot)]
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
}
