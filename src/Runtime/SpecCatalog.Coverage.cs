using System;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    public sealed partial class SpecCatalog
    {
        /// <summary>
        /// What this catalog holds of a lockfile: for each node, <see cref="CoverageStatus.Cached"/> (with every entry
        /// of its hash: tags, stacks), <see cref="CoverageStatus.Missing"/> (it builds from source; see
        /// <see cref="Explain(LockNode)"/> for why), or <see cref="CoverageStatus.External"/>; and totals.
        /// </summary>
        public CoverageReport Coverage(SpackLockfile lockfile)
        {
            if (lockfile is null)
            {
                throw new ArgumentNullException(nameof(lockfile));
            }

            var nodes = new NodeCoverage[lockfile.Nodes.Count];
            for (int i = 0; i < nodes.Length; i++)
            {
                LockNode node = lockfile.Nodes[i];
                if (node.IsExternal)
                {
                    nodes[i] = new NodeCoverage(node, CoverageStatus.External, Array.Empty<Spec>());
                    continue;
                }

                IReadOnlyList<Spec> entries = EntriesOf(node.Hash);
                nodes[i] = new NodeCoverage(node, entries.Count > 0 ? CoverageStatus.Cached : CoverageStatus.Missing, entries);
            }

            return new CoverageReport(lockfile, nodes);
        }

        /// <summary>
        /// The cached binaries of the node's package, nearest first, each with the fields in which it differs from the
        /// node (version, each variant, compiler, os, platform, target); a binary whose target runs on the node's is
        /// noted, not counted. A binary with the node's own hash is a match.
        /// </summary>
        public SpecExplanation Explain(LockNode node)
        {
            if (node is null)
            {
                throw new ArgumentNullException(nameof(node));
            }

            SpecWant want = SpecWant.ForNode(node.Name, node.Version.ToString(), node.Compiler, node.Os, node.Platform, node.Target, node.VariantSettings);
            return Explain(want);
        }

        /// <summary>
        /// The cached binaries of the pattern's package, nearest first, each with the fields in which it does not satisfy
        /// the pattern (the parts it gives: versions, variants and flags, compilers, os, platform, target); a binary whose
        /// target runs on the pattern's exact target is noted, not counted. The pattern must name a package; a hash
        /// prefix in it is not compared. A language (<c>%c</c>, <c>%cxx</c>, <c>%fortran</c>) throws
        /// <see cref="FormatException"/> as <see cref="Query(SpecPattern)"/> does when a binary of the package has a
        /// compiler written in Spack 1.x form.
        /// </summary>
        public SpecExplanation Explain(SpecPattern pattern)
        {
            if (pattern is null)
            {
                throw new ArgumentNullException(nameof(pattern));
            }

            if (pattern.Name is null)
            {
                throw new ArgumentException("The pattern '" + pattern.Text + "' names no package: an explanation compares the binaries of one package.", nameof(pattern));
            }

            return Explain(new PatternWant(pattern));
        }

        private SpecExplanation Explain(SpecWant want)
        {
            var candidates = new CatalogCandidates(this, want.Package);
            List<NearestCandidate> ranked = NearestSpecs.Rank(want, candidates);
            var nearest = new NearestSpec[ranked.Count];
            for (int i = 0; i < nearest.Length; i++)
            {
                var entries = new Spec[ranked[i].Entries.Count];
                for (int e = 0; e < entries.Length; e++)
                {
                    entries[e] = candidates[ranked[i].Entries[e]];
                }

                nearest[i] = new NearestSpec(entries, ranked[i], want.RunsOnTarget ?? want.Target);
            }

            return new SpecExplanation(want.Package, nearest);
        }

        /// <summary>Every entry of exactly this hash, in catalog order (none for a text that is not a whole hash).</summary>
        private IReadOnlyList<Spec> EntriesOf(string hash)
        {
            if (ValueGrammar.CheckHash(hash) is not null)
            {
                return Array.Empty<Spec>();
            }

            HashMatch match = FindByHash(hash);
            if (!match.IsFound || !string.Equals(match.Hash, hash, StringComparison.Ordinal))
            {
                return Array.Empty<Spec>();
            }

            var entries = new Spec[match.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = match[i];
            }

            return entries;
        }

        /// <summary>The binaries of one package, as the explanation engine reads them.</summary>
        private sealed class CatalogCandidates : ICachedSpecs
        {
            private readonly List<Spec> _specs = new List<Spec>();
            private readonly Dictionary<string, VariantSyntax> _parsed = new Dictionary<string, VariantSyntax>(StringComparer.Ordinal);

            public CatalogCandidates(SpecCatalog catalog, string package)
            {
                foreach (Spec spec in catalog.Where(package: package))
                {
                    _specs.Add(spec);
                }
            }

            public int Count => _specs.Count;

            public Spec this[int index] => _specs[index];

            public string Hash(int index) => _specs[index].Hash;

            public string Version(int index) => _specs[index].Version.ToString();

            public string Compiler(int index) => _specs[index].Compiler.Text;

            public string Os(int index) => _specs[index].Os;

            public string Platform(int index) => _specs[index].Platform;

            public string Target(int index) => _specs[index].Target;

            public IReadOnlyList<VariantSyntax> Variants(int index)
            {
                VariantList variants = _specs[index].Variants;
                var settings = new VariantSyntax[variants.Count];
                for (int i = 0; i < settings.Length; i++)
                {
                    string text = variants[i].Text;
                    if (!_parsed.TryGetValue(text, out VariantSyntax? setting))
                    {
                        setting = NearestSpecs.Setting(text);
                        _parsed.Add(text, setting);
                    }

                    settings[i] = setting;
                }

                return settings;
            }
        }

        /// <summary>A query pattern as the explanation engine wants it: only the parts it gives, each with Spack's rule.</summary>
        private sealed class PatternWant : SpecWant
        {
            private readonly SpecPattern _pattern;

            public PatternWant(SpecPattern pattern)
                : base(pattern.Name!, pattern.Versions?.Text, CompilerText(pattern), pattern.NameOf(Dimensions.OperatingSystem), pattern.NameOf(Dimensions.Platform), pattern.Target, Settings(pattern), allVariants: false)
            {
                _pattern = pattern;
            }

            public override string? RunsOnTarget => _pattern.Targets?.ExactName;

            public override bool VersionMatches(string cached)
            {
                VersionValue value = VersionValue.ParseOrOpaque(cached);
                return _pattern.Versions!.Contains(SpackVersion.From(value));
            }

            public override bool CompilerMatches(CompilerSyntax cached)
            {
                if (cached.IsNone)
                {
                    return false;
                }

                SpackVersion version = SpackVersion.From(VersionValue.ParseOrOpaque(cached.Version));
                foreach (CompilerPattern compiler in _pattern.Compilers)
                {
                    if (compiler.IsUndecided(cached.IsNone, cached.IsExact))
                    {
                        throw new FormatException(SpecPattern.Describe(_pattern.Text, compiler.Start, CompilerPattern.LanguageMessage(compiler.Language!, cached.Text)));
                    }

                    if (!compiler.IsSatisfiedBy(cached.Name, version, cached.IsExact, cached.IsNone))
                    {
                        return false;
                    }
                }

                return true;
            }

            public override bool TargetMatches(string cached) => _pattern.Targets!.Contains(cached);

            public override bool VariantMatches(int index, VariantSyntax? cached)
            {
                int variants = _pattern.Variants.Count;
                return index < variants ? _pattern.Variants[index].IsSatisfiedBy(cached) : _pattern.Flags[index - variants].IsSatisfiedBy(cached);
            }

            private static string? CompilerText(SpecPattern pattern)
            {
                if (pattern.Compilers.Count == 0)
                {
                    return null;
                }

                var parts = new List<string>();
                foreach (CompilerPattern compiler in pattern.Compilers)
                {
                    parts.Add((compiler.Namespace is null ? string.Empty : compiler.Namespace + ".") + (compiler.Name ?? "*") + (compiler.Versions is null ? string.Empty : "@" + compiler.Versions.Text));
                }

                return string.Join(" %", parts);
            }

            /// <summary>The pattern's variants, then its flags, as settings to name and show (matching is the pattern's).</summary>
            private static IReadOnlyList<VariantSyntax> Settings(SpecPattern pattern)
            {
                var settings = new List<VariantSyntax>();
                foreach (VariantPattern variant in pattern.Variants)
                {
                    string text = variant.Enabled is bool on
                        ? (on ? "+" : "~") + variant.Name
                        : variant.Name + (variant.IsExact ? ":=" : "=") + (variant.IsAny ? "*" : string.Join(",", variant.Values));
                    settings.Add(new VariantSyntax(text, variant.Name, VariantFlags.Single, variant.IsExact, IsQuoted: false, EquatableArray<string>.Empty));
                }

                foreach (FlagPattern flag in pattern.Flags)
                {
                    settings.Add(new VariantSyntax(flag.Type + "='" + string.Join(" ", flag.Values) + "'", flag.Type, VariantFlags.Single, IsExact: false, IsQuoted: true, EquatableArray<string>.Empty));
                }

                return settings;
            }
        }
    }
}
