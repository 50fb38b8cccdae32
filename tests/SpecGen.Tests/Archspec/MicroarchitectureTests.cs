using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Archspec
{
    /// <summary>
    /// archspec's rules (archspec/cpu/microarchitecture.py and alias.py), case by case, with the expected answers
    /// read from data/archspec/microarchitectures.json: the partial order, the family, the generic level, feature
    /// aliases, and names.
    /// </summary>
    public class MicroarchitectureTests
    {
        // microarchitecture.py __lt__/__gt__: strict subset of {self} + ancestors, compared by name.
        [Theory]
        [InlineData("x86_64", "skylake", true)]
        [InlineData("x86_64_v3", "zen3", true)]
        [InlineData("x86_64_v4", "zen3", false)]
        [InlineData("x86_64_v4", "zen4", true)]
        [InlineData("zen2", "zen3", true)]
        [InlineData("zen3", "zen2", false)]
        [InlineData("zen3", "zen3", false)]
        [InlineData("ivybridge", "haswell", true)]
        [InlineData("haswell", "broadwell", true)]
        [InlineData("x86_64_v3", "haswell", true)]
        [InlineData("x86_64_v4", "haswell", false)]
        [InlineData("skylake", "cannonlake", true)]
        [InlineData("cannonlake", "cascadelake", false)]
        [InlineData("cascadelake", "cannonlake", false)]
        [InlineData("cannonlake", "icelake", true)]
        [InlineData("cascadelake", "icelake", true)]
        [InlineData("icelake", "sapphirerapids", true)]
        [InlineData("x86", "x86_64", false)]
        [InlineData("x86", "i686", true)]
        [InlineData("x86_64", "aarch64", false)]
        [InlineData("aarch64", "neoverse_v2", true)]
        [InlineData("neoverse_n1", "neoverse_v2", true)]
        [InlineData("armv8.2a", "neoverse_n1", true)]
        [InlineData("armv8.4a", "neoverse_n1", false)]
        [InlineData("m1", "m2", true)]
        [InlineData("neoverse_v2", "m2", false)]
        [InlineData("ppc64le", "power8le", true)]
        [InlineData("power8le", "power9le", true)]
        [InlineData("power8le", "power9", false)]
        [InlineData("riscv64", "u74mc", true)]
        public void Strict_order_is_ancestry(string lower, string higher, bool less)
        {
            Microarchitecture a = Microarchitecture.Parse(lower);
            Microarchitecture b = Microarchitecture.Parse(higher);

            Assert.Equal(less, a < b);
            Assert.Equal(less, b > a);
            Assert.Equal(less || a == b, a <= b);
            Assert.Equal(less || a == b, b >= a);
            Assert.Equal(ArchspecOracle.Instance.AtMost(lower, higher), a <= b);
        }

        [Theory]
        [InlineData("cascadelake", "cannonlake")]
        [InlineData("zen3", "haswell")]
        [InlineData("neoverse_v1", "a64fx")]
        [InlineData("power9le", "power9")]
        [InlineData("x86_64", "ppc64le")]
        public void Unordered_pairs_compare_false_every_way(string left, string right)
        {
            Microarchitecture a = Microarchitecture.Parse(left);
            Microarchitecture b = Microarchitecture.Parse(right);

            Assert.False(a < b);
            Assert.False(a > b);
            Assert.False(a <= b);
            Assert.False(a >= b);
            Assert.False(b < a);
            Assert.False(b <= a);
        }

        [Fact]
        public void Comparisons_with_null_are_false()
        {
            Microarchitecture zen3 = Microarchitecture.Parse("zen3");
            Microarchitecture? none = null;

            Assert.False(zen3 < none);
            Assert.False(none < zen3);
            Assert.False(zen3 <= none);
            Assert.False(none >= zen3);
        }

        // microarchitecture.py family: the root among self and ancestors.
        [Theory]
        [InlineData("zen3", "x86_64")]
        [InlineData("x86_64", "x86_64")]
        [InlineData("i686", "x86")]
        [InlineData("neoverse_v2", "aarch64")]
        [InlineData("m1", "aarch64")]
        [InlineData("power9le", "ppc64le")]
        [InlineData("power10", "ppc64")]
        [InlineData("u74mc", "riscv64")]
        [InlineData("sparc64", "sparc64")]
        [InlineData("cascadelake", "x86_64")]
        public void Family_is_the_root(string name, string family)
        {
            Assert.Equal(family, Microarchitecture.Parse(name).Family.Name);
        }

        // microarchitecture.py generic: the generic one (vendor "generic") with the most ancestors among self and ancestors.
        [Theory]
        [InlineData("zen3", "x86_64_v3")]
        [InlineData("zen4", "x86_64_v4")]
        [InlineData("haswell", "x86_64_v3")]
        [InlineData("skylake_avx512", "x86_64_v4")]
        [InlineData("nehalem", "x86_64_v2")]
        [InlineData("core2", "x86_64")]
        [InlineData("k10", "x86_64")]
        [InlineData("mic_knl", "x86_64_v3")]
        [InlineData("x86_64_v2", "x86_64_v2")]
        [InlineData("neoverse_n1", "armv8.2a")]
        [InlineData("neoverse_v2", "armv9.0a")]
        [InlineData("m1", "armv8.4a")]
        [InlineData("m2", "armv8.5a")]
        [InlineData("aarch64", "aarch64")]
        [InlineData("power9le", "ppc64le")]
        public void Generic_is_the_most_specific_generic_level(string name, string generic)
        {
            Assert.Equal(generic, Microarchitecture.Parse(name).Generic.Name);
        }

        [Fact]
        public void Every_targets_family_and_generic_level_are_archspecs()
        {
            // From the JSON (ArchspecOracle): the family is the root among self and ancestors; the generic level the
            // generic one among self and ancestors with the most ancestors (no two tie in archspec's data, so the
            // order of the ancestor list does not decide), else the family.
            ArchspecOracle oracle = ArchspecOracle.Instance;
            foreach (string name in oracle.Names)
            {
                string[] generic = oracle.Ancestors(name).Append(name).Where(n => oracle.Vendor(n) == "generic").ToArray();
                int most = generic.Length == 0 ? -1 : generic.Max(n => oracle.Ancestors(n).Count);
                string[] best = generic.Where(n => oracle.Ancestors(n).Count == most).ToArray();
                Assert.True(best.Length <= 1, name + ": generic levels tie: " + string.Join(", ", best));

                Microarchitecture target = Microarchitecture.Parse(name);
                Assert.Equal(oracle.Family(name), target.Family.Name);
                Assert.Equal(best.Length == 1 ? best[0] : oracle.Family(name), target.Generic.Name);
            }
        }

        [Fact]
        public void Every_target_has_every_feature_the_json_lists_for_it_and_no_made_up_one()
        {
            // microarchitecture.py __contains__: a feature of the target's own list (the alphabetically first included).
            ArchspecOracle oracle = ArchspecOracle.Instance;
            foreach (string name in oracle.Names)
            {
                Microarchitecture target = Microarchitecture.Parse(name);
                Assert.All(oracle.Features(name), f => Assert.True(target.HasFeature(f), name + " has " + f));
                Assert.False(target.HasFeature("no-such-feature"));
            }
        }

        [Fact]
        public void Every_targets_feature_list_is_the_jsons_sorted_with_sse3_wherever_ssse3_is()
        {
            // microarchitecture.py Microarchitecture.__init__: "ssse3 implies sse3", added to the features themselves.
            ArchspecOracle oracle = ArchspecOracle.Instance;
            foreach (string name in oracle.Names)
            {
                var expected = new SortedSet<string>(oracle.Features(name), StringComparer.Ordinal);
                if (expected.Contains("ssse3"))
                {
                    expected.Add("sse3");
                }

                Assert.Equal(expected, Microarchitecture.Parse(name).Features);
            }

            Assert.Contains("sse3", Microarchitecture.Parse("haswell").Features);
        }

        // microarchitecture.py __contains__ and alias.py (any_of, families); sse3 is added wherever ssse3 is.
        [Theory]
        [InlineData("zen3", "avx2", true)]
        [InlineData("zen3", "avx512", false)]
        [InlineData("zen4", "avx512", true)]
        [InlineData("skylake_avx512", "avx512", true)]
        [InlineData("x86_64_v4", "avx512", true)]
        [InlineData("haswell", "sse3", true)]
        [InlineData("x86_64", "sse3", false)]
        [InlineData("x86_64_v2", "sse4.1", true)]
        [InlineData("x86_64_v2", "sse4.2", true)]
        [InlineData("x86_64", "sse4.1", false)]
        [InlineData("neoverse_v2", "neon", true)]
        [InlineData("aarch64", "neon", true)]
        [InlineData("m1", "neon", true)]
        [InlineData("zen3", "neon", false)]
        [InlineData("power9le", "altivec", true)]
        [InlineData("power8le", "vsx", true)]
        [InlineData("power8le", "fma", true)]
        [InlineData("zen3", "altivec", false)]
        [InlineData("zen3", "fma", true)]
        [InlineData("neoverse_v2", "sve2", true)]
        [InlineData("neoverse_n1", "sve", false)]
        [InlineData("zen3", "nosuch", false)]
        public void Features_and_aliases(string name, string feature, bool has)
        {
            Assert.Equal(has, Microarchitecture.Parse(name).HasFeature(feature));
        }

        [Fact]
        public void Names_parse_to_one_instance_each_and_unknown_names_fail()
        {
            Assert.Equal(ArchspecOracle.Instance.Names.OrderBy(n => n, StringComparer.Ordinal), Microarchitecture.All.Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal));
            foreach (Microarchitecture uarch in Microarchitecture.All)
            {
                Assert.Same(uarch, Microarchitecture.Parse(uarch.Name));
                Assert.Equal(uarch.Name, uarch.ToString());
                Assert.All(uarch.Parents, p => Assert.True(Microarchitecture.All.ToList().IndexOf(p) < Microarchitecture.All.ToList().IndexOf(uarch)));
                Assert.Equal(ArchspecOracle.Instance.Ancestors(uarch.Name).OrderBy(n => n, StringComparer.Ordinal), uarch.Ancestors.Select(a => a.Name).OrderBy(n => n, StringComparer.Ordinal));
            }

            FormatException error = Assert.Throws<FormatException>(() => Microarchitecture.Parse("Zen3"));
            Assert.Contains("'Zen3'", error.Message);
            Assert.False(Microarchitecture.TryParse("zen9", out Microarchitecture? none));
            Assert.Null(none);
            Assert.False(Microarchitecture.TryParse(null, out _));
            Assert.Throws<ArgumentNullException>(() => Microarchitecture.Parse(null!));
            Assert.Throws<ArgumentNullException>(() => Microarchitecture.Parse("zen3").HasFeature(null!));
        }

        [Fact]
        public void Ancestors_are_in_archspec_order_parents_first()
        {
            // microarchitecture.py ancestors: the parents, then each parent's ancestors not yet listed.
            Assert.Equal(new[] { "ivybridge", "x86_64_v3", "sandybridge", "westmere", "nehalem", "core2", "x86_64_v2", "nocona", "x86_64" }, Microarchitecture.Parse("haswell").Ancestors.Select(a => a.Name));
            Assert.Equal(new[] { "zen2", "zen", "x86_64_v3", "x86_64_v2", "x86_64" }, Microarchitecture.Parse("zen3").Ancestors.Select(a => a.Name));
            Assert.Equal(new[] { "neoverse_n1", "armv8.4a" }, Microarchitecture.Parse("neoverse_v1").Parents.Select(a => a.Name));
            Assert.Empty(Microarchitecture.Parse("x86_64").Ancestors);
            Assert.Equal(8, Microarchitecture.Parse("power8le").Generation);
            Assert.Equal("AuthenticAMD", Microarchitecture.Parse("zen3").Vendor);
            Assert.Equal("generic", Microarchitecture.Parse("x86_64_v3").Vendor);
        }
    }
}
