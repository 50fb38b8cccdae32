using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>A member of the generated API: a name, its C# identifier and its doc summary.</summary>
    internal sealed record ApiName(Dimension Kind, string Name, string Identifier, string Summary);
}
