namespace SpecGen.Format
{
    /// <summary>
    /// A kind of name (package, tag, stack, target, OS, platform): the sorted distinct names of the catalog, the
    /// class of constants the generator emits for them, the filter parameter of <c>SpecCatalog.Where</c>, and
    /// where a spec's value is stored. One row of <see cref="Dimensions"/>; its sections come from
    /// <see cref="TableLayout"/>.
    /// </summary>
    internal sealed class Dimension
    {
        public Dimension(string className, string noun, string parameter, bool perPage, string classSummary, bool isList = false)
        {
            ClassName = className;
            Noun = noun;
            Parameter = parameter;
            PerPage = perPage;
            ClassSummary = classSummary;
            IsList = isList;
        }

        /// <summary>Position in <see cref="Dimensions.All"/> (the order of the generated classes).</summary>
        public int Index { get; internal set; } = -1;

        /// <summary>The nested class of the generated catalog that holds one constant per name (<c>Packages</c>).</summary>
        public string ClassName { get; }

        /// <summary>The kind of name in messages (<c>Operating system</c>).</summary>
        public string Noun { get; }

        /// <summary>The parameter of <c>SpecCatalog.Where</c> that filters by it (<c>os</c>).</summary>
        public string Parameter { get; }

        /// <summary>True when the value belongs to the page (package, tag), not to each spec.</summary>
        public bool PerPage { get; }

        /// <summary>True when a spec has a list of these names (stacks).</summary>
        public bool IsList { get; }

        /// <summary>The doc summary of the generated class.</summary>
        public string ClassSummary { get; }

        /// <summary>The field whose values are these names, or null for a per-page kind.</summary>
        public SpecField? Field => TableLayout.FieldOf(this);

        /// <summary>The section of sorted distinct names (string ids).</summary>
        public Section Names => TableLayout.NamesOf(this);

        /// <summary>The column that gives each page (<see cref="PerPage"/>) or spec its value (stored + 1), or its list id.</summary>
        public Section Column => TableLayout.ColumnOf(this);

        /// <summary>For a list: the list offsets (-1 for a kind that is not a list).</summary>
        public Section ListStart => TableLayout.ListStartOf(this);

        /// <summary>For a list: the value indices of every list (-1 for a kind that is not a list).</summary>
        public Section ListItems => TableLayout.ListItemsOf(this);

        public override string ToString() => Parameter;
    }
}
