using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    public class CatalogLookupTests : IClassFixture<CorpusCatalogFixture>
    {
        private readonly SpecCatalog _catalog;

        public CatalogLookupTests(CorpusCatalogFixture fixture)
        {
            _catalog = fixture.Catalog;
        }

        [Fact]
        public void Every_hash_is_found_by_itself_and_by_its_shortest_unique_prefix()
        {
            string[] hashes = _catalog.Select(s => s.Hash).Distinct().OrderBy(h => h, StringComparer.Ordinal).ToArray();
            Assert.Equal(hashes.Length, _catalog.HashCount);
            for (int i = 0; i < hashes.Length; i++)
            {
                string hash = hashes[i];
                Assert.True(_catalog.TryFindByHash(hash, out Spec spec));
                Assert.Equal(hash, spec.Hash);

                int unique = UniquePrefixLength(hashes, i);
                Assert.True(_catalog.TryFindByHash(hash.AsSpan(0, unique), out Spec byPrefix), hash + " by " + unique);
                Assert.Equal(spec, byPrefix);
                if (unique > 1)
                {
                    Assert.False(_catalog.TryFindByHash(hash.AsSpan(0, unique - 1), out _));
                    Assert.Equal(HashMatchStatus.Ambiguous, _catalog.FindByHash(hash.AsSpan(0, unique - 1)).Status);
                }
            }
        }

        [Fact]
        public void The_default_short_hash_finds_the_seed_spec()
        {
            Assert.True(_catalog.TryFindByHash("7u33aej", out Spec spec));
            Assert.Equal("7u33aejtwnddwzz5674krdvmhbgnqjq5", spec.Hash);
            Assert.Equal("7u33aej", spec.ShortHash);
            Assert.Equal("py-gast", spec.Package);
        }

        [Theory]
        [InlineData("")]
        [InlineData("7U33AEJ")]
        [InlineData("7u33aej0")]
        [InlineData("7u33aejtwnddwzz5674krdvmhbgnqjq5x")]
        [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
        [InlineData("22222")]
        [InlineData("/7u33aej")]
        [InlineData("7u33aej ")]
        public void Strings_that_are_no_hash_prefix_find_nothing(string text)
        {
            Assert.False(_catalog.TryFindByHash(text, out Spec spec));
            Assert.Equal(default, spec);
            Assert.Equal(HashMatchStatus.NotFound, _catalog.FindByHash(text).Status);
        }

        [Fact]
        public void Each_single_character_prefix_is_ambiguous_or_unique_as_the_hashes_say()
        {
            foreach (char c in "234567abcdefghijklmnopqrstuvwxyz")
            {
                int count = _catalog.Select(s => s.Hash).Distinct().Count(h => h[0] == c);
                HashMatch match = _catalog.FindByHash(c.ToString());
                Assert.Equal(count == 0 ? HashMatchStatus.NotFound : count == 1 ? HashMatchStatus.Found : HashMatchStatus.Ambiguous, match.Status);
            }
        }

        [Fact]
        public void Filters_match_what_linq_finds_for_every_single_value_and_pairs()
        {
            Spec[] all = _catalog.ToArray();
            foreach (string stack in _catalog.Stacks)
            {
                Check(_catalog.Where(stack: stack), all.Where(s => s.Stacks.Contains(stack)));
            }

            foreach (string target in _catalog.Targets)
            {
                Check(_catalog.Where(target: target), all.Where(s => s.Target == target));
                foreach (string os in _catalog.OperatingSystems)
                {
                    Check(_catalog.Where(target: target, os: os), all.Where(s => s.Target == target && s.Os == os));
                }
            }

            foreach (string platform in _catalog.Platforms)
            {
                Check(_catalog.Where(platform: platform), all.Where(s => s.Platform == platform));
            }

            foreach (string package in _catalog.Packages)
            {
                Check(_catalog.Where(package: package), all.Where(s => s.Package == package));
                foreach (string tag in _catalog.Tags)
                {
                    Check(_catalog.Where(package: package, tag: tag), all.Where(s => s.Package == package && s.Tag == tag));
                    Check(_catalog.Where(package: package, tag: tag, stack: "root", target: "x86_64_v3"), all.Where(s => s.Package == package && s.Tag == tag && s.Target == "x86_64_v3"));
                }
            }

            foreach (string tag in _catalog.Tags)
            {
                Check(_catalog.Where(tag: tag), all.Where(s => s.Tag == tag));
            }

            Check(_catalog.Where(stack: "e4s", target: "x86_64_v3", os: "ubuntu22.04", platform: "linux"), all.Where(s => s.Stacks.Contains("e4s") && s.Target == "x86_64_v3" && s.Os == "ubuntu22.04" && s.Platform == "linux"));
            Check(_catalog.All, all);
            Check(_catalog.Where(), all);
        }

        [Fact]
        public void An_unknown_filter_value_matches_nothing()
        {
            Assert.Equal(0, _catalog.Where(stack: "no-such-stack").Count());
            Assert.False(_catalog.Where(package: "py-gast", target: "sparc").Any());
            Assert.Empty(_catalog.Where(tag: "v9.9.9"));
            Assert.Empty(default(SpecQuery));
        }

        [Fact]
        public void Every_stack_is_in_root_and_counts_add_up()
        {
            Assert.Equal(_catalog.Count, _catalog.Where(stack: "root").Count());
            Assert.Equal(_catalog.Count, _catalog.Tags.Sum(t => _catalog.Where(tag: t).Count()));
            Assert.Equal(_catalog.Count, _catalog.Packages.Sum(p => _catalog.Where(package: p).Count()));
        }

        [Fact]
        public void Spec_prints_in_spack_syntax()
        {
            Assert.True(_catalog.TryFindByHash("7u33aejtwnddwzz5674krdvmhbgnqjq5", out Spec gast));
            Assert.Equal("py-gast@0.5.4 build_system=python_pip arch=linux-ubuntu24.04-aarch64 /7u33aej", gast.ToString());

            Assert.True(_catalog.TryFindByHash("acfejrq", out Spec bc));
            Assert.Equal("bc@1.07.1 build_system=autotools arch=linux-ubuntu22.04-x86_64_v3 /acfejrq %gcc@=11.4.0", bc.ToString());

            // Every cmake spec, its expectation written from the page's own JSON (not from the catalog).
            var raw = PageOracle.ReadRaw(TestPaths.CorpusPage("develop-2025-04-20", "cmake").Text);
            Spec[] cmake = _catalog.Where(package: "cmake").ToArray();
            Assert.Equal(raw.Count, cmake.Length);
            for (int i = 0; i < raw.Count; i++)
            {
                string compiler = raw[i]["compiler"].GetString()!;
                string expected = "cmake@" + raw[i]["versions"][0].GetString()
                    + string.Concat(raw[i]["variants"].EnumerateArray().Select(v => " " + v.GetString()))
                    + " arch=" + raw[i]["platform"].GetString() + "-" + raw[i]["os"].GetString() + "-" + raw[i]["target"].GetString()
                    + " /" + raw[i]["hash"].GetString()!.Substring(0, 7)
                    + (compiler == "none" ? string.Empty : " %" + compiler);
                Assert.Equal(expected, cmake[i].ToString());
            }
        }

        [Fact]
        public void Spec_fields_are_exposed_with_their_parts()
        {
            Assert.True(_catalog.TryFindByHash("fbj5gzurwhh7yfi6i7dytftm4yzr3azk", out Spec spec));
            Assert.Equal("v0.23.1", spec.Tag);
            Assert.Equal("0.5.4", spec.Version.ToString());
            Assert.Equal(SpackVersion.Parse("0.5.4"), spec.Version);
            Assert.False(spec.Compiler.IsNone);
            Assert.Equal("gcc", spec.Compiler.Name);
            Assert.Equal("9.4.0", spec.Compiler.Version.ToString());
            Assert.True(spec.Compiler.IsExact);
            Assert.Equal("gcc@=9.4.0", spec.Compiler.Text);
            Assert.Equal("linux-ubuntu20.04-ppc64le", spec.Arch);
            Assert.Equal(new[] { "e4s-power", "root" }, spec.Stacks.ToArray());
            Assert.Null(spec.Size);
            Assert.Equal("-", spec.SizeText);
            Assert.Equal("https://binaries.spack.io/v0.23.1/build_cache/linux-ubuntu20.04-ppc64le/gcc-9.4.0/py-gast-0.5.4/linux-ubuntu20.04-ppc64le-gcc-9.4.0-py-gast-0.5.4-fbj5gzurwhh7yfi6i7dytftm4yzr3azk.spack", spec.Tarball);
            Variant variant = Assert.Single(spec.Variants);
            Assert.Equal("build_system", variant.Name);
            Assert.Equal(VariantKind.Single, variant.Kind);
            Assert.Equal(new[] { "python_pip" }, variant.Values.ToArray());

            Assert.True(_catalog.TryFindByHash("7u33aej", out Spec none));
            Assert.True(none.Compiler.IsNone);
            Assert.Null(none.Tarball);
        }

        [Fact]
        public void Variants_are_parsed_into_kind_name_and_values()
        {
            var byText = new Dictionary<string, Variant>();
            foreach (Spec spec in _catalog)
            {
                foreach (Variant v in spec.Variants)
                {
                    byText[v.Text] = v;
                }
            }

            Assert.Equal(VariantKind.Bool, byText["+shared"].Kind);
            Assert.True(byText["+shared"].IsEnabled);
            Assert.Equal("shared", byText["+shared"].Name);
            Assert.Empty(byText["+shared"].Values);
            Assert.False(byText["~doc"].IsEnabled);
            Assert.Equal(VariantKind.Multi, byText["patches:=2017b3e,e061875"].Kind);
            Assert.True(byText["patches:=2017b3e,e061875"].IsExact);
            Assert.Equal(new[] { "2017b3e", "e061875" }, byText["patches:=2017b3e,e061875"].Values.ToArray());
            Assert.Equal(new[] { "c", "c++", "fortran" }, byText["languages:='c,c++,fortran'"].Values.ToArray());
            Assert.Equal(VariantKind.Multi, byText["cuda_arch:=80"].Kind);
            Assert.Equal(VariantKind.Single, byText["build_type=Release"].Kind);
        }

        [Fact]
        public void Lookups_filters_and_enumeration_allocate_nothing()
        {
            Allocations.AssertNone(Exercise);
        }

        private int Exercise()
        {
            int found = 0;
            found += _catalog.TryFindByHash("7u33aejtwnddwzz5674krdvmhbgnqjq5", out _) ? 1 : 0;
            found += _catalog.TryFindByHash("7u33aej", out _) ? 1 : 0;
            found += _catalog.TryFindByHash("zzzzzzz", out _) ? 1 : 0;
            foreach (Spec spec in _catalog.FindByHash("fbj5"))
            {
                found += spec.Index >= 0 ? 1 : 0;
            }

            foreach (Spec spec in _catalog.Where(stack: "e4s", target: "x86_64_v3", os: "ubuntu22.04"))
            {
                found += spec.Stacks.Count;
            }

            foreach (Spec spec in _catalog.Where(package: "py-gast", tag: "v0.23.1", platform: "linux"))
            {
                found += spec.Variants.Count;
            }

            found += _catalog.Where(target: "aarch64").Count();
            foreach (Spec spec in _catalog)
            {
                found += spec.Package.Length > 0 ? 1 : 0;
            }

            return found;
        }

        private static void Check(SpecQuery query, IEnumerable<Spec> expected)
        {
            Spec[] wanted = expected.ToArray();
            Assert.Equal(wanted, query.ToArray());
            Assert.Equal(wanted.Length, query.Count());
            Assert.Equal(wanted.Length > 0, query.Any());
        }

        private static int UniquePrefixLength(string[] sorted, int i)
        {
            int length = 1;
            if (i > 0)
            {
                length = Math.Max(length, CommonPrefix(sorted[i], sorted[i - 1]) + 1);
            }

            if (i + 1 < sorted.Length)
            {
                length = Math.Max(length, CommonPrefix(sorted[i], sorted[i + 1]) + 1);
            }

            return length;
        }

        private static int CommonPrefix(string a, string b)
        {
            int n = 0;
            while (n < a.Length && n < b.Length && a[n] == b[n])
            {
                n++;
            }

            return n;
        }
    }
}
