using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Lockfiles
{
    /// <summary>
    /// SpecCatalog.Coverage and Explain over the corpus, with lockfiles written from the corpus pages' JSON
    /// (SyntheticLockfile): binaries as they are (cached), with one field changed (missing), and externals. The
    /// expectations come from the page JSON (PageOracle) and a plain field-by-field comparison in this file.
    /// </summary>
    public class CoverageTests
    {
        private static readonly Lazy<SpecCatalog> Catalog = new Lazy<SpecCatalog>(() => InMemoryCatalog.From(TestPaths.CorpusPages()));

        private static readonly OracleSpec[] Pages = TestPaths.CorpusPages().SelectMany(p => PageOracle.Read(p.Text)).ToArray();

        [Theory]
        [InlineData(5)]
        [InlineData(6)]
        public void Every_corpus_binary_is_cached_with_every_entry_of_its_hash(int version)
        {
            var lockfile = new SyntheticLockfile(version);
            foreach (OracleSpec spec in Pages.GroupBy(s => s.Hash).Select(g => g.First()))
            {
                lockfile.Add(spec);
            }

            CoverageReport report = Catalog.Value.Coverage(lockfile.Read());

            Assert.True(report.IsComplete);
            foreach (NodeCoverage node in report.Nodes.Where(n => !n.Node.IsExternal))
            {
                OracleSpec[] entries = Pages.Where(s => s.Hash == node.Node.Hash).ToArray();
                Assert.Equal(CoverageStatus.Cached, node.Status);
                Assert.Equal(entries.Select(s => s.Tag).Distinct().OrderBy(t => t, StringComparer.Ordinal), node.Tags);
                Assert.Equal(entries.SelectMany(s => s.Stacks).ToHashSet(), node.Stacks.ToHashSet());
                Assert.All(node.Entries, e => Assert.Equal(node.Node.Hash, e.Hash));
                Assert.Equal(entries.Length, node.Entries.Count);

                // The node is its own nearest binary, with nothing different (the compiler read from the attribute or the dependency).
                NearestSpec nearest = Catalog.Value.Explain(node.Node).Nearest[0];
                Assert.True(nearest.IsMatch, node.Node + ": " + nearest);
                Assert.False(nearest.TargetRunsOnWanted);
            }

            // v6: the compilers are external nodes of the lockfile, never expected in a cache.
            Assert.Equal(version == 6 ? report.Nodes.Count(n => n.Node.IsExternal) : 0, report.External);
            Assert.Equal(Pages.Select(s => s.Hash).Distinct().Count(), report.Cached);
            Assert.Equal(0, report.Missing);
        }

        public static TheoryData<string, string> Changes()
        {
            var data = new TheoryData<string, string>();
            foreach (string package in new[] { "zlib", "py-gast", "cmake", "python", "openmpi", "bc", "hdf5" })
            {
                foreach (string field in new[] { "variant", "compiler", "os", "target", "version" })
                {
                    data.Add(package, field);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Changes))]
        public void A_binary_with_one_field_changed_is_missing_and_its_nearest_binaries_differ_in_that_field(string package, string field)
        {
            OracleSpec[] specs = Pages.Where(s => s.Package == package).ToArray();
            (OracleSpec original, OracleSpec changed, string wanted) = Change(specs, field);
            var lockfile = new SyntheticLockfile();
            lockfile.Add(changed, lockfile.NewKey());
            LockNode node = lockfile.Read().Nodes.Single();

            NodeCoverage coverage = Catalog.Value.Coverage(lockfile.Read()).Nodes.Single();
            SpecExplanation explanation = Catalog.Value.Explain(node);

            Assert.Equal(CoverageStatus.Missing, coverage.Status);
            Assert.Empty(coverage.Tags);
            Assert.True(explanation.HasPage);
            Assert.Equal(specs.Select(s => s.Hash).Distinct().Count(), explanation.Nearest.Count);

            // The nearest binaries are those with the fewest differing fields, counted on the page JSON.
            Dictionary<string, string[]> differences = specs.GroupBy(s => s.Hash).ToDictionary(g => g.Key, g => Differences(changed, g.First()));
            int fewest = differences.Values.Min(d => d.Length);
            Assert.Equal(1, fewest);
            var best = differences.Where(d => d.Value.Length == fewest).Select(d => d.Key).ToHashSet();
            Assert.Equal(best, explanation.Nearest.Where(n => n.Differences.Count == fewest).Select(n => n.Spec.Hash).ToHashSet());
            Assert.All(explanation.Nearest.Skip(best.Count), n => Assert.True(n.Differences.Count > fewest));

            NearestSpec nearest = explanation.Nearest[0];
            OracleSpec cached = specs.First(s => s.Hash == nearest.Spec.Hash);
            SpecDifference difference = Assert.Single(nearest.Differences);
            Assert.Equal(differences[cached.Hash].Single(), difference.Field);
            Assert.Equal(field == "variant" ? "variant " + VariantName(wanted) : field, difference.Field);
            Assert.Equal(wanted, difference.Wanted);
            Assert.Equal(Value(cached, difference.Field), difference.Cached);
            Assert.Contains(original.Hash, best);
        }

        [Fact]
        public void A_cached_target_that_runs_on_the_wanted_one_is_noted_not_counted()
        {
            OracleSpec original = Pages.First(s => s.Package == "zlib" && s.Target == "x86_64_v3");
            OracleSpec changed = original with { Target = "zen3" };
            var lockfile = new SyntheticLockfile();
            lockfile.Add(changed, lockfile.NewKey());

            SpecExplanation explanation = Catalog.Value.Explain(lockfile.Read().Nodes.Single());

            var runsOn = Pages.Where(s => s.Package == "zlib" && Differences(original with { Target = s.Target }, s).Length == 0 && ArchspecOracle.Instance.RunsOn(s.Target, "zen3")).Select(s => s.Hash).ToHashSet();
            Assert.DoesNotContain(Pages, s => s.Package == "zlib" && s.Target == "zen3");
            NearestSpec nearest = explanation.Nearest[0];
            Assert.True(nearest.IsMatch);
            Assert.True(nearest.TargetRunsOnWanted);
            Assert.Contains(nearest.Spec.Hash, runsOn);
            Assert.Equal(runsOn, explanation.Nearest.Where(n => n.IsMatch).Select(n => n.Spec.Hash).ToHashSet());
            Assert.Contains("its target " + nearest.Spec.Target + " runs on zen3", nearest.ToString(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("x86_64")]
        [InlineData("aarch64")]
        public void Among_binaries_that_differ_in_as_many_fields_those_of_the_wanted_targets_family_come_first(string wantedTarget)
        {
            int tiedPackages = 0;
            foreach (IGrouping<string, OracleSpec> package in Pages.GroupBy(s => s.Package))
            {
                // A version no page has, so every binary differs in it; binaries of both families then often tie.
                OracleSpec wanted = package.First() with { Versions = new[] { "999.1" }, Target = wantedTarget };
                var lockfile = new SyntheticLockfile();
                lockfile.Add(wanted, lockfile.NewKey());

                IReadOnlyList<NearestSpec> nearest = Catalog.Value.Explain(lockfile.Read().Nodes.Single()).Nearest;

                bool tied = false;
                foreach (IGrouping<int, NearestSpec> group in nearest.GroupBy(n => n.Differences.Count))
                {
                    bool[] other = group.Select(n => Family(n.Spec.Target) != wantedTarget).ToArray();
                    tied |= other.Contains(true) && other.Contains(false);
                    Assert.True(other.OrderBy(o => o).SequenceEqual(other), package.Key + ": a binary of another family before one of " + wantedTarget);
                }

                tiedPackages += tied ? 1 : 0;
            }

            Assert.True(tiedPackages > 0, "no package has a group of equal differences holding both families, so the order is not tested");
        }

        private static string Family(string target) => ArchspecOracle.Instance.Knows(target) ? ArchspecOracle.Instance.Family(target) : target;

        [Fact]
        public void An_external_is_never_expected_in_the_cache_even_with_a_cached_hash()
        {
            OracleSpec spec = Pages.First(s => s.Package == "cmake");
            var lockfile = new SyntheticLockfile();
            lockfile.Add(spec, external: true);
            lockfile.Add(Pages.First(s => s.Package == "zlib"));
            lockfile.Add(Pages.First(s => s.Package == "bc") with { Os = "centos4" }, lockfile.NewKey());

            CoverageReport report = Catalog.Value.Coverage(lockfile.Read());

            Assert.Equal(new[] { CoverageStatus.External, CoverageStatus.Cached, CoverageStatus.Missing }, report.Nodes.Select(n => n.Status));
            Assert.Empty(report.Nodes[0].Entries);
            Assert.Equal((1, 1, 1), (report.Cached, report.Missing, report.External));
            Assert.False(report.IsComplete);
            Assert.Equal("3 nodes: 1 cached, 1 missing, 1 external", report.ToString());
        }

        [Fact]
        public void A_combined_catalog_covers_and_explains_as_one_catalog_of_the_same_pages()
        {
            IReadOnlyList<TestPage> pages = TestPaths.CorpusPages();
            SpecCatalog combined = SpecCatalog.Combine(
                InMemoryCatalog.From(pages.Where(p => p.Path.Contains("develop-2025-04-20", StringComparison.Ordinal))),
                InMemoryCatalog.From(pages.Where(p => !p.Path.Contains("develop-2025-04-20", StringComparison.Ordinal))));
            var lockfile = new SyntheticLockfile();
            foreach (OracleSpec spec in Pages.Where(s => s.Package is "py-gast" or "bc").GroupBy(s => s.Hash).Select(g => g.First()))
            {
                lockfile.Add(spec);
                lockfile.Add(spec with { Os = "centos4" }, lockfile.NewKey());
            }

            SpackLockfile read = lockfile.Read();
            CoverageReport one = Catalog.Value.Coverage(read);
            CoverageReport two = combined.Coverage(read);

            Assert.Equal(one.Nodes.Select(n => (n.Status, string.Join(",", n.Tags), n.Entries.Count)), two.Nodes.Select(n => (n.Status, string.Join(",", n.Tags), n.Entries.Count)));
            Assert.Equal(one.Nodes.Count / 2, two.Missing);
            Assert.Equal(
                read.Nodes.Select(n => Catalog.Value.Explain(n).Nearest[0].ToString()),
                read.Nodes.Select(n => combined.Explain(n).Nearest[0].ToString()));
        }

        [Fact]
        public void A_package_without_a_page_says_so()
        {
            var lockfile = new SyntheticLockfile();
            lockfile.Add(Pages.First(s => s.Package == "zlib") with { Package = "no-such-package" }, lockfile.NewKey());

            SpecExplanation explanation = Catalog.Value.Explain(lockfile.Read().Nodes.Single());

            Assert.False(explanation.HasPage);
            Assert.False(explanation.HasMatch);
            Assert.Empty(explanation.Nearest);
            Assert.Equal("no-such-package: no page in the catalog", explanation.ToString());
        }

        [Fact]
        public void A_query_is_explained_by_the_parts_it_gives()
        {
            OracleSpec spec = Pages.First(s => s.Package == "zlib" && s.Compiler != "none");
            string compiler = spec.Compiler.Replace("@=", "@", StringComparison.Ordinal);
            SpecExplanation exact = Catalog.Value.Explain(SpecPattern.Parse($"zlib@{spec.Versions[0]} os={spec.Os} target={spec.Target} %{compiler}"));
            Assert.True(exact.HasMatch);
            Assert.Equal(
                Pages.Where(s => s.Package == "zlib" && s.Versions[0] == spec.Versions[0] && s.Os == spec.Os && s.Target == spec.Target && s.Compiler.Replace("@=", "@", StringComparison.Ordinal) == compiler).Select(s => s.Hash).ToHashSet(),
                exact.Nearest.Where(n => n.IsMatch).Select(n => n.Spec.Hash).ToHashSet());

            SpecExplanation newer = Catalog.Value.Explain(SpecPattern.Parse("zlib@99: ~shared"));
            Assert.False(newer.HasMatch);
            Assert.Equal(Pages.Where(s => s.Package == "zlib").Select(s => s.Hash).Distinct().Count(), newer.Nearest.Count);
            NearestSpec first = newer.Nearest[0];
            Assert.Equal("version", first.Differences[0].Field);
            Assert.Equal("99:", first.Differences[0].Wanted);
            Assert.Equal(Pages.First(s => s.Hash == first.Spec.Hash).Versions[0], first.Differences[0].Cached);
            bool shared = Pages.First(s => s.Hash == first.Spec.Hash).Variants.Contains("+shared");
            Assert.Equal(shared ? 2 : 1, first.Differences.Count);

            Assert.Throws<ArgumentException>(() => Catalog.Value.Explain(SpecPattern.Parse("target=zen3")));
        }

        /// <summary>A binary of the package with one field changed so that no binary of the package has it.</summary>
        private static (OracleSpec Original, OracleSpec Changed, string Wanted) Change(OracleSpec[] specs, string field)
        {
            foreach (OracleSpec spec in specs)
            {
                foreach ((OracleSpec changed, string wanted) in Candidates(spec, field))
                {
                    // Only a change no binary of the package has: the nearest then differ in one field.
                    if (specs.All(s => Differences(changed, s).Length > 0))
                    {
                        return (spec, changed, wanted);
                    }
                }
            }

            throw new InvalidOperationException("No binary of " + specs[0].Package + " can have its " + field + " changed alone.");
        }

        private static IEnumerable<(OracleSpec Changed, string Wanted)> Candidates(OracleSpec spec, string field)
        {
            switch (field)
            {
                case "compiler":
                    yield return (spec with { Compiler = "gcc@99.1.0" }, "gcc@99.1.0");
                    break;
                case "os":
                    yield return (spec with { Os = "ubuntu99.04" }, "ubuntu99.04");
                    break;
                case "version":
                    yield return (spec with { Versions = new[] { "99.0" } }, "99.0");
                    break;
                case "target":
                    // A family's root: only a binary for the root itself runs on it. The binary's own family first, so
                    // that a binary of another family is not ranked after the same-family ones the change ties with.
                    foreach (string target in new[] { Family(spec.Target), "aarch64", "x86_64", "ppc64le" }.Distinct())
                    {
                        yield return (spec with { Target = target }, target);
                    }

                    break;
                default:
                    foreach (string variant in spec.Variants.Where(v => v[0] == '+' || v[0] == '~'))
                    {
                        string flipped = (variant[0] == '+' ? "~" : "+") + variant.Substring(1);
                        yield return (spec with { Variants = spec.Variants.Select(v => v == variant ? flipped : v).ToArray() }, flipped);
                    }

                    foreach (string variant in spec.Variants.Where(v => v[0] != '+' && v[0] != '~' && !v.Contains(":=", StringComparison.Ordinal)))
                    {
                        string other = VariantName(variant) + "=other";
                        yield return (spec with { Variants = spec.Variants.Select(v => v == variant ? other : v).ToArray() }, other);
                    }

                    break;
            }
        }

        /// <summary>The fields in which a page's binary differs from what was wanted, compared as the pages write them.</summary>
        private static string[] Differences(OracleSpec wanted, OracleSpec cached)
        {
            var fields = new List<string>();
            if (wanted.Versions[0] != cached.Versions[0])
            {
                fields.Add("version");
            }

            Dictionary<string, string> a = wanted.Variants.ToDictionary(VariantName, v => v);
            Dictionary<string, string> b = cached.Variants.ToDictionary(VariantName, v => v);
            fields.AddRange(a.Keys.Union(b.Keys).Where(k => !a.TryGetValue(k, out string? x) || !b.TryGetValue(k, out string? y) || x != y).OrderBy(k => k, StringComparer.Ordinal).Select(k => "variant " + k));
            if (wanted.Compiler.Replace("@=", "@", StringComparison.Ordinal) != cached.Compiler.Replace("@=", "@", StringComparison.Ordinal))
            {
                fields.Add("compiler");
            }

            fields.AddRange(new[] { ("os", wanted.Os, cached.Os), ("platform", wanted.Platform, cached.Platform), ("target", wanted.Target, cached.Target) }.Where(f => f.Item2 != f.Item3).Select(f => f.Item1));
            return fields.ToArray();
        }

        private static string VariantName(string variant)
        {
            string name = variant[0] == '+' || variant[0] == '~' ? variant.Substring(1) : variant.Substring(0, variant.IndexOf('=', StringComparison.Ordinal));
            return name.TrimEnd(':');
        }

        /// <summary>A page's value of a field, as a difference names it.</summary>
        private static string Value(OracleSpec spec, string field)
        {
            return field switch
            {
                "version" => spec.Versions[0],
                "compiler" => spec.Compiler,
                "os" => spec.Os,
                "platform" => spec.Platform,
                "target" => spec.Target,
                _ => spec.Variants.Single(v => "variant " + VariantName(v) == field),
            };
        }
    }
}
