namespace SpecGen.Format
{
    /// <summary>
    /// A variant setting of a query node as written: <c>+name</c> and <c>~name</c> (a bool), <c>name=value</c> (values to
    /// hold), <c>name:=value</c> (the exact values). The value is unquoted and split at commas, as Spack splits it.
    /// </summary>
    internal sealed class QueryVariantSyntax
    {
        public QueryVariantSyntax(string name, string? value, bool? boolValue, bool concrete, int start)
        {
            Name = name;
            Value = value;
            Bool = boolValue;
            Concrete = concrete;
            Start = start;
        }

        public string Name { get; }

        /// <summary>The value after '=' with its quotes removed; null for <c>+name</c> and <c>~name</c>.</summary>
        public string? Value { get; }

        /// <summary>For <c>+name</c>/<c>~name</c>: on or off; null for a key-value setting.</summary>
        public bool? Bool { get; }

        /// <summary>Written with <c>:=</c> (or a bool sigil, which Spack also reads as exact).</summary>
        public bool Concrete { get; }

        public int Start { get; }
    }
}
