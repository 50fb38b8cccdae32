namespace SpecGen.Format
{
    /// <summary>The kinds of names in a catalog; <see cref="Dimensions.All"/> says everything else about each.</summary>
    internal enum NameKind
    {
        Package,
        Tag,
        Stack,
        Target,
        OperatingSystem,
        Platform,
    }
}
