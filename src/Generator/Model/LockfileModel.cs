using SpecGen.Format;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Model
{
    /// <summary>One node of a lockfile as the coverage check needs it: what a page records of a binary, and where the node's key is written.</summary>
    internal sealed record LockNodeModel(
        string Name,
        string Version,
        string Hash,
        string Platform,
        string Os,
        string Target,
        string? Compiler,
        EquatableArray<VariantSyntax> Variants,
        bool IsExternal,
        LocationInfo Location);

    /// <summary>A lockfile that could be read (a SpackLockfile item): its version and nodes, in written order.</summary>
    internal sealed record LockfileModel(string FilePath, int Version, EquatableArray<LockNodeModel> Nodes);

    /// <summary>A lockfile read: its path, its model (null when it cannot be read) and its diagnostics (SPG0027, SPG0028).</summary>
    internal sealed record LockfileResult(string Path, LockfileModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
