using System;
using System.Collections.Generic;
using System.Threading;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Lockfiles
{
    /// <summary>
    /// SPG0026: each node of a lockfile that is not an external and whose hash no page of the catalog lists, at the
    /// node's key, with the nearest cached binary and how it differs (the ranking the runtime's SpecCatalog.Explain
    /// uses, src/Shared NearestSpecs).
    /// </summary>
    internal static class CoverageCheck
    {
        public static EquatableArray<DiagnosticInfo> Check(LockfileModel lockfile, CatalogData catalog, CancellationToken cancellationToken)
        {
            var hashes = new HashSet<string>(StringComparer.Ordinal);
            var byPackage = new Dictionary<string, PackageSpecs>(StringComparer.Ordinal);
            foreach (PageData page in catalog.Pages)
            {
                if (!byPackage.TryGetValue(page.Package, out PackageSpecs? specs))
                {
                    specs = new PackageSpecs();
                    byPackage.Add(page.Package, specs);
                }

                foreach (SpecData spec in page.Specs)
                {
                    hashes.Add(spec.Hash);
                    specs.Add(page, spec);
                }
            }

            var diagnostics = new List<DiagnosticInfo>();
            foreach (LockNodeModel node in lockfile.Nodes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node.IsExternal || hashes.Contains(node.Hash))
                {
                    continue;
                }

                string why;
                if (byPackage.TryGetValue(node.Name, out PackageSpecs? candidates))
                {
                    SpecWant want = SpecWant.ForNode(node.Name, node.Version, node.Compiler, node.Os, node.Platform, node.Target, node.Variants);
                    NearestCandidate nearest = NearestSpecs.Rank(want, candidates)[0];
                    why = NearestSpecs.Describe(nearest, candidates.Hash(nearest.Index), candidates.Tag(nearest.Index), node.Target);
                }
                else
                {
                    why = "no page of " + node.Name + " is in the catalog";
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LockNodeNotCached, node.Location, LockfileStage.Describe(node), why));
            }

            return EquatableArray.From(diagnostics);
        }

        /// <summary>The binaries of one package in catalog order, as the ranking reads them.</summary>
        private sealed class PackageSpecs : ICachedSpecs
        {
            private readonly List<(PageData Page, SpecData Spec)> _specs = new List<(PageData, SpecData)>();
            private readonly Dictionary<string, VariantSyntax> _variants = new Dictionary<string, VariantSyntax>(StringComparer.Ordinal);

            public int Count => _specs.Count;

            public void Add(PageData page, SpecData spec)
            {
                _specs.Add((page, spec));
            }

            public string Tag(int index) => _specs[index].Page.Tag;

            public string Hash(int index) => _specs[index].Spec.Hash;

            public string Version(int index) => _specs[index].Spec[SpecFields.Versions].Text!;

            public string Compiler(int index) => _specs[index].Spec[SpecFields.Compiler].Text!;

            public string Os(int index) => _specs[index].Spec[SpecFields.Os].Text!;

            public string Platform(int index) => _specs[index].Spec[SpecFields.Platform].Text!;

            public string Target(int index) => _specs[index].Spec[SpecFields.Target].Text!;

            public IReadOnlyList<VariantSyntax> Variants(int index)
            {
                EquatableArray<string> texts = _specs[index].Spec[SpecFields.Variants].Items;
                var settings = new VariantSyntax[texts.Count];
                for (int i = 0; i < settings.Length; i++)
                {
                    if (!_variants.TryGetValue(texts[i], out VariantSyntax? setting))
                    {
                        setting = NearestSpecs.Setting(texts[i]);
                        _variants.Add(texts[i], setting);
                    }

                    settings[i] = setting;
                }

                return settings;
            }
        }
    }
}
