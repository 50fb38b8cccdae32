namespace SpecGen.Format
{
    /// <summary>Bits of <see cref="Section.SpecFlags"/>.</summary>
    internal static class SpecFlags
    {
        /// <summary>The size was written as a plain (unquoted) number.</summary>
        public const int SizeIsNumber = 1;
    }
}
