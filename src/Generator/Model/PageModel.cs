namespace SpecGen.Generator.Model
{
    /// <summary>One spec of a page, as the page writes it (no locations, so moving text re-emits nothing).</summary>
    internal sealed record SpecData(
        string Hash,
        string Version,
        string Compiler,
        string Os,
        string Platform,
        string Target,
        EquatableArray<string> Stacks,
        EquatableArray<string> Variants,
        string Size,
        bool SizeIsNumber,
        string? Tarball);

    /// <summary>The kinds of names that become members of the generated catalog.</summary>
    internal enum NameKind
    {
        Package,
        Tag,
        Stack,
        Target,
        OperatingSystem,
        Platform,
    }

    /// <summary>A name used in a page: where it first appears (for diagnostics) and how many specs use it.</summary>
    internal sealed record NameOccurrence(NameKind Kind, string Name, LocationInfo Location, int Specs);

    /// <summary>A page that passed every check of its own: its data plus the places later checks need.</summary>
    internal sealed record PageModel(
        string FilePath,
        string Package,
        string Tag,
        LocationInfo TitleLocation,
        EquatableArray<SpecData> Specs,
        EquatableArray<LocationInfo> HashLocations,
        EquatableArray<NameOccurrence> Names,
        EquatableArray<string> Versions);

    /// <summary>The result of reading one page: the page, or null when it has errors, and its diagnostics.</summary>
    internal sealed record PageResult(PageModel? Page, EquatableArray<DiagnosticInfo> Diagnostics);
}
