using System;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// The names a <see cref="SpecCatalog.Where"/> call gives, one slot per row of <see cref="Dimensions.All"/> (null
    /// for any): kept as text, so a combined catalog resolves them in each part, whose names are numbered apart. Every
    /// filter goes through this table, so a kind of name added to the schema is filtered everywhere or nowhere.
    /// </summary>
    internal struct QueryNames
    {
        /// <summary>Kinds of names the table holds.</summary>
        public const int Capacity = DimensionFilter.Capacity;

        private string? _0;
        private string? _1;
        private string? _2;
        private string? _3;
        private string? _4;
        private string? _5;
        private string? _6;
        private string? _7;

        /// <summary>The name a spec must have for <paramref name="dimension"/>, or null for any.</summary>
        public string? this[Dimension dimension]
        {
            readonly get
            {
                switch (dimension.Index)
                {
                    case 0: return _0;
                    case 1: return _1;
                    case 2: return _2;
                    case 3: return _3;
                    case 4: return _4;
                    case 5: return _5;
                    case 6: return _6;
                    case 7: return _7;
                    default: throw new ArgumentOutOfRangeException(nameof(dimension));
                }
            }

            set
            {
                switch (dimension.Index)
                {
                    case 0: _0 = value; break;
                    case 1: _1 = value; break;
                    case 2: _2 = value; break;
                    case 3: _3 = value; break;
                    case 4: _4 = value; break;
                    case 5: _5 = value; break;
                    case 6: _6 = value; break;
                    case 7: _7 = value; break;
                    default: throw new ArgumentOutOfRangeException(nameof(dimension));
                }
            }
        }
    }
}
