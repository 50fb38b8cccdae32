using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Archspec
{
    /// <summary>
    /// RunnableOn and target ranges over the corpus catalog, against a LINQ reference that reads the pages' JSON
    /// (PageOracle) and archspec's JSON (ArchspecOracle) without SpecGen's code.
    /// </summary>
    public class RunnableOnTests : IClassFixture<CorpusCatalogFixture>
    {
        private readonly SpecCatalog _catalog;
        private readonly OracleSpec[] _pages;

        public RunnableOnTests(CorpusCatalogFixture fixture)
        {
            _catalog = fixture.Catalog;
            _pages = fixture.Pages.SelectMany(p => PageOracle.Read(p.Text)).ToArray();
        }

        private static string Key(string tag, string hash) => tag + "/" + hash;

        private static string[] Keys(IEnumerable<Spec> specs) => specs.Select(s => Key(s.Tag, s.Hash)).OrderBy(k => k, StringComparer.Ordinal).ToArray();

        private static string[] Keys(IEnumerable<OracleSpec> specs) => specs.Select(s => Key(s.Tag, s.Hash)).OrderBy(k => k, StringComparer.Ordinal).ToArray();

        [Fact]
        public void Runnable_on_every_microarchitecture_is_the_reference()
        {
            int nonEmpty = 0;
            foreach (Microarchitecture host in Microarchitecture.All)
            {
                string[] expected = Keys(_pages.Where(s => ArchspecOracle.Instance.RunsOn(s.Target, host.Name)));
                Assert.Equal(expected, Keys(_catalog.All.RunnableOn(host)));
                Assert.Equal(expected.Length, _catalog.All.RunnableOn(host).Count());
                nonEmpty += expected.Length > 0 ? 1 : 0;
            }

            // The corpus targets (x86_64_v3, x86_64_v4, aarch64, neoverse_v1, neoverse_v2, ppc64le) run on many hosts.
            Assert.True(nonEmpty > 30, nonEmpty + " hosts run something");
        }

        [Theory]
        [InlineData("zen3", "python", "ubuntu22.04")]
        [InlineData("zen4", null, "ubuntu22.04")]
        [InlineData("neoverse_v2", "py-gast", null)]
        [InlineData("sapphirerapids", "zlib-ng", null)]
        [InlineData("power9le", null, null)]
        public void Runnable_on_composes_with_where(string host, string? package, string? os)
        {
            SpecQuery query = _catalog.Where(package: package, os: os).RunnableOn(Microarchitecture.Parse(host));

            string[] expected = Keys(_pages.Where(s => (package is null || s.Package == package) && (os is null || s.Os == os) && ArchspecOracle.Instance.RunsOn(s.Target, host)));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Keys(query));
        }

        [Fact]
        public void Runnable_on_twice_keeps_what_runs_on_both()
        {
            SpecQuery both = _catalog.All.RunnableOn(Microarchitecture.Parse("zen4")).RunnableOn(Microarchitecture.Parse("haswell"));

            string[] expected = Keys(_pages.Where(s => ArchspecOracle.Instance.RunsOn(s.Target, "zen4") && ArchspecOracle.Instance.RunsOn(s.Target, "haswell")));
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Keys(both));
            Assert.Empty(_catalog.All.RunnableOn(Microarchitecture.Parse("zen4")).RunnableOn(Microarchitecture.Parse("neoverse_v2")));
        }

        [Fact]
        public void Runnable_on_a_family_archspec_does_not_know_is_empty()
        {
            Microarchitecture s390x = Microarchitecture.DetectFromCpuInfo(string.Empty, "s390x");
            Assert.Empty(_catalog.All.RunnableOn(s390x));
            Assert.Throws<ArgumentNullException>(() => _catalog.All.RunnableOn(null!));
            Assert.Empty(default(SpecQuery).RunnableOn(Microarchitecture.Parse("zen3")));
        }

        [Fact]
        public void Enumerating_runnable_on_allocates_nothing()
        {
            SpecQuery query = _catalog.Where(os: "ubuntu22.04").RunnableOn(Microarchitecture.Parse("zen4"));
            Allocations.AssertNone(() =>
            {
                int count = 0;
                foreach (Spec spec in query)
                {
                    count += spec.Index >= 0 ? 1 : 0;
                }

                return count;
            });
        }

        public static IEnumerable<object[]> RangeBounds()
        {
            foreach (string name in new[] { "x86_64", "x86_64_v2", "x86_64_v3", "x86_64_v4", "zen3", "zen4", "icelake", "haswell", "aarch64", "armv8.2a", "neoverse_n1", "neoverse_v1", "neoverse_v2", "ppc64le", "power9le" })
            {
                yield return new object[] { name };
            }
        }

        [Theory]
        [MemberData(nameof(RangeBounds))]
        public void Open_ranges_are_the_reference(string bound)
        {
            // spec.py ArchSpec._target_intersection: lo: is lo and its descendants, :hi is hi and its ancestors.
            Assert.Equal(Keys(_pages.Where(s => ArchspecOracle.Instance.InRange(s.Target, bound, null))), Keys(_catalog.Query("target=" + bound + ":")));
            Assert.Equal(Keys(_pages.Where(s => ArchspecOracle.Instance.InRange(s.Target, null, bound))), Keys(_catalog.Query("target=:" + bound)));
        }

        [Theory]
        [InlineData("target=x86_64_v3:", 0)]
        [InlineData("target=x86_64_v2:zen3", 0)]
        [InlineData("target=x86_64_v4:zen4", 0)]
        [InlineData("target=:zen3", 0)]
        [InlineData("target=neoverse_v1:", 0)]
        [InlineData("target=aarch64:neoverse_v2", 0)]
        [InlineData("target=x86_64_v3,aarch64", 0)]
        [InlineData("target=x86_64_v4:,neoverse_v2", 0)]
        [InlineData("target=ppc64le,neoverse_v1:", 0)]
        [InlineData("target=:", 0)]
        [InlineData("arch=x86_64_v3:", 0)]
        [InlineData("arch=linux-ubuntu22.04-x86_64_v3:", 0)]
        [InlineData("python@3.11: arch=linux-ubuntu22.04-x86_64_v2:zen4", 0)]
        [InlineData("py-gast architecture=linux-ubuntu24.04-:neoverse_v2", 0)]
        [InlineData("target=zen3:x86_64_v3", 1)]
        [InlineData("target=zen9", 1)]
        public void Ranges_and_lists_select_as_spack_would(string query, int empty)
        {
            string[] expected = Keys(_pages.Where(s => Reference(query, s)));
            Assert.Equal(empty == 1, expected.Length == 0);
            Assert.Equal(expected, Keys(_catalog.Query(query)));
            Assert.Equal(expected, Keys(_catalog.All.Where(SpecPattern.Parse(query).Matches)));
        }

        /// <summary>The reference for the queries above: names, versions and arch parts read from the page JSON.</summary>
        private static bool Reference(string query, OracleSpec spec)
        {
            foreach (string part in query.Split(' '))
            {
                string[] kv = part.Split('=', 2);
                string? target = null;
                switch (kv[0])
                {
                    case "target":
                        target = kv[1];
                        break;
                    case "arch":
                    case "architecture":
                        string[] arch = kv[1].Split('-');
                        if (arch.Length == 3)
                        {
                            if (arch[0] != spec.Platform || arch[1] != spec.Os)
                            {
                                return false;
                            }

                            target = arch[2];
                        }
                        else
                        {
                            target = kv[1];
                        }

                        break;
                    default:
                        string[] nameVersion = part.Split('@');
                        if (nameVersion[0] != spec.Package || (nameVersion.Length > 1 && SpackVersionOracle.Compare(spec.Versions[0], nameVersion[1].TrimEnd(':')) < 0))
                        {
                            return false;
                        }

                        continue;
                }

                bool any = false;
                foreach (string member in target.Split(','))
                {
                    int colon = member.IndexOf(':', StringComparison.Ordinal);
                    any |= colon < 0
                        ? member == spec.Target
                        : ArchspecOracle.Instance.InRange(spec.Target, colon == 0 ? null : member.Substring(0, colon), colon == member.Length - 1 ? null : member.Substring(colon + 1));
                }

                if (!any)
                {
                    return false;
                }
            }

            return true;
        }

        // spec.py _make_microarchitecture: a bound archspec does not know is a generic microarchitecture, which no known
        // target is above or below (archspec Microarchitecture.__le__ compares ancestor sets), so the range selects
        // nothing; Spack 0.22 and 0.23 raised an error instead. A list holding '*' is every target (_canonical_target_range).
        [Theory]
        [InlineData("target=zen9:", 0)]
        [InlineData("target=:zen9", 0)]
        [InlineData("target=x86_64:zen3:zen4", 0)]
        [InlineData("zlib arch=linux-ubuntu22.04-nosuch:", 0)]
        [InlineData("target=zen9:zen3", 0)]
        [InlineData("target=x86_64_v3:nosuch", 0)]
        [InlineData("target=*", 418)]
        [InlineData("target=zen3,*", 418)]
        [InlineData("target=*:zen3", 0)]
        public void Range_bounds_archspec_does_not_know_select_nothing(string query, int count)
        {
            Assert.Equal(count, _catalog.Query(query).Count());
        }

        [Fact]
        public void A_target_constraint_reads_as_spack_reads_it()
        {
            TargetConstraint range = TargetConstraint.Parse("x86_64_v3:zen4,neoverse_v2");

            Assert.True(range.Contains("zen3"));
            Assert.True(range.Contains(Microarchitecture.Parse("x86_64_v3")));
            Assert.True(range.Contains("neoverse_v2"));
            Assert.False(range.Contains("x86_64_v2"));
            Assert.False(range.Contains("zen5"));
            Assert.False(range.Contains("icelake"));
            Assert.False(range.Contains("gfx90a"));
            Assert.Null(range.ExactName);
            Assert.Equal("zen3", TargetConstraint.Parse("zen3").ExactName);
            Assert.True(TargetConstraint.Parse(":").Contains("gfx90a"));
            Assert.False(TargetConstraint.Parse("x86_64:").Contains("gfx90a"));
            Assert.True(TargetConstraint.Parse("gfx90a").Contains("gfx90a"));

            // A bound archspec does not know equals only a target of its own name that archspec does not know either.
            Assert.True(TargetConstraint.Parse("gfx90a:").Contains("gfx90a"));
            Assert.True(TargetConstraint.Parse(":gfx90a").Contains("gfx90a"));
            Assert.False(TargetConstraint.Parse("gfx90a:").Contains("gfx90b"));
            Assert.False(TargetConstraint.Parse("zen9:").Contains("zen3"));
            Assert.False(TargetConstraint.Parse("x86_64:gfx90a").Contains("gfx90a"));
            Assert.False(TargetConstraint.Parse("a:b:c").Contains("a"));
            Assert.True(TargetConstraint.TryParse("a:b:c", out _, out string? error));
            Assert.Null(error);
            Assert.True(TargetConstraint.Parse("*").Contains("gfx90a"));
            Assert.True(TargetConstraint.Parse("zen3,*").Contains("neoverse_v2"));
        }

        [Fact]
        public void Every_one_sided_range_holds_what_archspecs_graph_says()
        {
            // Each known name (the JSON's first, x86, included) as a low and as a high bound, against every known name
            // and one archspec does not know; expectations from ArchspecOracle, not from SpecGen's graph.
            ArchspecOracle oracle = ArchspecOracle.Instance;
            string[] targets = oracle.InOrder.Append("gfx90a").ToArray();
            foreach (string bound in oracle.InOrder)
            {
                TargetConstraint low = TargetConstraint.Parse(bound + ":");
                TargetConstraint high = TargetConstraint.Parse(":" + bound);
                foreach (string target in targets)
                {
                    Assert.True(oracle.InRange(target, bound, null) == low.Contains(target), bound + ": holds " + target + "?");
                    Assert.True(oracle.InRange(target, null, bound) == high.Contains(target), ":" + bound + " holds " + target + "?");
                }
            }

            Assert.True(TargetConstraint.Parse("x86:i686").Contains("pentium2") == oracle.InRange("pentium2", "x86", "i686"));
            Assert.True(TargetConstraint.Parse("x86:pentium4").Contains("pentium2"));
        }
    }
}
