namespace SpecGen.Format
{
    /// <summary>The kinds of names of a catalog: the table the generated classes, the filters and the analyzer are made from.</summary>
    internal static class Dimensions
    {
        public static readonly Dimension Package = new Dimension(
            "Packages", "Package", "package", perPage: true,
            "The packages of the catalog: one constant per package name.");

        public static readonly Dimension Tag = new Dimension(
            "Tags", "Snapshot tag", "tag", perPage: true,
            "The snapshot tags of the catalog: one constant per tag.");

        public static readonly Dimension Stack = new Dimension(
            "Stacks", "Stack", "stack", perPage: false,
            "The stacks (pipelines) of the catalog: one constant per stack.", isList: true);

        public static readonly Dimension Target = new Dimension(
            "Targets", "Target", "target", perPage: false,
            "The targets (microarchitectures) of the catalog: one constant per target.");

        public static readonly Dimension OperatingSystem = new Dimension(
            "OperatingSystems", "Operating system", "os", perPage: false,
            "The operating systems of the catalog: one constant per OS.");

        public static readonly Dimension Platform = new Dimension(
            "Platforms", "Platform", "platform", perPage: false,
            "The platforms of the catalog: one constant per platform.");

        /// <summary>Every kind of name, in the order of the generated classes; each at its <see cref="Dimension.Index"/>.</summary>
        public static readonly Dimension[] All = { Package, Tag, Stack, Target, OperatingSystem, Platform };

        static Dimensions()
        {
            for (int i = 0; i < All.Length; i++)
            {
                All[i].Index = i;
            }
        }

        /// <summary>The kind of name whose <c>Where</c> parameter is <paramref name="parameter"/>, or null.</summary>
        public static Dimension? ByParameter(string? parameter)
        {
            foreach (Dimension dimension in All)
            {
                if (dimension.Parameter == parameter)
                {
                    return dimension;
                }
            }

            return null;
        }
    }
}
