using System.Collections;
using System.Collections.Generic;

namespace SpecGen
{
    /// <summary>
    /// Enumerates a list value of SpecGen (<see cref="NameList"/>, <see cref="VariantList"/>, <see cref="HashMatch"/>)
    /// without allocating: the one enumerator they share, following <see cref="Enumeration"/>'s convention.
    /// </summary>
    /// <typeparam name="TList">The list, a struct (read through its indexer without boxing).</typeparam>
    /// <typeparam name="T">The item type.</typeparam>
    public struct ListEnumerator<TList, T> : IEnumerator<T>
        where TList : struct, IReadOnlyList<T>
    {
        private readonly TList _list;
        private int _index;

        internal ListEnumerator(TList list)
        {
            _list = list;
            _index = -1;
        }

        /// <inheritdoc/>
        public T Current
        {
            get
            {
                Enumeration.CheckPosition(_index, 0, _list.Count);
                return _list[_index];
            }
        }

        object? IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => _index < _list.Count && ++_index < _list.Count;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public void Dispose()
        {
        }
    }
}
