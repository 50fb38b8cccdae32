namespace SpecGen.Format
{
    /// <summary>
    /// A key of a spec in <c>spec_details</c>: whether pages must have it, what it holds (which decides how it
    /// is checked, stored and read), where it is stored, its <c>Spec</c> property, the <c>meta</c> set derived
    /// from it, and the kind of name it holds (which makes it a filter). One row of <see cref="SpecFields.All"/>.
    /// </summary>
    internal sealed class SpecField
    {
        public SpecField(int ordinal, string key, FieldKind kind, bool required, string accessor, Section column, string? metaKey = null, Dimension? names = null, Section? secondColumn = null)
        {
            Ordinal = ordinal;
            Key = key;
            Kind = kind;
            Required = required;
            Accessor = accessor;
            Column = column;
            MetaKey = metaKey;
            Names = names;
            SecondColumn = secondColumn;
        }

        /// <summary>Position in <see cref="SpecFields.All"/>.</summary>
        public int Ordinal { get; }

        /// <summary>The key on the page (<c>os</c>).</summary>
        public string Key { get; }

        public FieldKind Kind { get; }

        /// <summary>True when every spec must have the key (SPG0003 otherwise).</summary>
        public bool Required { get; }

        /// <summary>The property of <c>SpecGen.Spec</c> that gives the value (<c>Os</c>).</summary>
        public string Accessor { get; }

        /// <summary>The per-spec column of the table blob.</summary>
        public Section Column { get; }

        /// <summary>A second per-spec column, for kinds stored in two (a URL: the text after the hash).</summary>
        public Section? SecondColumn { get; }

        /// <summary>The <c>meta</c> list that must equal the set of this field's values (<c>oss</c>), or null.</summary>
        public string? MetaKey { get; }

        /// <summary>The kind of name the field holds, for <see cref="FieldKind.Name"/> and <see cref="FieldKind.NameList"/>: such a field is a filter.</summary>
        public Dimension? Names { get; }

        /// <summary>True when <c>SpecCatalog.Where</c> can filter by the field.</summary>
        public bool IsFilterable => Names is not null;
    }
}
