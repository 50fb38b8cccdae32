using System.Collections.Generic;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    public class DeterminismTests
    {
        [Fact]
        public void Pages_in_any_order_give_the_same_source()
        {
            IReadOnlyList<TestPage> pages = TestPaths.CorpusPages();
            string? forward = GeneratorHarness.Run(pages).Source;
            string? backward = GeneratorHarness.Run(pages.Reverse()).Source;
            string? shuffled = GeneratorHarness.Run(pages.OrderBy(p => p.Text.Length)).Source;

            Assert.NotNull(forward);
            Assert.Equal(forward, backward);
            Assert.Equal(forward, shuffled);
        }

        [Fact]
        public void Two_runs_give_the_same_source()
        {
            IReadOnlyList<TestPage> pages = TestPaths.CorpusPages();

            Assert.Equal(GeneratorHarness.Run(pages).Source, GeneratorHarness.Run(pages).Source);
        }

        [Fact]
        public void Diagnostics_come_in_the_same_order_whatever_the_page_order()
        {
            TestPage page = TestPaths.CorpusPage("develop-2025-04-20", "zlib");
            string broken = page.Text.Replace("\"num_specs\": 3", "\"num_specs\": 4").Replace("layout: cache", "layout: cache\npermalink: /x/");
            var pages = new[]
            {
                page,
                new TestPage("/other/develop-2025-04-20/zlib/specs.md", page.Text),
                new TestPage("/a/develop-2025-04-20/zlib/specs.md", broken),
                new TestPage("/z/develop-2025-04-20/python/specs.md", broken.Replace("title: \"zlib\"", "title: \"python\"")),
                new TestPage("/third/develop-2025-04-20/zlib/specs.md", page.Text),
            };

            string[] forward = GeneratorHarness.Run(pages).Diagnostics.Select(d => d.ToString()).ToArray();
            string[] backward = GeneratorHarness.Run(pages.Reverse()).Diagnostics.Select(d => d.ToString()).ToArray();
            string[] shuffled = GeneratorHarness.Run(new[] { pages[3], pages[0], pages[4], pages[2], pages[1] }).Diagnostics.Select(d => d.ToString()).ToArray();

            Assert.Equal(6, forward.Length);
            Assert.Equal(forward, backward);
            Assert.Equal(forward, shuffled);
        }
    }
}
