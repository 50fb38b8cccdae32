using System;
using System.Collections;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
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

        private SpecCatalog Catalog => _catalog ?? throw new InvalidOperationException("This Variant is default: it belongs to no catalog.");

        /// <summary>The variant name (<c>shared</c>, <c>build_system</c>, <c>cuda_arch</c>).</summary>
        public string Name => Catalog.GetString(Catalog.Read(Section.VariantName, _index));

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
                int start = Catalog.Read(Section.VariantValueStart, _index);
                int end = Catalog.Read(Section.VariantValueStart, _index + 1);
                return new NameList(Catalog, Section.VariantValueItems, start, end - start, null);
            }
        }

        /// <summary>The setting exactly as the page writes it.</summary>
        public string Text => Catalog.GetString(Catalog.Read(Section.VariantText, _index));

        private int Flags => Catalog.Read(Section.VariantFlags, _index);

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

}
