using SpecGen.Format;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// A page that could be read: its data, its compilers and variants already split into their parts, and the
    /// places later checks need, and each spec's <see cref="HashKey"/> for the check across pages. Whether it enters the catalog depends on its diagnostics' effective severity.
    /// </summary>
    internal sealed record PageModel(
        string FilePath,
        string Package,
        string Tag,
        LocationInfo TitleLocation,
        EquatableArray<SpecData> Specs,
        EquatableArray<CompilerSyntax> Compilers,
        EquatableArray<VariantSyntax> Variants,
        EquatableArray<LocationInfo> HashLocations,
        EquatableArray<NameOccurrence> Names,
        EquatableArray<string> Versions,
        EquatableArray<ulong> HashKeys,
        int TextLength = 0);
}
