namespace SpecGen
{
    /// <summary>The names a <see cref="SpecCatalog.Where"/> call gives (null for any), kept as text for a combined catalog whose parts number their names apart.</summary>
    internal readonly struct QueryNames
    {
        public QueryNames(string? package, string? stack, string? target, string? os, string? platform, string? tag)
        {
            Package = package;
            Stack = stack;
            Target = target;
            Os = os;
            Platform = platform;
            Tag = tag;
        }

        public string? Package { get; }

        public string? Stack { get; }

        public string? Target { get; }

        public string? Os { get; }

        public string? Platform { get; }

        public string? Tag { get; }
    }
}
