using System;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    /// <summary>What the runtime's diff, hash match and host detection say as text.</summary>
    public class TextTests : IClassFixture<SampleCatalogFixture>
    {
        private readonly SpecCatalog _catalog;

        public TextTests(SampleCatalogFixture fixture)
        {
            _catalog = fixture.Catalog;
        }

        [Fact]
        public void A_diff_says_its_counts()
        {
            SpecDiff diff = _catalog.Diff("develop-2025-04-20", "v0.23.1");
            int added = diff.Count(c => c.Kind == SpecChangeKind.Added);
            int removed = diff.Count(c => c.Kind == SpecChangeKind.Removed);
            Assert.True(added > 0 && removed > 0);
            Assert.Equal($"develop-2025-04-20 -> v0.23.1: {added} added, {removed} removed, {diff.Count - added - removed} kept", diff.ToString());

            SpecDiff same = SpecDiff.Between("v0.23.1", _catalog.Where(tag: "v0.23.1"), "v0.23.1", _catalog.Where(tag: "v0.23.1"));
            Assert.Equal($"v0.23.1: 0 added, 0 removed, {_catalog.Where(tag: "v0.23.1").Count()} kept", same.ToString());
        }

        [Fact]
        public void A_hash_match_says_what_it_found()
        {
            Spec py = _catalog.First(s => s.Hash.StartsWith("7u33aej", StringComparison.Ordinal));
            HashMatch found = _catalog.FindByHash("7u33aej");
            Assert.Equal($"found /{py.Hash} ({(found.Count == 1 ? "1 entry" : found.Count + " entries")})", found.ToString());
            Assert.Equal("not found", _catalog.FindByHash("zzzzzzz").ToString());
            Assert.Equal("ambiguous", _catalog.FindByHash("a").ToString());
            Assert.Equal("not found", default(HashMatch).ToString());
        }

        [Fact]
        public void The_reason_names_the_first_missing_feature_of_each_next_level()
        {
            // x86_64_v2's feature set exactly, on an AMD CPU (as this project's build machine reports): x86_64_v3 and
            // AMD's bulldozer are the next levels.
            string flags = string.Join(" ", Microarchitecture.Parse("x86_64_v2").Features);
            string cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: " + flags + "\n";
            Assert.Equal("x86_64_v2", Microarchitecture.DetectFromCpuInfo(cpuinfo, "x86_64").Name);
            string first = Microarchitecture.Parse("x86_64_v3").Features.First(f => !Microarchitecture.Parse("x86_64_v2").Features.Contains(f));
            string bulldozer = Microarchitecture.Parse("bulldozer").Features.First(f => !Microarchitecture.Parse("x86_64_v2").Features.Contains(f));
            Assert.Equal($"the next levels: x86_64_v3 needs {first}, bulldozer needs {bulldozer}, which this CPU lacks", Microarchitecture.ReasonFromCpuInfo(cpuinfo, "x86_64"));

            Assert.Equal("archspec has no microarchitectures of the s390x family", Microarchitecture.ReasonFromCpuInfo(string.Empty, "s390x"));
            Assert.False(string.IsNullOrEmpty(Microarchitecture.HostReason));
        }
    }
}
