using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Lockfiles
{
    /// <summary>
    /// Reads a lockfile (a <c>SpackLockfile</c> item) with the reader the runtime uses (src/Shared), into a model
    /// without text or compiler objects: SPG0027 where reading failed, SPG0028 at each v5+ node whose content does
    /// not hash to its key.
    /// </summary>
    internal static class LockfileStage
    {
        public static LockfileResult Read(string path, SourceText text, CancellationToken cancellationToken)
        {
            try
            {
                return ReadText(path, text, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var failure = DiagnosticInfo.Create(
                    DiagnosticDescriptors.InternalError,
                    LocationInfo.AtStart(path),
                    "this lockfile: " + ex.GetType().Name + ": " + ex.Message);
                return Failed(path, failure);
            }
        }

        /// <summary>
        /// SPG0027 at each lockfile the list names that the build did not hand over: SpecGen.targets leaves a
        /// <c>SpackLockfile</c> item whose file does not exist out of the compiler's additional files (which would
        /// report it again, as CS2001), so the list is the only place it is still named.
        /// </summary>
        public static EquatableArray<DiagnosticInfo> Absent(EquatableArray<string> listed, IEnumerable<string> handedOver)
        {
            if (listed.Count == 0)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (string path in handedOver)
            {
                present.Add(InputList.Normalize(path));
            }

            var diagnostics = new List<DiagnosticInfo>();
            foreach (string path in listed)
            {
                if (!present.Contains(path))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.LockfileUnreadable,
                        LocationInfo.AtStart(path),
                        "the file does not exist"));
                }
            }

            return EquatableArray.From(diagnostics);
        }

        /// <summary>SPG0027 at the start of a lockfile that could not be read from disk.</summary>
        public static LockfileResult Unreadable(string path, string? why)
        {
            var diagnostic = DiagnosticInfo.Create(
                DiagnosticDescriptors.LockfileUnreadable,
                LocationInfo.AtStart(path),
                "the file could not be read" + (why is null ? string.Empty : ": " + why));
            return Failed(path, diagnostic);
        }

        /// <summary>A lockfile not read, with the one diagnostic that says why.</summary>
        private static LockfileResult Failed(string path, DiagnosticInfo diagnostic) => new LockfileResult(path, null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));

        private static LockfileResult ReadText(string path, SourceText text, CancellationToken cancellationToken)
        {
            string json = text.ToString();
            LockfileData data;
            try
            {
                data = LockfileReader.Read(json);
            }
            catch (JsonFormatException ex)
            {
                int start = Math.Min(Math.Max(0, ex.Offset), text.Length);
                int length = Math.Min(Math.Max(0, ex.Length), text.Length - start);
                var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.LockfileUnreadable, LocationInfo.Create(path, text, new TextSpan(start, length)), ex.Message);
                return Failed(path, diagnostic);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var nodes = new LockNodeModel[data.Nodes.Count];
            var diagnostics = new List<DiagnosticInfo>();
            for (int i = 0; i < nodes.Length; i++)
            {
                LockNodeData node = data.Nodes[i];
                LocationInfo location = LocationInfo.Create(path, text, TextSpan.FromBounds(node.KeyOffset, node.KeyEnd));
                nodes[i] = new LockNodeModel(
                    node.Name,
                    node.Version.Text,
                    node.Hash,
                    node.Platform,
                    node.Os,
                    node.Target,
                    node.Compiler,
                    EquatableArray.From(node.Variants),
                    node.IsExternal,
                    location);
                if (node.HashMatchesContent == false)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LockNodeEdited, location, Describe(nodes[i]), node.Key));
                }
            }

            return new LockfileResult(path, new LockfileModel(path, data.Version, new EquatableArray<LockNodeModel>(nodes)), EquatableArray.From(diagnostics));
        }

        /// <summary><c>zlib@1.3.1 /abcdefg</c>: how a diagnostic names a node.</summary>
        public static string Describe(LockNodeModel node)
        {
            return node.Name + "@" + node.Version + " /" + node.Hash.Substring(0, Math.Min(7, node.Hash.Length));
        }
    }
}
