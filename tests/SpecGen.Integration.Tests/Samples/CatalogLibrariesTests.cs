using System;
using System.IO;
using System.Linq;
using CatalogConsumer;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Samples
{
    /// <summary>The catalog-library sample: one public catalog per tag of the bundled pages, combined by a consumer with no pages.</summary>
    public class CatalogLibrariesTests : IClassFixture<SampleCatalogFixture>
    {
        private readonly SpecCatalog _sample;

        public CatalogLibrariesTests(SampleCatalogFixture fixture)
        {
            _sample = fixture.Catalog;
        }

        private static string Key(Spec spec) => spec.Tag + "/" + spec.Hash;

        [Fact]
        public void The_libraries_combined_are_the_pages_compiled_as_one_catalog()
        {
            Assert.Equal(_sample.Tags, CatalogConsumerApp.Libraries.Select(l => Assert.Single(l.Tags)));
            Assert.Equal(_sample.Select(Key), CatalogConsumerApp.Catalog.Select(Key));
            Assert.Equal(_sample.Packages, CatalogConsumerApp.Catalog.Packages);
            foreach (string query in new[] { "python@3.11: target=x86_64_v3:", "py-gast", "%gcc@13:", "cmake os=ubuntu22.04" })
            {
                Assert.Equal(_sample.Query(query).Select(Key), CatalogConsumerApp.Catalog.Query(query).Select(Key));
            }
        }

        [Fact]
        public void The_consumer_counts_queries_and_finds_hashes()
        {
            var output = new StringWriter();
            Assert.Equal(0, CatalogConsumerApp.Run(Array.Empty<string>(), output, TextWriter.Null));
            Assert.Contains($"combined: {_sample.Count} specs of {_sample.Packages.Count} packages in {_sample.Tags.Count} tags", output.ToString(), StringComparison.Ordinal);
            foreach (string tag in _sample.Tags)
            {
                Assert.Contains($"{tag}: {_sample.Where(tag: tag).Count()} specs", output.ToString(), StringComparison.Ordinal);
            }

            output = new StringWriter();
            Assert.Equal(0, CatalogConsumerApp.Run(new[] { "py-gast", "target=aarch64:" }, output, TextWriter.Null));
            int expected = _sample.Query("py-gast target=aarch64:").Count();
            Assert.True(expected > 0);
            Assert.EndsWith(expected + " specs" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);

            Spec last = _sample[_sample.Count - 1];
            output = new StringWriter();
            Assert.Equal(0, CatalogConsumerApp.Run(new[] { "/" + last.Hash.Substring(0, 8) }, output, TextWriter.Null));
            Assert.Equal(last.Tag + ": " + last + Environment.NewLine, output.ToString());

            var error = new StringWriter();
            Assert.Equal(2, CatalogConsumerApp.Run(new[] { "py-gast ^python" }, TextWriter.Null, error));
            Assert.Contains("position 8", error.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public void The_consumer_answers_help_and_refuses_an_unknown_option_in_one_line()
        {
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.Equal(0, CatalogConsumerApp.Run(new[] { "--help" }, output, error));
            Assert.StartsWith("Usage: CatalogConsumer [QUERY | /HASH]", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(string.Empty, error.ToString());

            output = new StringWriter();
            Assert.Equal(2, CatalogConsumerApp.Run(new[] { "zlib", "--bogus" }, output, error));
            Assert.StartsWith("Unknown option '--bogus'.", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(string.Empty, output.ToString());

            // A variant written as its own argument is a query, not an option.
            Assert.Equal(0, CatalogConsumerApp.Run(new[] { "zlib", "-shared" }, TextWriter.Null, TextWriter.Null));
        }
    }
}
