namespace SpecGen.Format
{
    /// <summary>Bits of <see cref="Section.CompilerFlags"/>.</summary>
    internal static class CompilerFlags
    {
        /// <summary>The spec names no compiler (<c>none</c>).</summary>
        public const int None = 1;
        /// <summary>The version was written with <c>@=</c>.</summary>
        public const int Exact = 2;
    }
}
