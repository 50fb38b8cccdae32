using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using SpecGen.Format;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Pages
{
    /// <summary>
    /// Reads a run's pages on a second thread while the driver's thread reads them, without changing the step graph.
    /// The driver runs a generator's steps on one thread and computes a step for all its entries before the next step:
    /// the page texts' step hands each new text of a command-line build (one with page stamps: never an IDE's) to
    /// <see cref="Register"/>, and the page reading step asks <see cref="Read"/> for each page in the same order. Once
    /// the first <see cref="StartAfter"/> reads have been exactly the first registered pages, and at least
    /// <see cref="MinimumPages"/> are registered, a helper thread reads the registered pages from the last one back; each
    /// page is claimed by one thread (an interlocked flag on its <see cref="PageText"/>), and the helper stops at the
    /// first page the driver's thread claimed. A page's result is the same whichever thread reads it
    /// (<see cref="PageReader"/> is a function of the path, the text and the options), so the output is too.
    /// Measured at one snapshot (tests/Benchmarks/RESULTS.md): the generator in a fresh compiler about 0.2 s faster.
    /// </summary>
    internal static class ReadAhead
    {
        /// <summary>Pages the driver's thread reads before a helper starts (in order, the first registered ones).</summary>
        public const int StartAfter = 32;

        /// <summary>The fewest registered pages a helper is started for.</summary>
        public const int MinimumPages = 256;

        private const int Free = 0;
        private const int TakenByDriver = 1;
        private const int TakenByHelper = 2;
        private const int ReadByHelper = 3;
        private const int Failed = 4;

        /// <summary>The texts registered on this thread since its last page read, held weakly (a run may read none of them).</summary>
        [ThreadStatic]
        private static List<WeakReference<PageText>>? s_registered;

        /// <summary>The texts of the reading phase under way on this thread, until a helper takes them or the phase ends.</summary>
        [ThreadStatic]
        private static List<WeakReference<PageText>>? s_pending;

        [ThreadStatic]
        private static bool s_reading;

        [ThreadStatic]
        private static int s_reads;

        [ThreadStatic]
        private static Helper? s_helper;

        /// <summary>Pages read by helpers in this process (for tests and measurements).</summary>
        private static long s_helperPages;

        /// <summary>Pages the helper of this thread's latest reading phase read, or -1 when none was started.</summary>
        internal static int LastHelperPages => s_helper?.PagesRead ?? -1;

        internal static long HelperPagesTotal => Interlocked.Read(ref s_helperPages);

        /// <summary>Registers a text the page texts' step has just read (only a command-line build's: <paramref name="stamped"/>).</summary>
        public static PageText Register(PageText text, bool stamped)
        {
            if (s_reading)
            {
                // A new run on this thread: its texts come before its reads.
                s_reading = false;
                s_pending = null;
                s_helper = null;
            }

            if (stamped && text.Text is not null)
            {
                (s_registered ??= new List<WeakReference<PageText>>()).Add(new WeakReference<PageText>(text));
            }

            return text;
        }

        /// <summary>The page's result: the helper's, when it read the page, else read here.</summary>
        [MethodImpl(Jit.Hot)]
        public static PageResult Read(PageText file, ReadOptions options, CancellationToken cancellationToken)
        {
            if (!s_reading)
            {
                s_reading = true;
                s_reads = 0;
                s_pending = s_registered;
                s_registered = null;
                s_helper = null;
            }

            int read = s_reads++;
            List<WeakReference<PageText>>? pending = s_pending;
            if (pending is not null)
            {
                if (read >= pending.Count || !pending[read].TryGetTarget(out PageText? registered) || !ReferenceEquals(registered, file))
                {
                    // The reads do not follow the registered texts (a run that reads only some of them): no helper.
                    s_pending = null;
                }
                else if (read == StartAfter - 1)
                {
                    s_pending = null;
                    if (pending.Count >= MinimumPages)
                    {
                        s_helper = Helper.Start(pending, options, cancellationToken);
                    }
                }
            }

            Helper? helper = s_helper;
            if (helper is not null && ReferenceEquals(file.Helper, helper) && Interlocked.CompareExchange(ref file.ReadState, TakenByDriver, Free) != Free)
            {
                // The helper took this page: the one page where the two threads meet. Wait for its result.
                var spin = default(SpinWait);
                while (Volatile.Read(ref file.ReadState) == TakenByHelper)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    spin.SpinOnce();
                }

                if (Volatile.Read(ref file.ReadState) == ReadByHelper && file.HelperResult is PageResult result && helper.Options.Equals(options))
                {
                    file.HelperResult = null;
                    return result;
                }
            }

            return PageReader.Read(file.Path, file.Text!, options, cancellationToken);
        }

        /// <summary>A second thread reading one run's registered pages from the last one back.</summary>
        private sealed class Helper
        {
            private PageText?[]? _pages;
            private CancellationToken _cancellationToken;
            private int _pagesRead;

            private Helper(PageText?[] pages, ReadOptions options, CancellationToken cancellationToken)
            {
                _pages = pages;
                Options = options;
                _cancellationToken = cancellationToken;
            }

            public ReadOptions Options { get; }

            public int PagesRead => Volatile.Read(ref _pagesRead);

            public static Helper Start(List<WeakReference<PageText>> registered, ReadOptions options, CancellationToken cancellationToken)
            {
                var pages = new PageText?[registered.Count];
                for (int i = 0; i < pages.Length; i++)
                {
                    registered[i].TryGetTarget(out pages[i]);
                }

                var helper = new Helper(pages, options, cancellationToken);
                foreach (PageText? page in pages)
                {
                    if (page is not null)
                    {
                        page.Helper = helper;
                    }
                }

                new Thread(helper.Work) { IsBackground = true, Name = "SpecGen page reader" }.Start();
                return helper;
            }

            private void Work()
            {
                PageText?[] pages = _pages!;
                try
                {
                    for (int i = pages.Length - 1; i >= 0; i--)
                    {
                        PageText? page = pages[i];
                        if (page is null)
                        {
                            continue;
                        }

                        if (Interlocked.CompareExchange(ref page.ReadState, TakenByHelper, Free) != Free)
                        {
                            // The driver's thread has come this far: every page before this one is its.
                            return;
                        }

                        try
                        {
                            page.HelperResult = PageReader.Read(page.Path, page.Text!, Options, _cancellationToken);
                            Volatile.Write(ref page.ReadState, ReadByHelper);
                            Interlocked.Increment(ref _pagesRead);
                            Interlocked.Increment(ref s_helperPages);
                        }
                        catch (Exception)
                        {
                            // Cancelled (PageReader reports everything else as a diagnostic): the driver's thread reads the page, and stops the same way.
                            Volatile.Write(ref page.ReadState, Failed);
                            return;
                        }
                    }
                }
                finally
                {
                    // Nothing of the run stays alive through the helper, which the run's texts refer to.
                    _pages = null;
                    _cancellationToken = default;
                }
            }
        }
    }
}
