namespace SpecGen.Format
{
    /// <summary>
    /// The machine a query's reserved names stand for (spack/spack lib/spack/spack/platforms/_platform.py:
    /// <c>default_os</c>, <c>default_target</c>, and the deprecated <c>frontend</c>, <c>fe</c>, <c>backend</c>,
    /// <c>be</c>): its platform, operating system and target, as Spack names them.
    /// </summary>
    internal sealed class QueryHost
    {
        public QueryHost(string platform, string os, string target)
        {
            Platform = platform;
            Os = os;
            Target = target;
        }

        private QueryHost()
        {
            Platform = Os = Target = string.Empty;
            IsUnresolved = true;
        }

        /// <summary>A host that is not known yet (the analyzer, at compile time): reserved names are accepted and kept as written.</summary>
        public static QueryHost Unresolved { get; } = new QueryHost();

        public string Platform { get; }

        public string Os { get; }

        public string Target { get; }

        public bool IsUnresolved { get; }

        /// <summary>Platform.reserved_oss.</summary>
        public static bool IsReservedOs(string value) => value is "default_os" or "frontend" or "fe" or "backend" or "be";

        /// <summary>Platform.reserved_targets.</summary>
        public static bool IsReservedTarget(string value) => value is "default_target" or "frontend" or "fe" or "backend" or "be";
    }
}
