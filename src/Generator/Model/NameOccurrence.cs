using SpecGen.Format;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Model
{
    /// <summary>A name used in a page: where it first appears (for diagnostics) and how many specs use it.</summary>
    internal sealed record NameOccurrence(Dimension Kind, string Name, LocationInfo Location, int Specs);
}
