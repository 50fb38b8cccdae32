namespace SpecGen
{
    /// <summary>The kind of a variant setting.</summary>
    public enum VariantKind
    {
        /// <summary>A boolean variant: <c>+name</c> (on) or <c>~name</c> (off).</summary>
        Bool,

        /// <summary>A single value: <c>build_system=cmake</c>.</summary>
        Single,

        /// <summary>Several values, or an exact value set: <c>cuda_arch=80,90</c>, <c>patches:=abc1234</c>.</summary>
        Multi,
    }
}
