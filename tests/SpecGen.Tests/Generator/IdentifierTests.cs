extern alias Generator;

using System;
using System.Linq;
using Generator::SpecGen.Generator.Catalog;
using Generator::SpecGen.Generator.Model;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    public class IdentifierTests
    {
        [Theory]
        [InlineData("py-gast", "PyGast")]
        [InlineData("e4s", "E4s")]
        [InlineData("x86_64_v3", "X86_64V3")]
        [InlineData("ubuntu24.04", "Ubuntu24_04")]
        [InlineData("develop-2025-04-20", "Develop2025_04_20")]
        [InlineData("3dtk", "_3dtk")]
        [InlineData("D", "D")]
        [InlineData("v0.23.1", "V0_23_1")]
        [InlineData("ml-linux-x86_64-cuda", "MlLinuxX86_64Cuda")]
        [InlineData("a--b", "AB")]
        [InlineData("-", "__")]
        [InlineData("intel-oneapi-compilers", "IntelOneapiCompilers")]
        [InlineData("v9-1", "V9_1")]
        [InlineData("v0-9", "V0_9")]
        public void Names_map_to_identifiers_by_the_documented_rule(string name, string identifier)
        {
            Assert.Equal(identifier, Identifiers.ToIdentifier(name));
        }

        [Fact]
        public void Colliding_names_keep_the_plain_identifier_for_the_ordinally_first()
        {
            var result = Identifiers.Assign(new[] { "py_gast", "py-gast", "py.gast" }, "Packages");

            Assert.Equal(new[] { "py-gast", "py.gast", "py_gast" }, result.Select(a => a.Name));
            Assert.Equal(new[] { "PyGast", "PyGast_2", "PyGast_3" }, result.Select(a => a.Identifier));
            Assert.Equal(new string?[] { null, "py-gast", "py-gast" }, result.Select(a => a.CollidedWith));
        }

        [Fact]
        public void A_suffix_never_takes_an_identifier_another_name_maps_to()
        {
            var result = Identifiers.Assign(new[] { "gast1", "gast-1", "gast1-2" }, "Packages");

            Assert.Equal(new[] { "gast-1", "gast1", "gast1-2" }, result.Select(a => a.Name));
            Assert.Equal(new[] { "Gast1", "Gast1_3", "Gast1_2" }, result.Select(a => a.Identifier));
        }

        [Fact]
        public void A_name_equal_to_its_class_name_is_renamed()
        {
            var result = Identifiers.Assign(new[] { "packages" }, "Packages");

            Assert.Equal("Packages_2", Assert.Single(result).Identifier);
            Assert.Equal("Packages", result[0].CollidedWith);
        }

        [Fact]
        public void The_pipeline_outside_the_compiler_reports_colliding_names_too()
        {
            // CatalogPipeline (the specgen tool's reader) builds the API with the catalog: its SPG0017 is in the result.
            TestPage page = PageEdit.Zlib with { Text = PageEdit.Zlib.Text.Replace("ubuntu24.04", "ubuntu22_04", StringComparison.Ordinal) };
            CatalogResult result = InMemoryCatalog.Build(new[] { page });
            Assert.Equal("SPG0017", Assert.Single(result.Diagnostics).Id);
        }

        [Fact]
        public void A_suffix_never_takes_the_class_name()
        {
            // The class is Foo_2: the second Foo becomes Foo_3.
            var result = Identifiers.Assign(new[] { "foo", "Foo" }, "Foo_2");

            Assert.Equal(new[] { "Foo", "Foo_3" }, result.Select(a => a.Identifier));
        }
    }
}
