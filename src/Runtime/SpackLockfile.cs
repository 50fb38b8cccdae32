using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A Spack environment lockfile (<c>spack.lock</c>), lockfile versions 2 to 8 (Spack 0.13 to 1.3): its nodes, each
    /// with the DAG hash that cache pages list, and its roots. Read with SpecGen's own JSON reader (no dependency,
    /// AOT- and trim-clean). A node's <see cref="LockNode.Hash"/> is its key from version 4 on and its inner
    /// <c>hash</c> in versions 2 and 3, whose keys are build hashes. See <see cref="SpecCatalog.Coverage"/> for what
    /// of it a catalog holds.
    /// </summary>
    public sealed class SpackLockfile
    {
        private SpackLockfile(LockfileData data)
        {
            Version = data.Version;
            WrittenBy = data.SpackVersion;
            var nodes = new LockNode[data.Nodes.Count];
            for (int i = 0; i < nodes.Length; i++)
            {
                nodes[i] = new LockNode(data.Nodes[i]);
            }

            for (int i = 0; i < nodes.Length; i++)
            {
                IReadOnlyList<int> dependencies = data.Nodes[i].Dependencies;
                var resolved = new LockNode[dependencies.Count];
                for (int d = 0; d < resolved.Length; d++)
                {
                    resolved[d] = nodes[dependencies[d]];
                }

                nodes[i].Dependencies = resolved;
            }

            var roots = new LockNode[data.Roots.Count];
            for (int i = 0; i < roots.Length; i++)
            {
                roots[i] = nodes[data.Roots[i]];
            }

            Nodes = nodes;
            Roots = roots;
        }

        /// <summary>The lockfile version (<c>_meta.lockfile-version</c>), 2 to 8.</summary>
        public int Version { get; }

        /// <summary>The Spack version that wrote the file (<c>spack.version</c>, from Spack 0.20 on), or null.</summary>
        public string? WrittenBy { get; }

        /// <summary>Every node of <c>concrete_specs</c> in written order, then those of included environments (<c>include_concrete</c>).</summary>
        public IReadOnlyList<LockNode> Nodes { get; }

        /// <summary>The nodes the environment's <c>roots</c> name, in their order.</summary>
        public IReadOnlyList<LockNode> Roots { get; }

        /// <summary>
        /// Reads a lockfile's text. Throws <see cref="FormatException"/> for text that is not strict JSON, is not a
        /// lockfile (a <c>spack.yaml</c>, an empty file), has a version SpecGen does not read (1, or above 8) or a
        /// malformed node; the message names the problem, its JSON path, its line and column, and the lockfile version
        /// once known.
        /// </summary>
        public static SpackLockfile Parse(string json)
        {
            if (json is null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            try
            {
                return new SpackLockfile(LockfileReader.Read(json));
            }
            catch (JsonFormatException ex)
            {
                throw new FormatException(ex.Message);
            }
        }

        /// <summary>
        /// Reads a lockfile from a file (UTF-8). Throws <see cref="FormatException"/> as <see cref="Parse"/> does, its
        /// message starting with the path, and for a file that is not UTF-8; file system errors are thrown as they are.
        /// </summary>
        public static SpackLockfile Load(string path)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            if (Directory.Exists(path))
            {
                // File.ReadAllBytes says "Access to the path is denied" for a folder, which sends a user the wrong way.
                throw new IOException(path + " is a folder, not a lockfile (give the spack.lock inside it)");
            }

            byte[] bytes = File.ReadAllBytes(path);
            string text;
            try
            {
                text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException ex)
            {
                throw new FormatException(path + ": not UTF-8 text (" + ex.Message + "); a Spack lockfile is JSON in UTF-8");
            }

            try
            {
                return new SpackLockfile(LockfileReader.Read(text));
            }
            catch (JsonFormatException ex)
            {
                throw new FormatException(path + ": " + ex.Message);
            }
        }

        /// <summary><c>spack.lock v5: 66 nodes, 10 roots</c>.</summary>
        public override string ToString() => "spack.lock v" + Version + ": " + Nodes.Count + " nodes, " + Roots.Count + " roots";
    }
}
