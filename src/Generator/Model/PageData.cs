using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>A page as it enters the catalog: no locations.</summary>
    internal sealed record PageData(string Package, string Tag, EquatableArray<SpecData> Specs, EquatableArray<CompilerSyntax> Compilers, EquatableArray<VariantSyntax> Variants);
}
