namespace SpecGen.Format
{
    /// <summary>
    /// A kind of name (package, tag, stack, target, OS, platform): the sorted distinct names of the catalog, the
    /// class of constants the generator emits for them, the filter parameter of <c>SpecCatalog.Where</c>, and
    /// where a spec's value is stored. One row of <see cref="Dimensions"/>.
    /// </summary>
    internal sealed class Dimension
    {
        public Dimension(NameKind kind, string className, string noun, string parameter, Section names, Section column, bool perPage, string classSummary, Section? listStart = null, Section? listItems = null)
        {
            Kind = kind;
            ClassName = className;
            Noun = noun;
            Parameter = parameter;
            Names = names;
            Column = column;
            PerPage = perPage;
            ClassSummary = classSummary;
            ListStart = listStart;
            ListItems = listItems;
        }

        public NameKind Kind { get; }

        /// <summary>Position in <see cref="Dimensions.All"/> (the same as <see cref="Kind"/>).</summary>
        public int Index => (int)Kind;

        /// <summary>The nested class of the generated catalog that holds one constant per name (<c>Packages</c>).</summary>
        public string ClassName { get; }

        /// <summary>The kind of name in messages (<c>Operating system</c>).</summary>
        public string Noun { get; }

        /// <summary>The parameter of <c>SpecCatalog.Where</c> that filters by it (<c>os</c>).</summary>
        public string Parameter { get; }

        /// <summary>The section of sorted distinct names (string ids).</summary>
        public Section Names { get; }

        /// <summary>The column that gives each page (<see cref="PerPage"/>) or spec its value index, or its list id.</summary>
        public Section Column { get; }

        /// <summary>True when the value belongs to the page (package, tag), not to each spec.</summary>
        public bool PerPage { get; }

        /// <summary>For a list (stacks): the list offsets; the column then holds a list id.</summary>
        public Section? ListStart { get; }

        /// <summary>For a list: the value indices of every list.</summary>
        public Section? ListItems { get; }

        /// <summary>True when a spec has a list of these names.</summary>
        public bool IsList => ListStart is not null;

        /// <summary>The doc summary of the generated class.</summary>
        public string ClassSummary { get; }
    }
}
