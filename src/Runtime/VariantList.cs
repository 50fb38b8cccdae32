using System;
using System.Collections;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>The variant settings of a spec, in page order.</summary>
    public readonly struct VariantList : IReadOnlyList<Variant>
    {
        private readonly SpecCatalog? _catalog;
        private readonly int _start;

        internal VariantList(SpecCatalog catalog, int start, int count)
        {
            _catalog = catalog;
            _start = start;
            Count = count;
        }

        /// <summary>Number of settings.</summary>
        public int Count { get; }

        /// <summary>The setting at <paramref name="index"/>.</summary>
        public Variant this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return new Variant(_catalog!, _catalog!.Read(Section.VariantListItems, _start + index));
            }
        }

        /// <summary>Finds the setting of the variant called <paramref name="name"/>.</summary>
        public bool TryGet(string name, out Variant variant)
        {
            for (int i = 0; i < Count; i++)
            {
                variant = this[i];
                if (string.Equals(variant.Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            variant = default;
            return false;
        }

        /// <summary>Enumerates the settings without allocating.</summary>
        public ListEnumerator<VariantList, Variant> GetEnumerator() => new ListEnumerator<VariantList, Variant>(this);

        IEnumerator<Variant> IEnumerable<Variant>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
