using System.Collections;
using System.Collections.Generic;

namespace SpecGen
{
    /// <summary>Enumerates a contiguous run of catalog entries without allocating.</summary>
    public struct SpecRangeEnumerator : IEnumerator<Spec>
    {
        private readonly SpecCatalog _catalog;
        private readonly int _end;
        private readonly int _start;
        private int _index;

        internal SpecRangeEnumerator(SpecCatalog catalog, int start, int end)
        {
            _catalog = catalog;
            _start = start;
            _end = end;
            _index = start - 1;
        }

        /// <inheritdoc/>
        public Spec Current
        {
            get
            {
                Enumeration.CheckPosition(_index, _start, _end);
                return _catalog.SpecAt(_index);
            }
        }

        object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => _index < _end && ++_index < _end;

        /// <inheritdoc/>
        public void Reset() => _index = _start - 1;

        /// <inheritdoc/>
        public void Dispose()
        {
        }
    }
}
