using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>An immutable array with value equality, for values that flow between pipeline steps.</summary>
    internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
        where T : IEquatable<T>
    {
        private readonly T[]? _items;

        public EquatableArray(T[] items)
        {
            _items = items;
        }

        public static EquatableArray<T> Empty => default;

        public int Count => _items?.Length ?? 0;

        public T this[int index] => _items![index];

        public ReadOnlySpan<T> AsSpan() => _items;

        /// <summary>The underlying array (for identity caches: equal arrays may still be different instances).</summary>
        internal object? Identity => _items;

        [MethodImpl(Jit.Hot)]
        public bool Equals(EquatableArray<T> other)
        {
            // The same array (a cached page's specs, wrapped again by a later step) is equal without a walk.
            return ReferenceEquals(_items, other._items) || AsSpan().SequenceEqual(other.AsSpan());
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        [MethodImpl(Jit.Hot)]
        public override int GetHashCode()
        {
            if (_items is null)
            {
                return 0;
            }

            int hash = 17;
            foreach (T item in _items)
            {
                hash = unchecked((hash * 31) + (item?.GetHashCode() ?? 0));
            }

            return hash;
        }

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    internal static class EquatableArray
    {
        [MethodImpl(Jit.Hot)]
        public static EquatableArray<T> From<T>(IEnumerable<T> items)
            where T : IEquatable<T>
        {
            T[] array = items is T[] a ? a : new List<T>(items).ToArray();
            return array.Length == 0 ? default : new EquatableArray<T>(array);
        }
    }
}
