using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>A key of a mapping and its value.</summary>
    internal readonly struct KeyEntry
    {
        public KeyEntry(YamlScalar key, YamlNode value)
        {
            Key = key;
            Value = value;
        }

        public YamlScalar Key { get; }

        public YamlNode Value { get; }
    }
}
