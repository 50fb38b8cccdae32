namespace SpecGen
{
    /// <summary>
    /// One binary of a <see cref="SpecDiff"/>: added, removed or kept. <see cref="Spec"/> is its entry in the newer
    /// snapshot (in the older one when removed).
    /// </summary>
    public readonly struct SpecChange
    {
        internal SpecChange(SpecChangeKind kind, Spec spec, Spec? previous = null)
        {
            Kind = kind;
            Spec = spec;
            Previous = previous;
        }

        /// <summary>Added, removed or kept.</summary>
        public SpecChangeKind Kind { get; }

        /// <summary>The entry: in the newer snapshot, or in the older one for a removed binary.</summary>
        public Spec Spec { get; }

        /// <summary>For a kept binary, its entry in the older snapshot (whose version a page may give differently); otherwise null.</summary>
        public Spec? Previous { get; }

        /// <summary>The package.</summary>
        public string Package => Spec.Package;

        /// <summary>The binary's hash.</summary>
        public string Hash => Spec.Hash;

        /// <summary>The binary's version.</summary>
        public SpackVersion Version => Spec.Version;

        /// <summary><c>added zlib@1.3.1 /abcdefg (develop-2025-04-20)</c>.</summary>
        public override string ToString() => Kind.ToString().ToLowerInvariant() + " " + Spec.Package + "@" + Spec.Version + " /" + Spec.ShortHash + " (" + Spec.Tag + ")";
    }
}
