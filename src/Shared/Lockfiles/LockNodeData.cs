using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>One node of a lockfile's <c>concrete_specs</c> as <see cref="LockfileReader"/> read it (shared by the runtime's LockNode and the generator).</summary>
    internal sealed class LockNodeData
    {
        public LockNodeData(JsonItem keyed)
        {
            Key = keyed.Key!;
            KeyOffset = keyed.KeyOffset;
            KeyEnd = keyed.KeyEnd;
            Line = keyed.KeyLine;
            Column = keyed.KeyColumn;
            Path = keyed.Path;
        }

        /// <summary>The key in <c>concrete_specs</c>, as written.</summary>
        public string Key { get; }

        public string Name { get; set; } = string.Empty;

        public VersionValue Version { get; set; } = VersionValue.Empty;

        /// <summary>The DAG hash to match against cache pages: the key from v4 on, the inner <c>hash</c> in v2 and v3.</summary>
        public string Hash { get; set; } = string.Empty;

        public string Platform { get; set; } = string.Empty;

        public string Os { get; set; } = string.Empty;

        public string Target { get; set; } = string.Empty;

        /// <summary><c>name@version</c> from the <c>compiler</c> attribute (up to v5) or the compiler dependency (v6 on), or null.</summary>
        public string? Compiler { get; set; }

        /// <summary>The variants (and non-empty compiler flags) as Spack writes them in a spec, in the node's order.</summary>
        public IReadOnlyList<VariantSyntax> Variants { get; set; } = new VariantSyntax[0];

        public bool IsExternal { get; set; }

        public bool IsRoot { get; set; }

        /// <summary>Indexes of the dependencies' nodes, in the node's order (a dependency listed twice appears twice).</summary>
        public IReadOnlyList<int> Dependencies { get; set; } = new int[0];

        /// <summary>From v5 on: whether the node's content hashes to its key; null before v5.</summary>
        public bool? HashMatchesContent { get; set; }

        /// <summary>Where the node's key is written: offsets, 1-based line and column.</summary>
        public int KeyOffset { get; }

        public int KeyEnd { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>The node's JSON path, <c>$.concrete_specs.&lt;key&gt;</c>.</summary>
        public string Path { get; }
    }
}
