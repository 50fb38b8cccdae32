using System;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// The name index each kind of name must have, one slot per row of <see cref="Dimensions.All"/>; a value
    /// without heap storage, so queries that carry it allocate nothing. <c>default</c> filters nothing.
    /// </summary>
    internal struct DimensionFilter
    {
        /// <summary>Kinds of names a filter can hold.</summary>
        public const int Capacity = 8;

        // Each slot holds the name index + 1, so that 0 (the default) means any name.
        private int _0;
        private int _1;
        private int _2;
        private int _3;
        private int _4;
        private int _5;
        private int _6;
        private int _7;

        /// <summary>The name index a spec must have for <paramref name="dimension"/>, or -1 for any.</summary>
        public int this[Dimension dimension]
        {
            readonly get
            {
                switch (dimension.Index)
                {
                    case 0: return _0 - 1;
                    case 1: return _1 - 1;
                    case 2: return _2 - 1;
                    case 3: return _3 - 1;
                    case 4: return _4 - 1;
                    case 5: return _5 - 1;
                    case 6: return _6 - 1;
                    case 7: return _7 - 1;
                    default: throw new ArgumentOutOfRangeException(nameof(dimension));
                }
            }

            set
            {
                int stored = value + 1;
                switch (dimension.Index)
                {
                    case 0: _0 = stored; break;
                    case 1: _1 = stored; break;
                    case 2: _2 = stored; break;
                    case 3: _3 = stored; break;
                    case 4: _4 = stored; break;
                    case 5: _5 = stored; break;
                    case 6: _6 = stored; break;
                    case 7: _7 = stored; break;
                    default: throw new ArgumentOutOfRangeException(nameof(dimension));
                }
            }
        }
    }
}
