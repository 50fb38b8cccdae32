using System;

namespace SpecGen
{
    /// <summary>Up to <see cref="DimensionFilter.Capacity"/> bitsets held inline, intersected one 64-spec word at a time.</summary>
    internal struct BitsetList
    {
        private ulong[]? _0;
        private ulong[]? _1;
        private ulong[]? _2;
        private ulong[]? _3;
        private ulong[]? _4;
        private ulong[]? _5;
        private ulong[]? _6;
        private ulong[]? _7;
        private int _count;

        public void Add(ulong[] bits)
        {
            switch (_count++)
            {
                case 0: _0 = bits; break;
                case 1: _1 = bits; break;
                case 2: _2 = bits; break;
                case 3: _3 = bits; break;
                case 4: _4 = bits; break;
                case 5: _5 = bits; break;
                case 6: _6 = bits; break;
                case 7: _7 = bits; break;
                default: throw new InvalidOperationException("More filters than a query holds.");
            }
        }

        /// <summary>The bits of word <paramref name="word"/> set in every bitset (all bits when there is none).</summary>
        public readonly ulong And(int word)
        {
            ulong bits = ulong.MaxValue;
            if (_count == 0)
            {
                return bits;
            }

            bits &= _0![word];
            if (_count > 1)
            {
                bits &= _1![word];
                if (_count > 2)
                {
                    bits &= _2![word];
                    if (_count > 3)
                    {
                        bits &= _3![word] & (_4?[word] ?? ulong.MaxValue) & (_5?[word] ?? ulong.MaxValue) & (_6?[word] ?? ulong.MaxValue) & (_7?[word] ?? ulong.MaxValue);
                    }
                }
            }

            return bits;
        }
    }
}
