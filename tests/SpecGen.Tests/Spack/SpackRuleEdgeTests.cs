using System;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Spack
{
    /// <summary>
    /// Spack's rules at their edges, where the corpus has no example: compiler flags (spec.py FlagMap.satisfies:
    /// every flag asked for is among the spec's flags of that type), comparison operators on equal versions, the
    /// version after a non-numeric bound (version_types.py _next_version), and empty nodes.
    /// </summary>
    public class SpackRuleEdgeTests
    {
        /// <summary>The zlib page with flags on its specs: the first has cflags "-O2 -g" and cxxflags "-O3", the second ldflags "-Wl,-z,now", the third none.</summary>
        private static readonly Lazy<SpecCatalog> Flags = new Lazy<SpecCatalog>(() =>
        {
            string text = PageEdit.Zlib.Text;
            text = PageEdit.Replace(text, "\"variants\": [\"build_system=makefile\"", "\"variants\": [\"build_system=makefile\", \"cflags='-O2 -g'\", \"cxxflags=-O3\"", 0);
            text = PageEdit.Replace(text, "\"variants\": [\"build_system=makefile\", \"+optimize\"", "\"variants\": [\"build_system=makefile\", \"ldflags=-Wl,-z,now\", \"+optimize\"", 0);
            return InMemoryCatalog.From(new[] { PageEdit.Zlib with { Text = text } });
        });

        /// <summary>
        /// The zlib page with variants x and y set three ways: the first spec has <c>x:=true</c> (an exact set of one
        /// value, a list in Spack's spec.json) and <c>y:=a</c>, the second <c>x=true</c> (one value, which Spack reads as
        /// a bool) and <c>y:=a,b</c>, the third <c>x=ab</c> and <c>y=a</c>.
        /// </summary>
        private static readonly Lazy<SpecCatalog> Settings = new Lazy<SpecCatalog>(() =>
        {
            string text = PageEdit.Zlib.Text;
            text = PageEdit.Replace(text, "\"+optimize\"", "\"+optimize\", \"x:=true\", \"y:=a\"", 0);
            text = PageEdit.Replace(text, "\"+optimize\"", "\"+optimize\", \"x=true\", \"y:=a,b\"", 1);
            text = PageEdit.Replace(text, "\"+optimize\"", "\"+optimize\", \"x=ab\", \"y=a\"", 2);
            return InMemoryCatalog.From(new[] { PageEdit.Zlib with { Text = text } });
        });

        // variant.py VariantValue.satisfies and from_node_dict: a bool asked for holds only where the spec's value is one
        // value 'true' or 'false' (a list of one such string stays a string); a value other than for 'patches' is never a
        // prefix; ':=' needs the same set, each value asked for and no other.
        [Theory]
        [InlineData("+x", "1")]
        [InlineData("x=true", "1")]
        [InlineData("x:=TRUE", "1")]
        [InlineData("~x", "")]
        [InlineData("x=*", "0,1,2")]
        [InlineData("x=a", "")]
        [InlineData("x=ab", "2")]
        [InlineData("y:=a,b", "1")]
        [InlineData("y:=a", "0,2")]
        [InlineData("y=a", "0,1,2")]
        [InlineData("y=b", "1")]
        [InlineData("y:=b", "")]
        [InlineData("+shared", "0,1,2")]
        [InlineData("~pic", "")]
        public void Variants_hold_by_spacks_rule_for_each_way_a_page_sets_them(string query, string expected)
        {
            AssertSelects(Settings.Value, query, expected);
        }

        /// <summary>
        /// The spec indexes <paramref name="query"/> selects, the same three ways: <see cref="SpecCatalog.Query(string)"/>,
        /// <see cref="SpecPattern.Matches"/> spec by spec, and the binaries <see cref="SpecCatalog.Explain(SpecPattern)"/>
        /// calls a match (the rule on the settings as the page writes them: the path a lockfile's nodes take).
        /// </summary>
        private static void AssertSelects(SpecCatalog catalog, string query, string expected)
        {
            Assert.Equal(expected, string.Join(",", catalog.Query(query).Select(s => s.Index)));
            Assert.Equal(expected, string.Join(",", catalog.Where(s => SpecPattern.Parse(query).Matches(s)).Select(s => s.Index)));
            SpecExplanation explanation = catalog.Explain(SpecPattern.Parse(query.StartsWith("zlib", StringComparison.Ordinal) ? query : "zlib " + query));
            Assert.Equal(expected, string.Join(",", explanation.Nearest.Where(n => n.IsMatch).Select(n => n.Spec.Index).OrderBy(i => i)));
        }

        [Theory]
        [InlineData("cflags=-O2", "0")]
        [InlineData("cflags=-g", "0")]
        [InlineData("cflags='-g -O2'", "0")]
        [InlineData("cflags=\"-O2  -g\"", "0")]
        [InlineData("cflags=-O3", "")]
        [InlineData("cflags=-O", "")]
        [InlineData("cflags=-O2g", "")]
        [InlineData("cflags='-O2 -march=x'", "")]
        [InlineData("cxxflags=-O3", "0")]
        [InlineData("cxxflags=-O2", "")]
        [InlineData("cflags=-g cxxflags=-O3", "0")]
        [InlineData("cflags=-g cxxflags=-O2", "")]
        [InlineData("ldflags=-Wl,-z,now", "1")]
        [InlineData("ldflags=-Wl", "")]
        [InlineData("fflags=-O2", "")]
        [InlineData("zlib", "0,1,2")]
        public void Flags_need_every_flag_asked_for_among_the_specs_flags_of_that_type(string query, string expected)
        {
            AssertSelects(Flags.Value, query, expected);
        }

        [Fact]
        public void Flags_of_a_query_are_kept_in_its_pattern()
        {
            SpecPattern pattern = SpecPattern.Parse("zlib cflags='-O2 -g' ldflags=-s");
            Assert.Equal(new[] { "cflags", "ldflags" }, pattern.Flags.Select(f => f.Type));
            Assert.Equal(new[] { "-O2", "-g" }, pattern.Flags[0].Values);
            Assert.Equal("gcc", SpecPattern.Parse("zlib %gcc@12:").CompilerName);
            Assert.True(SpecPattern.Parse("zlib %gcc@12:").CompilerVersions!.Contains(SpackVersion.Parse("12.1")));
            Assert.Null(SpecPattern.Parse("zlib").CompilerName);
            Assert.Null(SpecPattern.Parse("zlib").CompilerVersions);
        }

        [Theory]
        [InlineData("1.2", "1.2", 0)]
        [InlineData("1.2", "1.10", -1)]
        [InlineData("1.10", "1.2", 1)]
        [InlineData("develop", "1.2", 1)]
        [InlineData("1.2", "1-2", 0)]
        public void Comparison_operators_agree_with_compare_to_on_equal_and_ordered_versions(string left, string right, int order)
        {
            SpackVersion a = SpackVersion.Parse(left);
            SpackVersion b = SpackVersion.Parse(right);

            Assert.Equal(order < 0, a < b);
            Assert.Equal(order > 0, a > b);
            Assert.Equal(order <= 0, a <= b);
            Assert.Equal(order >= 0, a >= b);
            Assert.Equal(Math.Sign(order), Math.Sign(a.CompareTo(b)));
        }

        // version_types.py: ':hi' holds everything below the version after the 'hi' series; after a word comes the
        // next word that is not a develop-like name, after 'develop' the next develop-like rank.
        [Theory]
        [InlineData(":1.2a", "1.2a", true)]
        [InlineData(":1.2a", "1.2a.5", true)]
        [InlineData(":1.2a", "1.2b", false)]
        [InlineData(":1.2z", "1.2z.1", true)]
        [InlineData(":1.2z", "1.2zA", false)]
        [InlineData(":1.2Z", "1.2a", false)]
        [InlineData(":1.2Z", "1.2Z.3", true)]
        [InlineData(":stable", "stable.2", true)]
        [InlineData(":stable", "nightly", false)]
        [InlineData(":develop", "develop.1", true)]
        [InlineData(":1.9", "1.9.9", true)]
        [InlineData(":1.9", "1.10", false)]
        [InlineData(":99", "99.1", true)]
        [InlineData(":99", "100", false)]
        [InlineData(":9", "10", false)]
        [InlineData(":199", "199.9", true)]
        [InlineData(":199", "200", false)]
        [InlineData(":1.stabld", "1.stablf", false)]
        [InlineData(":1.stabld", "1.stabldz", true)]
        [InlineData(":1.stabld", "1.stablea", true)] // the next word after 'stabld' is 'stablf' ('stable' is develop-like), and 'stablea' sorts below it
        [InlineData(":1.maim", "1.maio", false)]
        [InlineData(":1.z", "1.zA", false)]
        [InlineData("1.2:", "1.2rc1", false)]
        [InlineData(":1.2", "1.2rc1", true)]
        public void Upper_bounds_hold_their_series_and_nothing_after(string constraint, string version, bool contains)
        {
            Assert.Equal(contains, VersionConstraint.Parse(constraint).Contains(SpackVersion.Parse(version)));
        }

        [Theory]
        [InlineData("git.abc=1.2:1.4")]
        [InlineData("1.2:git.abc=1.4")]
        [InlineData("1.2:1.4:1.6")]
        [InlineData("=")]
        [InlineData("1.2,")]
        public void Malformed_constraints_are_refused(string constraint)
        {
            Assert.False(VersionConstraint.TryParse(constraint, out VersionConstraint? parsed, out string? error));
            Assert.Null(parsed);
            Assert.False(string.IsNullOrEmpty(error));
            Assert.Throws<FormatException>(() => VersionConstraint.Parse(constraint));
            Assert.Throws<ArgumentNullException>(() => VersionConstraint.Parse(null!));
        }

        [Theory]
        [InlineData("git.0123abcd=1.2", "git.0123abcd=1.2")]
        [InlineData("git.v1.2-beta=1.2", "git.v1.2-beta=1.2")]
        [InlineData("0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef01234567")]
        public void Git_versions_keep_their_text(string text, string expected)
        {
            Assert.Equal(expected, SpackVersion.Parse(text).ToString());
            Assert.True(SpackVersion.TryParse(text, out SpackVersion parsed));
            Assert.Equal(expected, parsed.ToString());
            Assert.False(SpackVersion.TryParse(null, out _));
            Assert.Throws<ArgumentNullException>(() => SpackVersion.Parse(null!));
        }

        [Theory]
        [InlineData("@1.2")]
        [InlineData("+shared")]
        [InlineData("target=x86_64")]
        [InlineData("os=ubuntu22.04")]
        [InlineData("platform=linux")]
        [InlineData("/abc")]
        [InlineData("cflags=-O2")]
        [InlineData("%gcc")]
        public void An_anonymous_node_with_one_attribute_is_a_query_and_an_empty_compiler_is_not(string query)
        {
            // spec_parser.py: an anonymous node may hold any one attribute; a '%' with nothing after it is an error.
            Assert.True(SpecPattern.TryParse(query, out SpecPattern? pattern, out string? problem), problem);
            Assert.Equal(query, pattern!.Text);
            Assert.False(SpecPattern.TryParse(query + " %", out _, out problem));
            Assert.Contains("%", problem, StringComparison.Ordinal);
        }

        // variant.py VariantValue.from_string_or_bool and the ':=' form: what a query's variant asks for.
        [Theory]
        [InlineData("zlib +x", true, "", true, false)]
        [InlineData("zlib ~x", false, "", true, false)]
        [InlineData("zlib x=true", true, "", true, false)]
        [InlineData("zlib x=FALSE", false, "", true, false)]
        [InlineData("zlib x=*", null, "", false, true)]
        [InlineData("zlib x=b,a,b", null, "a,b", false, false)]
        [InlineData("zlib x:=b,a", null, "a,b", true, false)]
        [InlineData("zlib x='b\\'a'", null, "b'a", false, false)]
        [InlineData("zlib x=\"b\\\"a\"", null, "b\"a", false, false)]
        public void A_variant_of_a_query_says_what_it_asks_for(string query, bool? enabled, string values, bool exact, bool any)
        {
            VariantPattern variant = Assert.Single(SpecPattern.Parse(query).Variants);
            Assert.Equal(("x", enabled, values, exact, any), (variant.Name, variant.Enabled, string.Join(",", variant.Values), variant.IsExact, variant.IsAny));
        }
    }
}
