extern alias Generator;

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Generator::SpecGen.Format;
using Generator::SpecGen.Generator.Model;
using Generator::SpecGen.Generator.Pages;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// Pages read apart keep one instance of each equal value (what the driver holds for every page of a snapshot),
    /// and sharing never changes a value: a different value in the same slot takes it over.
    /// The table is the process's: these tests run alone, so no other test's pages take a slot between two reads.
    /// </summary>
    [Collection(nameof(SharedValuesCollection))]
    public class SharedValuesTests
    {
        [Fact]
        public void Two_pages_read_apart_hold_one_instance_of_each_equal_value()
        {
            TestPage page = TestPaths.CorpusPage("develop-2025-04-20", "boost");
            PageModel first = Read("/a/" + page.Path, page.Text);
            PageModel second = Read("/b/" + page.Path, page.Text);
            Assert.Equal(first.Specs, second.Specs);

            // The table is lossy (a value whose slot another value of the page took is kept twice): most of each kind, not all.
            AssertMostlyShared("names", first.Names.Zip(second.Names, (a, b) => ((object)a.Name, (object)b.Name)));
            AssertMostlyShared("versions", first.Specs.Zip(second.Specs, (a, b) => ((object)a[SpecFields.Versions].Text!, (object)b[SpecFields.Versions].Text!)));
            AssertMostlyShared("variant lists", first.Specs.Zip(second.Specs, (a, b) => (a[SpecFields.Variants].Items.Identity!, b[SpecFields.Variants].Items.Identity!)));
            AssertMostlyShared(
                "variants, compilers, tag and package",
                first.Variants.Zip(second.Variants, (a, b) => ((object)a, (object)b))
                    .Concat(first.Compilers.Zip(second.Compilers, (a, b) => ((object)a, (object)b)))
                    .Append((first.Tag, second.Tag))
                    .Append((first.Package, second.Package)));
        }

        private static void AssertMostlyShared(string kind, IEnumerable<(object First, object Second)> pairs)
        {
            var list = pairs.ToList();
            Assert.True(list.Count >= 8, kind + ": " + list.Count + " values");
            int same = list.Count(p => ReferenceEquals(p.First, p.Second));
            Assert.True(same * 5 >= list.Count * 4, kind + ": " + same + " of " + list.Count + " are one instance");
        }

        [Fact]
        public void A_value_comes_back_equal_and_the_first_instance_is_kept_until_another_takes_its_slot()
        {
            string value = new string('v', 3) + Guid.NewGuid().ToString("N");
            string copy = new string(value.AsSpan());
            Assert.Same(value, SharedValues.Share(value));
            Assert.Same(value, SharedValues.Share(copy));

            // Values that may land in the same slot: each comes back equal to itself, whichever instance is kept.
            for (int i = 0; i < 100_000; i++)
            {
                string other = "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(other, SharedValues.Share(other));
            }

            Assert.Equal(value, SharedValues.Share(new string(value.AsSpan())));
            var list = new EquatableArray<string>(new[] { "a", value });
            var equal = new EquatableArray<string>(new[] { "a", copy });
            Assert.Equal(list, SharedValues.Share(list));
            Assert.Same(SharedValues.Share(list).Identity, SharedValues.Share(equal).Identity);
        }

        private static PageModel Read(string path, string text)
            => PageReader.Read(path, SourceText.From(text), new ReadOptions(ReadOptions.DefaultMaxPageSize), CancellationToken.None).Page!;
    }

    [CollectionDefinition(nameof(SharedValuesCollection), DisableParallelization = true)]
    public class SharedValuesCollection
    {
    }
}
