namespace SpecGen.Generator.Model
{
    /// <summary>A page as it enters the catalog: no locations.</summary>
    internal sealed record PageData(string Package, string Tag, EquatableArray<SpecData> Specs);

    /// <summary>A member of the generated API: a name, its C# identifier and its doc summary.</summary>
    internal sealed record ApiName(NameKind Kind, string Name, string Identifier, string Summary);

    /// <summary>What the generated API (the constants and their docs) is made from; unchanged by edits that only change data.</summary>
    internal sealed record ApiModel(int SpecCount, int PageCount, int PackageCount, int TagCount, EquatableArray<ApiName> Names);

    /// <summary>What the data blobs are made from: the pages in catalog order (tag, then package).</summary>
    internal sealed record CatalogData(EquatableArray<PageData> Pages);

    /// <summary>The catalog, its API, and the diagnostics that need more than one page.</summary>
    internal sealed record CatalogResult(CatalogData Data, ApiModel Api, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>What the emitter needs from the compilation and its MSBuild properties.</summary>
    internal sealed record EmitOptions(string ClassName, string Namespace, bool Utf8Literals, bool NullableContext)
    {
        public const string DefaultClassName = "SpackCache";
    }

    /// <summary>What the page reader needs from MSBuild.</summary>
    internal sealed record ReadOptions(int MaxPageSize);
}
