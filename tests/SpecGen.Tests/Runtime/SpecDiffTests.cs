using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    /// <summary>
    /// SpecCatalog.Diff against what the pages' JSON says: per package, binaries whose hash is only in the newer tag
    /// are added, only in the older removed, in both kept; a kept binary is the newer tag's entry (its tag and version),
    /// also when the same hash has another version in the older tag.
    /// </summary>
    public class SpecDiffTests
    {
        private const string Old = "v0.23.1";
        private const string New = "develop-2025-04-20";

        [Fact]
        public void Added_removed_and_kept_are_what_the_pages_list()
        {
            IReadOnlyList<TestPage> pages = TestPaths.CorpusPages();
            SpecCatalog catalog = InMemoryCatalog.From(pages);
            List<OracleSpec> specs = pages.SelectMany(p => PageOracle.Read(p.Text)).ToList();
            var before = specs.Where(s => s.Tag == Old).ToDictionary(s => (s.Package, s.Hash));
            var after = specs.Where(s => s.Tag == New).ToDictionary(s => (s.Package, s.Hash));
            string[] expected = after.Keys.Select(k => (before.ContainsKey(k) ? "kept " : "added ") + k.Package + " " + k.Hash + " " + New + " " + after[k].Versions[0])
                .Concat(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => "removed " + k.Package + " " + k.Hash + " " + Old + " " + before[k].Versions[0]))
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToArray();

            SpecDiff diff = catalog.Diff(Old, New);

            Assert.Contains(expected, e => e.StartsWith("added ", StringComparison.Ordinal));
            Assert.Contains(expected, e => e.StartsWith("removed ", StringComparison.Ordinal));
            Assert.Equal(expected, diff.Select(c => c.Kind.ToString().ToLowerInvariant() + " " + c.Package + " " + c.Hash + " " + c.Spec.Tag + " " + c.Version).OrderBy(s => s, StringComparer.Ordinal));
            Assert.Equal(Old, diff.From);
            Assert.Equal(New, diff.To);
            int added = expected.Count(e => e.StartsWith("added", StringComparison.Ordinal));
            int removed = expected.Count(e => e.StartsWith("removed", StringComparison.Ordinal));
            Assert.Equal($"{Old} -> {New}: {added} added, {removed} removed, {expected.Length - added - removed} kept", diff.ToString());
        }

        [Fact]
        public void A_hash_in_both_tags_with_another_version_is_kept_as_the_newer_tags_entry()
        {
            TestPage zlib = TestPaths.CorpusPage(New, "zlib");
            string older = zlib.Text.Replace(New, "develop-2025-04-13", StringComparison.Ordinal).Replace("\"1.3.1\"", "\"1.3.0\"", StringComparison.Ordinal);
            SpecCatalog catalog = InMemoryCatalog.From(new[] { zlib, TestPage.Create("develop-2025-04-13", "zlib", older) });

            SpecDiff diff = catalog.Diff("develop-2025-04-13", New);

            Assert.Equal(3, diff.Count);
            Assert.All(diff, c =>
            {
                Assert.Equal(SpecChangeKind.Kept, c.Kind);
                Assert.Equal(New, c.Spec.Tag);
                Assert.Equal("1.3.1", c.Version.ToString());
                Assert.Equal("develop-2025-04-13", c.Previous!.Value.Tag);
                Assert.Equal("1.3.0", c.Previous!.Value.Version.ToString());
            });
            (IReadOnlyList<SpackVersion> from, IReadOnlyList<SpackVersion> to) = diff.Versions("zlib");
            Assert.Equal(new[] { "1.3.0" }, from.Select(v => v.ToString()));
            Assert.Equal(new[] { "1.3.1" }, to.Select(v => v.ToString()));
        }
    

        /// <summary>The order a report reads in: by package, then removed, added, kept, then by version (Spack's order, from the independent oracle), then hash.</summary>
        [Fact]
        public void Changes_come_by_package_then_removed_added_kept_then_version_then_hash()
        {
            TestPage zlib = TestPaths.CorpusPage(New, "zlib");
            TestPage python = TestPaths.CorpusPage(New, "python");
            string older = zlib.Text.Replace(New, "develop-2025-04-13", StringComparison.Ordinal).Replace("n5mtx7tcrev5nt4dbzvbri2q63mt6d3f", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", StringComparison.Ordinal);
            SpecCatalog catalog = InMemoryCatalog.From(new[] { zlib, python, TestPage.Create("develop-2025-04-13", "zlib", older) });

            SpecDiff diff = catalog.Diff("develop-2025-04-13", New);

            string[] rank = { "Removed", "Added", "Kept" };
            var expected = diff.Select(c => (c.Package, Kind: Array.IndexOf(rank, c.Kind.ToString()), Version: c.Version.ToString(), c.Hash)).ToList();
            expected.Sort((a, b) =>
            {
                int by = string.CompareOrdinal(a.Package, b.Package);
                by = by != 0 ? by : a.Kind.CompareTo(b.Kind);
                by = by != 0 ? by : SpackVersionOracle.Compare(a.Version, b.Version);
                return by != 0 ? by : string.CompareOrdinal(a.Hash, b.Hash);
            });
            Assert.Equal(expected.Select(e => e.Package + " " + e.Hash), diff.Select(c => c.Package + " " + c.Hash));
            Assert.Equal(new[] { "python", "zlib" }, diff.Packages);
            Assert.Equal(new[] { SpecChangeKind.Removed, SpecChangeKind.Added, SpecChangeKind.Kept, SpecChangeKind.Kept }, diff.Of("zlib").Select(c => c.Kind));
            Assert.Equal(PageOracle.Read(python.Text).Count, diff.Of("python").Count());
            Assert.All(diff.Of("python"), c => Assert.Equal(SpecChangeKind.Added, c.Kind));
            SpackVersion[] pythonVersions = diff.Versions("python").To.ToArray();
            Assert.True(pythonVersions.Length > 3);
            Assert.Equal(pythonVersions.Select(v => v.ToString()).OrderBy(v => v, Comparer<string>.Create(SpackVersionOracle.Compare)), pythonVersions.Select(v => v.ToString()));
            Assert.Empty(diff.Versions("python").From);
            SpecChange removed = diff.Of("zlib").First();
            Assert.Equal("removed zlib@1.3.1 /aaaaaaa (develop-2025-04-13)", removed.ToString());
            Assert.Null(removed.Previous);
            Assert.Equal("added zlib@1.3.1 /n5mtx7t (" + New + ")", diff.Of("zlib").ElementAt(1).ToString());
        }

        [Fact]
        public void Two_states_of_one_tag_read_as_one_tag_and_bad_arguments_are_refused()
        {
            TestPage zlib = TestPaths.CorpusPage(New, "zlib");
            SpecCatalog catalog = InMemoryCatalog.From(new[] { zlib });

            SpecDiff same = SpecDiff.Between(New, catalog, New, catalog.Where(package: "zlib").Take(2));

            Assert.Equal(New + ": 0 added, 1 removed, 2 kept", same.ToString());
            Assert.Throws<ArgumentNullException>(() => SpecDiff.Between(New, null!, New, catalog));
            Assert.Throws<ArgumentNullException>(() => SpecDiff.Between(New, catalog, New, null!));
            Assert.Throws<ArgumentNullException>(() => catalog.Diff(null!, New));
            Assert.Throws<ArgumentNullException>(() => catalog.Diff(New, null!));
            ArgumentException unknown = Assert.Throws<ArgumentException>(() => catalog.Diff("v9", New));
            Assert.Equal("fromTag", unknown.ParamName);
            Assert.StartsWith("The catalog has no snapshot tag 'v9' (it has " + New + ").", unknown.Message, StringComparison.Ordinal);
            Assert.Equal("toTag", Assert.Throws<ArgumentException>(() => catalog.Diff(New, "v9")).ParamName);
        }
    }
}
