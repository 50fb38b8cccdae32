using System;
using System.Collections.Generic;
using System.Text;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// One node of a <see cref="SpackLockfile"/>: a concrete spec of the environment, with what cache pages record
    /// of a binary (package, version, compiler, architecture, variants) and the DAG hash they list.
    /// </summary>
    public sealed class LockNode
    {
        private readonly string[] _variants;

        internal LockNode(LockNodeData data)
        {
            Name = data.Name;
            Version = SpackVersion.From(data.Version);
            Hash = data.Hash;
            Key = data.Key;
            Platform = data.Platform;
            Os = data.Os;
            Target = data.Target;
            Compiler = data.Compiler;
            VariantSettings = data.Variants;
            _variants = new string[data.Variants.Count];
            for (int i = 0; i < _variants.Length; i++)
            {
                _variants[i] = data.Variants[i].Text;
            }

            IsExternal = data.IsExternal;
            IsRoot = data.IsRoot;
            HashMatchesContent = data.HashMatchesContent;
            Line = data.Line;
            Column = data.Column;
            Path = data.Path;
            Dependencies = Array.Empty<LockNode>();
        }

        /// <summary>The package name.</summary>
        public string Name { get; }

        /// <summary>The version, ordered by Spack's rules.</summary>
        public SpackVersion Version { get; }

        /// <summary>
        /// The DAG hash, which cache pages list and <see cref="SpecCatalog.Coverage"/> matches: the key from lockfile
        /// version 4 on, the node's inner <c>hash</c> in versions 2 and 3 (whose keys are build hashes).
        /// </summary>
        public string Hash { get; }

        /// <summary>The node's key in <c>concrete_specs</c>, as written.</summary>
        public string Key { get; }

        /// <summary>The platform (<c>arch.platform</c>), e.g. <c>linux</c>.</summary>
        public string Platform { get; }

        /// <summary>The operating system (<c>arch.platform_os</c>), e.g. <c>ubuntu22.04</c>.</summary>
        public string Os { get; }

        /// <summary>The target's name (<c>arch.target</c>, a name or an object with <c>name</c>), e.g. <c>zen3</c>.</summary>
        public string Target { get; }

        /// <summary>
        /// The compiler as <c>name@version</c>: the <c>compiler</c> attribute up to lockfile version 5; from version 6 on,
        /// the dependency whose edge provides <c>c</c> (else <c>cxx</c>, else <c>fortran</c>). Null when the node has none
        /// (a package that compiles nothing, or an external).
        /// </summary>
        public string? Compiler { get; }

        /// <summary>
        /// The variant settings as Spack writes them in a spec, in the node's order: <c>+shared</c>, <c>~ipo</c>,
        /// <c>build_system=cmake</c>, a list as <c>cuda_arch:=80,90</c> (patches by their first 7 characters), and
        /// non-empty compiler flags as <c>cflags='-O2 -g'</c>; empty lists are left out. The same texts cache pages
        /// write for a binary's variants.
        /// </summary>
        public IReadOnlyList<string> Variants => _variants;

        /// <summary>True for an external (<c>external</c> set): never expected in a build cache.</summary>
        public bool IsExternal { get; }

        /// <summary>True when the environment's <c>roots</c> name this node.</summary>
        public bool IsRoot { get; }

        /// <summary>The nodes this one depends on, in its order.</summary>
        public IReadOnlyList<LockNode> Dependencies { get; internal set; }

        /// <summary>
        /// From lockfile version 5 on: whether the node's content (compact JSON without <c>hash</c>, SHA-1, base32)
        /// reproduces its key; false for a node edited by hand, and for nodes Spack reused from an older install or
        /// cache, whose hash it never recomputes. Null before version 5, whose hashes came from another serialisation.
        /// </summary>
        public bool? HashMatchesContent { get; }

        /// <summary>The 1-based line of the node's key in the file.</summary>
        public int Line { get; }

        /// <summary>The 1-based column of the node's key in the file.</summary>
        public int Column { get; }

        /// <summary>The node's JSON path, <c>$.concrete_specs.&lt;key&gt;</c>.</summary>
        public string Path { get; }

        internal IReadOnlyList<VariantSyntax> VariantSettings { get; }

        /// <summary>The node in Spack syntax: <c>zlib@1.3.1 +shared arch=linux-ubuntu22.04-x86_64_v3 /abcdefg %gcc@13.2.0</c>.</summary>
        public override string ToString()
        {
            var builder = new StringBuilder(96);
            builder.Append(Name).Append('@').Append(Version);
            foreach (string variant in _variants)
            {
                builder.Append(' ').Append(variant);
            }

            QueryText.AppendArch(builder, Platform, Os, Target);
            builder.Append(" /").Append(Hash, 0, Math.Min(Spec.ShortHashLength, Hash.Length));
            if (Compiler is not null)
            {
                builder.Append(" %").Append(Compiler);
            }

            return builder.ToString();
        }
    }
}
