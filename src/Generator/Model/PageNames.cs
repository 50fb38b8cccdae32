using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>A name a page uses and how many of its specs use it, without where (so moving text leaves it equal).</summary>
    internal sealed record NameCount(Dimension Kind, string Name, int Specs);

    /// <summary>
    /// What the generated API needs from one page: its place in catalog order, its spec count, its names and versions.
    /// Locations are left out, so an edit that changes a page's data but none of its names leaves this equal and the
    /// API is not built again.
    /// </summary>
    internal sealed record PageNames(string FilePath, string Tag, string Package, int SpecCount, EquatableArray<NameCount> Names, EquatableArray<string> Versions)
    {
        public static PageNames From(PageModel page)
        {
            var names = new NameCount[page.Names.Count];
            for (int i = 0; i < names.Length; i++)
            {
                NameOccurrence name = page.Names[i];
                names[i] = SharedValues.Share(new NameCount(name.Kind, name.Name, name.Specs));
            }

            return new PageNames(page.FilePath, page.Tag, page.Package, page.Specs.Count, new EquatableArray<NameCount>(names), page.Versions);
        }
    }

    /// <summary>
    /// Two names of a kind that map to one identifier (SPG0017): <see cref="Name"/> got <see cref="Identifier"/> in
    /// place of <see cref="Wanted"/>, which <see cref="Other"/> has; <see cref="FilePath"/> is the first page (in catalog
    /// order) that uses <see cref="Name"/>, where the diagnostic goes.
    /// </summary>
    internal sealed record ApiCollision(Dimension Kind, string Name, string Other, string Wanted, string Identifier, string FilePath);

    /// <summary>The generated API and the names that collided on the way.</summary>
    internal sealed record ApiResult(ApiModel Api, EquatableArray<ApiCollision> Collisions);
}
