namespace SpecGen.Format
{
    /// <summary>The kinds of names of a catalog: the table the generated classes, the filters and the analyzer are made from.</summary>
    internal static class Dimensions
    {
        public static readonly Dimension Package = new Dimension(
            NameKind.Package, "Packages", "Package", "package", Section.Packages, Section.PagePackage, perPage: true,
            "The packages of the catalog: one constant per package name.");

        public static readonly Dimension Tag = new Dimension(
            NameKind.Tag, "Tags", "Snapshot tag", "tag", Section.Tags, Section.PageTag, perPage: true,
            "The snapshot tags of the catalog: one constant per tag.");

        public static readonly Dimension Stack = new Dimension(
            NameKind.Stack, "Stacks", "Stack", "stack", Section.Stacks, Section.SpecStacks, perPage: false,
            "The stacks (pipelines) of the catalog: one constant per stack.", Section.StackListStart, Section.StackListItems);

        public static readonly Dimension Target = new Dimension(
            NameKind.Target, "Targets", "Target", "target", Section.Targets, Section.SpecTarget, perPage: false,
            "The targets (microarchitectures) of the catalog: one constant per target.");

        public static readonly Dimension OperatingSystem = new Dimension(
            NameKind.OperatingSystem, "OperatingSystems", "Operating system", "os", Section.OperatingSystems, Section.SpecOs, perPage: false,
            "The operating systems of the catalog: one constant per OS.");

        public static readonly Dimension Platform = new Dimension(
            NameKind.Platform, "Platforms", "Platform", "platform", Section.Platforms, Section.SpecPlatform, perPage: false,
            "The platforms of the catalog: one constant per platform.");

        /// <summary>Every kind of name, in <see cref="NameKind"/> order (the order of the generated classes).</summary>
        public static readonly Dimension[] All = { Package, Tag, Stack, Target, OperatingSystem, Platform };

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
