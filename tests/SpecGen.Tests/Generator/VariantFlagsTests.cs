using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>A variant written with ':=' on a page stays exact in the generated catalog, and only that one.</summary>
    public class VariantFlagsTests
    {
        [Fact]
        public void An_exact_variant_of_a_page_is_exact_in_the_catalog()
        {
            string text = PageEdit.Replace(PageEdit.Zlib.Text, "\"+optimize\"", "\"+optimize\", \"x:=a,b\", \"y=c\"", 0);
            SpecCatalog catalog = GeneratorHarness.CompileCatalog(new[] { PageEdit.Zlib with { Text = text } });

            Spec spec = catalog.Single(s => s.Variants.TryGet("x", out _));
            Assert.True(spec.Variants.TryGet("x", out Variant x));
            Assert.True(spec.Variants.TryGet("y", out Variant y));
            Assert.True(spec.Variants.TryGet("build_system", out Variant buildSystem));
            Assert.Equal((true, false, false), (x.IsExact, y.IsExact, buildSystem.IsExact));
            Assert.Equal(new[] { "a", "b" }, x.Values.ToArray());
        }
    }
}
