namespace SpecGen.Format
{
    /// <summary>Bits of <see cref="Section.VariantFlags"/>: the low two bits are the kind.</summary>
    internal static class VariantFlags
    {
        public const int KindMask = 3;
        public const int BoolTrue = 0;
        public const int BoolFalse = 1;
        public const int Single = 2;
        public const int Multi = 3;
        /// <summary>Written with <c>:=</c> (an exact value set).</summary>
        public const int Exact = 4;
        /// <summary>The value was quoted.</summary>
        public const int Quoted = 8;
    }
}
