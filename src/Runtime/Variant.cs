using System;
using System.Collections;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>The kind of a variant setting.</summary>
    public enum VariantKind
    {
        /// <summary>A boolean variant: <c>+name</c> (on) or <c>~name</c> (off).</summary>
        Bool,

        /// <summary>A single value: <c>build_system=cmake</c>.</summary>
        Single,

        /// <summary>Several values, or an exact value set: <c>cuda_arch=80,90</c>, <c>patches:=abc1234</c>.</summary>
        Multi,
    }

    /// <summary>One variant setting of a spec, parsed at compile time.</summary>
    public readonly struct Variant : IEquatable<Variant>
    {
        private readonly SpecCatalog? _catalog;
        private readonly int _index;

        internal Variant(SpecCatalog catalog, int index)
        {
            _catalog = catalog;
            _index = index;
        }

        /// <summary>The variant name (<c>shared</c>, <c>build_system</c>, <c>cuda_arch</c>).</summary>
        public string Name => _catalog!.GetString(_catalog.Read(Section.VariantName, _index));

        /// <summary>Bool, single value or multi-valued (a value list, or written with <c>:=</c>).</summary>
        public VariantKind Kind
        {
            get
            {
                switch (Flags & VariantFlags.KindMask)
                {
                    case VariantFlags.BoolTrue:
                    case VariantFlags.BoolFalse:
                        return VariantKind.Bool;
                    case VariantFlags.Single:
                        return VariantKind.Single;
                    default:
                        return VariantKind.Multi;
                }
            }
        }

        /// <summary>For a bool variant, whether it is on (<c>+name</c>); false for other kinds.</summary>
        public bool IsEnabled => (Flags & VariantFlags.KindMask) == VariantFlags.BoolTrue;

        /// <summary>True when written with <c>:=</c> (an exact set of values).</summary>
        public bool IsExact => (Flags & VariantFlags.Exact) != 0;

        /// <summary>The values (without quotes) of a valued variant; empty for a bool variant.</summary>
        public NameList Values
        {
            get
            {
                int start = _catalog!.Read(Section.VariantValueStart, _index);
                int end = _catalog.Read(Section.VariantValueStart, _index + 1);
                return new NameList(_catalog, Section.VariantValueItems, start, end - start, null);
            }
        }

        /// <summary>The setting exactly as the page writes it.</summary>
        public string Text => _catalog!.GetString(_catalog.Read(Section.VariantText, _index));

        private int Flags => _catalog!.Read(Section.VariantFlags, _index);

        /// <inheritdoc/>
        public override string ToString() => _catalog is null ? string.Empty : Text;

        /// <inheritdoc/>
        public bool Equals(Variant other) => ReferenceEquals(_catalog, other._catalog) && _index == other._index;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Variant other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => _index;

        /// <summary>Same setting text in the same catalog.</summary>
        public static bool operator ==(Variant left, Variant right) => left.Equals(right);

        /// <summary>Different setting text or catalog.</summary>
        public static bool operator !=(Variant left, Variant right) => !left.Equals(right);
    }

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
        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<Variant> IEnumerable<Variant>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Enumerates a <see cref="VariantList"/>.</summary>
        public struct Enumerator : IEnumerator<Variant>
        {
            private readonly VariantList _list;
            private int _index;

            internal Enumerator(VariantList list)
            {
                _list = list;
                _index = -1;
            }

            /// <inheritdoc/>
            public Variant Current => _list[_index];

            object IEnumerator.Current => Current;

            /// <inheritdoc/>
            public bool MoveNext() => ++_index < _list.Count;

            /// <inheritdoc/>
            public void Reset() => _index = -1;

            /// <inheritdoc/>
            public void Dispose()
            {
            }
        }
    }
}
