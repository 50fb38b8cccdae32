using System;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Spack
{
    /// <summary>Queries in Spack's spec syntax against the sample's pages, checked against LINQ over the same specs.</summary>
    public class QueryTests : IClassFixture<SampleCatalogFixture>
    {
        private readonly SpecCatalog _catalog;
        private readonly Spec[] _all;

        public QueryTests(SampleCatalogFixture fixture)
        {
            _catalog = fixture.Catalog;
            _all = _catalog.ToArray();
        }

        private void Check(string query, Func<Spec, bool> expected)
        {
            Spec[] wanted = _all.Where(expected).ToArray();
            Assert.Equal(wanted, _catalog.Query(query).ToArray());
            Assert.Equal(wanted.Length, _catalog.Query(query).Count());
        }

        [Fact]
        public void The_issue_example_parses_and_matches_what_it_says()
        {
            const string Query = "py-gast@0.5: %gcc@11: +shared build_type=Release target=aarch64 os=ubuntu24.04 platform=linux";
            SpecPattern pattern = SpecPattern.Parse(Query);

            Assert.Equal("py-gast", pattern.Name);
            Assert.Equal("0.5:", pattern.Versions!.ToString());
            Assert.Equal("gcc", pattern.CompilerName);
            Assert.Equal("11:", pattern.CompilerVersions!.ToString());
            Assert.Equal(new[] { "shared", "build_type" }, pattern.Variants.Select(v => v.Name));
            Assert.Equal(true, pattern.Variants[0].Enabled);
            Assert.Equal(new[] { "Release" }, pattern.Variants[1].Values);
            Assert.Equal(("aarch64", "ubuntu24.04", "linux"), (pattern.Target, pattern.Os, pattern.Platform));
            Check(Query, s => s.Package == "py-gast" && !s.Compiler.IsNone && s.Compiler.Name == "gcc" && s.Variants.Any(v => v.Text == "+shared"));
        }

        [Fact]
        public void Name_version_and_target()
        {
            Check("py-gast@0.5: target=aarch64", s => s.Package == "py-gast" && s.Target == "aarch64");
            Check("py-gast@0.6:", s => false);
            Check("py-gast@:0.5.4", s => s.Package == "py-gast");
            Check("py-gast@=0.5.4", s => s.Package == "py-gast");
            Check("py-gast@=0.5", s => false);
            Check("cmake@3.30:", s => s.Package == "cmake" && s.Version >= SpackVersion.Parse("3.30"));
            Check("python@3.11", s => s.Package == "python" && s.Version.ToString().StartsWith("3.11.", StringComparison.Ordinal));
            Check("python@3.8:3.10", s => s.Package == "python" && s.Version >= SpackVersion.Parse("3.8") && s.Version < SpackVersion.Parse("3.11"));
            Check("python@3.6,3.13", s => s.Package == "python" && (s.Version.ToString().StartsWith("3.6.", StringComparison.Ordinal) || s.Version.ToString().StartsWith("3.13.", StringComparison.Ordinal)));
        }

        [Fact]
        public void Compilers()
        {
            Check("%gcc", s => !s.Compiler.IsNone && s.Compiler.Name == "gcc");
            Check("%gcc@13:", s => !s.Compiler.IsNone && s.Compiler.Name == "gcc" && s.Compiler.Version >= SpackVersion.Parse("13"));
            Check("%gcc@=11.4.0", s => s.Compiler.Text is "gcc@11.4.0" or "gcc@=11.4.0");
            Check("cmake%apple-clang", s => s.Package == "cmake" && s.Compiler.Text.StartsWith("apple-clang@", StringComparison.Ordinal));
            Check("%none", s => false);
        }

        [Fact]
        public void Variants()
        {
            Check("+shared", s => s.Variants.Any(v => v.Text == "+shared"));
            Check("~shared", s => s.Variants.Any(v => v.Text == "~shared"));
            Check("shared=true", s => s.Variants.Any(v => v.Text == "+shared"));
            Check("build_system=cmake", s => s.Variants.Any(v => v.Text == "build_system=cmake"));
            Check("build_type=Release", s => s.Variants.Any(v => v.Text == "build_type=Release"));
            Check("patches=2017b3e", s => s.Variants.Any(v => v.Name == "patches" && v.Values.Contains("2017b3e")));
            Check("patches:=2017b3e", s => s.Variants.Any(v => v.Name == "patches" && v.Values.Count == 1 && v.Values[0] == "2017b3e"));
            Check("libs=shared,static", s => s.Variants.Any(v => v.Name == "libs" && v.Values.Contains("shared") && v.Values.Contains("static")));
            Check("+nosuchvariant", s => false);
        }

        [Fact]
        public void Arch_hash_and_combinations()
        {
            Check("arch=linux-ubuntu24.04-aarch64", s => s.Arch == "linux-ubuntu24.04-aarch64");
            Check("platform=darwin", s => s.Platform == "darwin");
            Check("/7u33aej", s => s.Hash.StartsWith("7u33aej", StringComparison.Ordinal));
            Check("/a", s => s.Hash.StartsWith('a'));
            Check("zlib-ng@2:%gcc@11:+shared target=x86_64_v3", s => s.Package == "zlib-ng" && s.Version >= SpackVersion.Parse("2") && !s.Compiler.IsNone
                && s.Compiler.Name == "gcc" && s.Compiler.Version >= SpackVersion.Parse("11") && s.Variants.Any(v => v.Text == "+shared") && s.Target == "x86_64_v3");
            Check("nosuchpackage", s => false);
            Check(string.Empty, s => true);
        }

        [Theory]
        [InlineData("py-gast@", 7)]
        [InlineData("py-gast ^python", 8)]
        [InlineData("py-gast cmake", 8)]
        [InlineData("%", 0)]
        [InlineData("arch=linux-x86", 5)]
        [InlineData("/XYZ", 0)]
        [InlineData("cflags='-O2", 7)]
        [InlineData("py-gast@1.4:1.2", 7)]
        [InlineData("target=a target=b", 9)]
        [InlineData("!x", 0)]
        public void Malformed_queries_throw_naming_the_position(string query, int position)
        {
            FormatException error = Assert.Throws<FormatException>(() => _catalog.Query(query));
            Assert.Contains("position " + position, error.Message);
            Assert.False(SpecPattern.TryParse(query, out _, out _));
        }

        [Fact]
        public void Querying_allocates_nothing_per_spec()
        {
            SpecPattern pattern = SpecPattern.Parse("%gcc@11: +shared target=x86_64_v3");
            int Run()
            {
                int n = 0;
                foreach (Spec spec in _catalog.Query(pattern))
                {
                    n += spec.Index;
                }

                return n;
            }

            Allocations.AssertNone(Run);
        }
    }
}
