namespace SpecGen.Generator.Model
{
    /// <summary>A page as it enters the catalog: no locations.</summary>
    internal sealed record PageData(string Package, string Tag, EquatableArray<SpecData> Specs);

    /// <summary>The C# identifier chosen for a name.</summary>
    internal sealed record NamedIdentifier(NameKind Kind, string Name, string Identifier);

    /// <summary>Everything the emitter needs: pages in catalog order (tag, then package) and the identifiers.</summary>
    internal sealed record CatalogData(EquatableArray<PageData> Pages, EquatableArray<NamedIdentifier> Identifiers);

    /// <summary>The catalog and the diagnostics that need more than one page.</summary>
    internal sealed record CatalogResult(CatalogData Data, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>What the emitter needs from the compilation and its MSBuild properties.</summary>
    internal sealed record EmitOptions(string ClassName, string Namespace, bool Utf8Literals, bool NullableContext)
    {
        public const string DefaultClassName = "SpackCache";
    }

    /// <summary>What the page reader needs from MSBuild.</summary>
    internal sealed record ReadOptions(int MaxPageSize);
}
