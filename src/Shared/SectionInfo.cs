namespace SpecGen.Format
{
    /// <summary>Where an array of the table blob is, how many integers it holds and how many digits each takes.</summary>
    internal readonly struct SectionInfo
    {
        public SectionInfo(int offset, int count, int width)
        {
            Offset = offset;
            Count = count;
            Width = width;
        }

        /// <summary>Byte offset of the first integer in the table blob.</summary>
        public int Offset { get; }

        /// <summary>Number of integers (for <see cref="Section.HashSlots"/>, bytes).</summary>
        public int Count { get; }

        /// <summary>Digits per integer.</summary>
        public int Width { get; }
    }
}
