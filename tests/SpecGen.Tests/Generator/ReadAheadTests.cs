extern alias Generator;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Generator::SpecGen.Generator.Model;
using Generator::SpecGen.Generator.Pages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Scale;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// A command-line build's pages are read on a second thread too (<see cref="ReadAhead"/>): a helper starts only when
    /// the driver's thread reads the registered pages in order, and whichever thread reads a page, its result is the
    /// one the page reader gives on its own; a run with the same pages and no stamps (no helper) generates the same.
    /// </summary>
    public class ReadAheadTests
    {
        private static readonly ReadOptions Options = new ReadOptions(ReadOptions.DefaultMaxPageSize);

        private static readonly IReadOnlyList<SyntheticPage> Pages = SyntheticPages.Generate(1, 400, seed: 7);

        [Fact]
        public void A_helper_reads_the_pages_the_driver_has_not_and_each_result_is_the_page_readers_own()
        {
            PageText[] texts = Register(stamped: true);

            var results = new PageResult[texts.Length];
            for (int i = 0; i < ReadAhead.StartAfter; i++)
            {
                results[i] = ReadAhead.Read(texts[i], Options, CancellationToken.None);
            }

            // The helper has started; let it end before this thread goes on: it reads every page this thread has not, and
            // none of those this thread read before it started.
            var wait = Stopwatch.StartNew();
            while (!ReadAhead.LastHelperDone && wait.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(1);
            }

            Assert.True(ReadAhead.LastHelperDone);
            Assert.Equal(texts.Length - ReadAhead.StartAfter, ReadAhead.LastHelperPages);
            for (int i = ReadAhead.StartAfter; i < texts.Length; i++)
            {
                results[i] = ReadAhead.Read(texts[i], Options, CancellationToken.None);
            }

            for (int i = 0; i < texts.Length; i++)
            {
                Assert.Equal(PageReader.Read(texts[i].Path, texts[i].Text!, Options, CancellationToken.None), results[i]);
            }

            Assert.All(texts, text => Assert.Null(text.HelperResult));
        }

        [Fact]
        public void A_helper_stops_when_the_reads_leave_the_registered_order()
        {
            PageText[] texts = Register(stamped: true);
            for (int i = 0; i < ReadAhead.StartAfter; i++)
            {
                ReadAhead.Read(texts[i], Options, CancellationToken.None);
            }

            Assert.NotEqual(-1, ReadAhead.LastHelperPages);
            Assert.False(ReadAhead.LastHelperStopped);

            // A page past the next one (the run reads only some of its texts): the helper is told to stop, and the page is read.
            Assert.Equal(PageReader.Read(texts[100].Path, texts[100].Text!, Options, CancellationToken.None), ReadAhead.Read(texts[100], Options, CancellationToken.None));
            Assert.True(ReadAhead.LastHelperStopped);
        }

        [Fact]
        public void No_helper_starts_for_texts_read_out_of_order_for_too_few_without_stamps_or_when_the_project_turns_it_off()
        {
            // SpecGenReadAhead=false.
            PageText[] off = Register(stamped: true);
            foreach (PageText text in off.Take(ReadAhead.StartAfter + 1))
            {
                ReadAhead.Read(text, Options with { ReadAhead = false }, CancellationToken.None);
            }

            Assert.Equal(-1, ReadAhead.LastHelperPages);

            // Reads that skip a registered text (a run that reads only the pages that changed): none.
            PageText[] texts = Register(stamped: true);
            for (int i = 1; i <= ReadAhead.StartAfter + 1; i++)
            {
                ReadAhead.Read(texts[i], Options, CancellationToken.None);
            }

            Assert.Equal(-1, ReadAhead.LastHelperPages);

            // Fewer registered texts than a helper is worth.
            texts = Register(stamped: true, count: ReadAhead.MinimumPages - 1);
            foreach (PageText text in texts.Take(ReadAhead.StartAfter + 1))
            {
                ReadAhead.Read(text, Options, CancellationToken.None);
            }

            Assert.Equal(-1, ReadAhead.LastHelperPages);

            // No stamps (an IDE's compilation): nothing registered.
            texts = Register(stamped: false);
            foreach (PageText text in texts.Take(ReadAhead.StartAfter + 1))
            {
                ReadAhead.Read(text, Options, CancellationToken.None);
            }

            Assert.Equal(-1, ReadAhead.LastHelperPages);
        }

        [Fact]
        public void A_stamped_run_generates_what_a_run_without_stamps_does()
        {
            string[] paths = Pages.Select(p => "/pages/" + p.RelativePath).ToArray();
            string list = GeneratorHarness.InputListText(paths, Array.Empty<string>());
            string stamps = InputList.StampsHeader + "\n" + string.Concat(paths.Select(p => "2026-12-07 00:00:00.0000000|" + p + "\n"));
            AdditionalText[] Texts(bool stamped) => Pages.Select((p, i) => (AdditionalText)new MemoryAdditionalText(paths[i], p.Text))
                .Append(new MemoryAdditionalText("/obj/" + InputList.FileName, list))
                .Concat(stamped ? new AdditionalText[] { new MemoryAdditionalText("/obj/" + InputList.StampsFileName, stamps) } : Array.Empty<AdditionalText>())
                .ToArray();

            GeneratorOutput plain = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Texts(stamped: false), isPage: _ => false), GeneratorHarness.NewCompilation());
            Assert.Equal(-1, ReadAhead.LastHelperPages);
            GeneratorOutput stamped = GeneratorHarness.Run(GeneratorHarness.CreateDriver(Texts(stamped: true), isPage: _ => false), GeneratorHarness.NewCompilation());
            Assert.NotEqual(-1, ReadAhead.LastHelperPages);

            Assert.Equal(plain.Sources.OrderBy(s => s.Key, StringComparer.Ordinal), stamped.Sources.OrderBy(s => s.Key, StringComparer.Ordinal));
            Assert.Equal(plain.Diagnostics.Select(d => d.ToString()), stamped.Diagnostics.Select(d => d.ToString()));
            Assert.Empty(stamped.Errors);
        }

        /// <summary>The pages' texts as the page texts' step makes them, registered on this thread as one run.</summary>
        private static PageText[] Register(bool stamped, int count = 400)
        {
            return Pages.Take(count)
                .Select(p => ReadAhead.Register(new PageText("/pages/" + p.RelativePath, SourceText.From(p.Text), null), stamped, CancellationToken.None))
                .ToArray();
        }
    }
}
