using System;
using System.Collections;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>A read-only list of names (stacks of a spec, packages of a catalog, ...) that allocates nothing to walk.</summary>
    public readonly struct NameList : IReadOnlyList<string>
    {
        private readonly SpecCatalog? _catalog;
        private readonly Section _items;
        private readonly int _start;
        private readonly Section? _names;
        private readonly string[]? _array;

        /// <summary>The items <c>[start, start + count)</c> of a section: string ids, or with <paramref name="names"/> indices of those names.</summary>
        internal NameList(SpecCatalog catalog, Section items, int start, int count, Section? names)
        {
            _catalog = catalog;
            _items = items;
            _start = start;
            Count = count;
            _names = names;
            _array = null;
        }

        /// <summary>Names held in an array (those of a combined catalog).</summary>
        internal NameList(string[] names)
        {
            _catalog = null;
            _items = default;
            _start = 0;
            Count = names.Length;
            _names = null;
            _array = names;
        }

        /// <summary>Number of names.</summary>
        public int Count { get; }

        /// <summary>The name at <paramref name="index"/>.</summary>
        public string this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                if (_array is not null)
                {
                    return _array[index];
                }

                int value = _catalog!.Read(_items, _start + index);
                return _catalog.GetString(_names is Section names ? _catalog.Read(names, value) : value);
            }
        }

        /// <summary>True when the list holds <paramref name="name"/> (ordinal comparison).</summary>
        public bool Contains(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (string.Equals(this[i], name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Enumerates the names without allocating.</summary>
        public ListEnumerator<NameList, string> GetEnumerator() => new ListEnumerator<NameList, string>(this);

        IEnumerator<string> IEnumerable<string>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>The names joined with ", ".</summary>
        public override string ToString() => string.Join(", ", this);
    }
}
