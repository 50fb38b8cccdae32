using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>What the data blobs are made from: the pages in catalog order (tag, then package).</summary>
    internal sealed record CatalogData(EquatableArray<PageData> Pages);
}
