using System;

namespace SpecGen.Format
{
    /// <summary>
    /// A key of a spec in <c>spec_details</c>: whether pages must have it, its kind (which reads, checks, stores
    /// and decodes it), its <c>Spec</c> property, the <c>meta</c> set derived from it, and the kind of name it
    /// holds (which makes it a filter). One row of <see cref="SpecFields.All"/>; its columns and flag bits come from
    /// <see cref="TableLayout"/>.
    /// </summary>
    internal sealed class SpecField
    {
        public SpecField(string key, FieldType type, bool required, string accessor, string? metaKey = null, Dimension? names = null)
        {
            Key = key ?? throw new ArgumentNullException(nameof(key));
            Type = type ?? throw new ArgumentNullException(nameof(type));
            Required = required;
            Accessor = accessor;
            MetaKey = metaKey;
            Names = names;
            if (type.HoldsNames != (names is not null))
            {
                throw new ArgumentException("The field '" + key + "' is " + type.Description + (type.HoldsNames ? ", which needs" : ", which takes no") + " kind of name (names:).");
            }
        }

        /// <summary>Position in <see cref="SpecFields.All"/>.</summary>
        public int Ordinal { get; internal set; } = -1;

        /// <summary>The key on the page (<c>os</c>).</summary>
        public string Key { get; }

        /// <summary>The kind: reads, checks, stores and decodes the value.</summary>
        public FieldType Type { get; }

        public FieldKind Kind => Type.Kind;

        /// <summary>True when every spec must have the key (SPG0003 otherwise); an optional key may be missing or null.</summary>
        public bool Required { get; }

        /// <summary>The property of <c>SpecGen.Spec</c> that gives the value (<c>Os</c>).</summary>
        public string Accessor { get; }

        /// <summary>The <c>meta</c> list that must equal the set of this field's values (<c>oss</c>), or null.</summary>
        public string? MetaKey { get; }

        /// <summary>The kind of name the field holds, for kinds that hold names: such a field is a filter.</summary>
        public Dimension? Names { get; }

        /// <summary>True for the spec's key, the hash that lookups find it by.</summary>
        public bool IsKey => ReferenceEquals(this, SpecFields.Hash);

        /// <summary>The section of the field's column <paramref name="index"/> (of <see cref="FieldType.Columns"/>).</summary>
        public Section Column(int index = 0) => TableLayout.ColumnOf(this, index);

        /// <summary>Where the field's flag bits start in <see cref="Section.SpecFlags"/>.</summary>
        public int FlagShift => TableLayout.FlagShiftOf(this);

        public override string ToString() => Key;
    }
}
