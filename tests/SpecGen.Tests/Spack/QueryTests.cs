using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Spack
{
    /// <summary>
    /// Each difference from Spack found so far, with Spack's answer and the Spack code that decides it
    /// (spack/spack lib/spack/spack/...). The pages here are small, made for each rule; QueryVectors.txt covers the corpus.
    /// </summary>
    public class QueryTests
    {
        /// <summary>zlib's page with its first spec's variants replaced.</summary>
        private static SpecCatalog WithVariants(params string[] variants)
        {
            string list = "[" + string.Join(", ", variants.Select(v => System.Text.Json.JsonSerializer.Serialize(v))) + "]";
            string text = PageEdit.Replace(PageEdit.Zlib.Text, "[\"build_system=makefile\", \"+optimize\", \"+pic\", \"+shared\"]", list);
            return InMemoryCatalog.From(new[] { PageEdit.Zlib with { Text = text } });
        }

        private static int[] Found(SpecCatalog catalog, string query) => catalog.Query(query).Select(s => s.Index).ToArray();

        // variant.py VariantValue.__init__ keeps the values as a sorted set; satisfies compares sets for ':='.
        [Theory]
        [InlineData("cuda_arch:=80,80,90", true)]
        [InlineData("cuda_arch:=90,80", true)]
        [InlineData("cuda_arch:=80", false)]
        [InlineData("cuda_arch:=80,90,90,100", false)]
        [InlineData("patches:=a,b,b", true)]
        [InlineData("patches:=a,a", false)]
        public void Exact_values_compare_as_sets(string query, bool matches)
        {
            SpecCatalog catalog = WithVariants("cuda_arch:=80,90", "patches:=a,b");
            Assert.Equal(matches ? new[] { 0 } : Array.Empty<int>(), Found(catalog, query));
        }

        // spec_parser.py VALUE takes [a-zA-Z_0-9\-+*.,:=%^~/\\] unquoted; a quoted value takes anything.
        [Theory]
        [InlineData("languages=c,c++", "languages=c,c++")]
        [InlineData("flag=a+b", "flag=a+b")]
        [InlineData("flag=~x", "flag=~x")]
        [InlineData("range=1:2", "range=1:2")]
        [InlineData("eq=a=b", "eq=a=b")]
        [InlineData("pct=50%", "pct=50%")]
        [InlineData("caret=a^b", "caret=a^b")]
        [InlineData("path=/usr/lib", "path=/usr/lib")]
        [InlineData("glob=*.so", "glob=*.so")]
        [InlineData("dots=1.2.3", "dots=1.2.3")]
        [InlineData("note='a b'", "note='a b'")]
        [InlineData("note=\"it's\"", "note=\"it's\"")]
        public void Values_hold_what_spacks_value_token_holds(string pageVariant, string query)
        {
            SpecCatalog catalog = WithVariants(pageVariant);
            Assert.Equal(new[] { 0 }, Found(catalog, query));
        }

        // spec_parser.py: VERSION '@\s*', VERSION_LIST '\s*,\s*', BOOL_VARIANT '[~+-]\s*', DEPENDENCY '%' then blanks;
        // SpecNodeParser.parse gives what follows '%gcc' to the compiler node.
        [Theory]
        [InlineData("%gcc @13.2", 1)]
        [InlineData("% gcc", 2)]
        [InlineData("zlib@ 1.3", 3)]
        [InlineData("zlib@1.2, 1.3", 3)]
        [InlineData("+ shared", 3)]
        [InlineData("zlib ~ ipo", 0)]
        public void Blanks_where_spack_allows_them(string query, int count)
        {
            SpecCatalog catalog = InMemoryCatalog.From(new[] { PageEdit.Zlib });
            Assert.Equal(count, catalog.Query(query).Count());
        }

        [Fact]
        public void A_version_after_the_compiler_is_the_compilers()
        {
            SpecPattern pattern = SpecPattern.Parse("zlib %gcc @11.4");
            Assert.Null(pattern.Versions);
            Assert.Equal("11.4", pattern.CompilerVersions!.ToString());
        }

        // variant.py from_string_or_bool: '*' is any value; 'true'/'false' in any case is a bool; satisfies: patches by prefix.
        [Theory]
        [InlineData("build_system=*", 3)]
        [InlineData("patches=a1", 1)]
        [InlineData("patches=a1b2,c3", 1)]
        [InlineData("patches=b2", 0)]
        [InlineData("shared=TRUE", 3)]
        [InlineData("shared=tRuE", 3)]
        [InlineData("shared:=true", 3)]
        [InlineData("optimize=False", 0)]
        [InlineData("flag=true", 1)]
        [InlineData("+flag", 1)]
        [InlineData("~off", 1)]
        [InlineData("off=FALSE", 1)]
        public void Any_prefix_and_bool_values(string query, int count)
        {
            string text = PageEdit.Replace(PageEdit.Zlib.Text, "[\"build_system=makefile\", \"+optimize\", \"+pic\", \"+shared\"]", "[\"build_system=makefile\", \"+optimize\", \"+pic\", \"+shared\", \"patches:=a1b2c3d,c3d4e5f\", \"flag=true\", \"off=false\"]");
            SpecCatalog catalog = InMemoryCatalog.From(new[] { PageEdit.Zlib with { Text = text } });
            Assert.Equal(count, catalog.Query(query).Count());
        }

        // spec.py _add_flag: arch with one part is the target; operating_system is os; architecture is arch.
        [Theory]
        [InlineData("arch=x86_64_v3", 2)]
        [InlineData("arch=aarch64", 1)]
        [InlineData("operating_system=sequoia", 1)]
        [InlineData("architecture=linux-ubuntu24.04-x86_64_v3", 1)]
        [InlineData("architecture=linux-sequoia-aarch64", 0)]
        public void Arch_keys_and_aliases(string query, int count)
        {
            SpecCatalog catalog = InMemoryCatalog.From(new[] { PageEdit.Zlib });
            Assert.Equal(count, catalog.Query(query).Count());
        }

        // aliases.py LEGACY_COMPILER_TO_BUILTIN, applied to '%' names (spec_parser.py) and to the old pages' compilers.
        [Theory]
        [InlineData("%oneapi", 2)]
        [InlineData("%intel-oneapi-compilers", 2)]
        [InlineData("%oneapi@2024.2", 1)]
        [InlineData("%intel-oneapi-compilers@2025", 1)]
        [InlineData("%intel", 0)]
        public void Legacy_compiler_names_match_either_era(string query, int count)
        {
            TestPage old = PageEdit.Zlib with { Text = PageEdit.Zlib.Text.Replace("gcc@13.2.0", "oneapi@2024.2.1") };
            TestPage current = TestPage.Create("develop-2025-05-04", "zlib", PageEdit.Zlib.Text.Replace("develop-2025-04-20", "develop-2025-05-04").Replace("gcc@13.2.0", "intel-oneapi-compilers@2025.1.0"));
            SpecCatalog catalog = InMemoryCatalog.From(new[] { old, current });
            Assert.Equal(count, catalog.Query(query).Count());
            Assert.Equal("intel-oneapi-compilers", CompilerPattern.BuiltinName("oneapi"));
        }

        // version_types.py: numbers of any size (Python ints), also in the pre-release number.
        [Fact]
        public void Versions_with_huge_numbers_stay_distinct()
        {
            Assert.True(SpackVersion.Parse("1.0rc99999999999999999998") < SpackVersion.Parse("1.0rc99999999999999999999"));
            Assert.True(SpackVersion.Parse("1.0rc99999999999999999999") < SpackVersion.Parse("1.0rc100000000000000000000"));
            Assert.True(SpackVersion.Parse("1.0rc99999999999999999999") < SpackVersion.Parse("1.0"));
            Assert.NotEqual(SpackVersion.Parse("1.0rc99999999999999999998"), SpackVersion.Parse("1.0rc99999999999999999999"));
            Assert.True(VersionConstraint.Parse("1.0rc99999999999999999999:").Contains(SpackVersion.Parse("1.0rc100000000000000000000")));
            Assert.False(VersionConstraint.Parse("1.0rc99999999999999999999:").Contains(SpackVersion.Parse("1.0rc99999999999999999998")));
            Assert.True(VersionConstraint.Parse(":123456789012345678901234567890").Contains(SpackVersion.Parse("123456789012345678901234567890.5")));
        }

        // version_types.py ClosedOpenRange.from_version_range: [lo, next(hi)) is refused only when next(hi) < lo.
        [Theory]
        [InlineData("2:1", true)]
        [InlineData("1.5:1.4", true)]
        [InlineData("1.6:1.4", false)]
        [InlineData("3:1", false)]
        public void An_empty_range_parses_and_holds_nothing(string range, bool accepted)
        {
            Assert.Equal(accepted, VersionConstraint.TryParse(range, out VersionConstraint? constraint));
            if (accepted)
            {
                Assert.False(constraint!.Contains(SpackVersion.Parse("1.5")));
                Assert.False(constraint.Contains(SpackVersion.Parse("2")));
                Assert.Empty(InMemoryCatalog.From(new[] { PageEdit.Zlib }).Query("zlib@" + range));
            }
        }

        // What cache pages cannot answer is refused, saying so (dependencies, propagation, virtuals, edge attributes,
        // the host's reserved names without a host).
        [Theory]
        [InlineData("zlib ^cmake", "dependencies ('^')")]
        [InlineData("zlib ++shared", "propagation")]
        [InlineData("zlib shared==true", "propagation")]
        [InlineData("zlib %gcc+binutils", "not its variants")]
        [InlineData("hdf5 %cmake", "'cmake' is not a compiler: in Spack 1.x (which SpecGen follows)")]
        [InlineData("zlib %mpi", "'mpi' is a virtual package")]
        [InlineData("mpi@3:", "'mpi' is a virtual package")]
        [InlineData("zlib %[deptypes=build] gcc", "'deptypes'")]
        [InlineData("zlib %[when=+shared] gcc", "'when'")]
        [InlineData("zlib %c@11", "Spec._provides_virtual")]
        [InlineData("zlib os=default_os", "SpecCatalog.Query(query, host)")]
        [InlineData("zlib target=fe", "deprecated in Spack")]
        public void Out_of_scope_queries_say_why(string query, string why)
        {
            FormatException error = Assert.Throws<FormatException>(() => SpecPattern.Parse(query));
            Assert.Contains(why, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Null_and_empty_queries()
        {
            SpecCatalog catalog = InMemoryCatalog.From(new[] { PageEdit.Zlib });
            Assert.Throws<ArgumentNullException>(() => catalog.Query((string)null!));
            Assert.Throws<ArgumentNullException>(() => catalog.Query((SpecPattern)null!));
            Assert.False(SpecPattern.TryParse(null, out _, out string? error));
            Assert.Equal("The query is null.", error);
            Assert.Equal(3, catalog.Query(" ").Count());
        }

        [Fact]
        public void Matches_agrees_with_query_on_every_spec()
        {
            SpecCatalog catalog = InMemoryCatalog.From(new[] { PageEdit.Zlib });
            foreach (string query in new[] { "zlib", "%gcc@13", "target=aarch64", "os=ubuntu22.04 platform=linux", "/n5m", "+pic build_system=makefile", "zlib@1.4:" })
            {
                SpecPattern pattern = SpecPattern.Parse(query);
                Assert.Equal(catalog.Where(pattern.Matches).Select(s => s.Index), catalog.Query(pattern).Select(s => s.Index));
            }

            Assert.Equal(new[] { true, false, false }, catalog.Select(SpecPattern.Parse("/n5mtx7t").Matches));
        }

        [Fact]
        public void Querying_allocates_nothing_per_spec()
        {
            SpecCatalog catalog = InMemoryCatalog.From(TestPaths.CorpusPages());
            SpecPattern[] patterns =
            {
                SpecPattern.Parse("+shared target=x86_64_v3 %gcc@11:"),
                SpecPattern.Parse("patches=a44 fabrics:=none cflags=-O2"),
                SpecPattern.Parse("python@3.11: build_system=* /a %oneapi"),
            };

            Allocations.AssertNone(() =>
            {
                int n = 0;
                foreach (SpecPattern pattern in patterns)
                {
                    foreach (Spec spec in catalog.Query(pattern))
                    {
                        n++;
                    }
                }

                return n;
            });
        }
    }
}
