using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using SpecGen.Format;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Pages
{
    /// <summary>
    /// Reads a run's pages on a second thread while the driver's thread reads them, without changing the step graph.
    /// Roslyn's driver runs a generator's steps on one thread and computes a step for all its entries before the next
    /// step: the page texts' step hands each new text of a command-line build (one with page stamps: never an IDE's) to
    /// <see cref="Register"/>, and the page reading step asks <see cref="Read"/> for each page in the same order. Once
    /// the first <see cref="StartAfter"/> reads have been exactly the first registered texts, and at least
    /// <see cref="MinimumPages"/> are registered, a helper thread reads the registered pages from the last one back. Each
    /// page is claimed by one thread (an interlocked flag on its <see cref="PageText"/>); the helper stops at the first
    /// page the driver's thread claimed, as soon as a read breaks the order (a run that reads only some of the registered
    /// pages), and when another run starts on the thread. A page's result is the same whichever thread reads it
    /// (<see cref="PageReader"/> is a function of the path, the text and the options; the helper takes the driver's
    /// thread's cultures), so the output is too. Should Roslyn's driver ever interleave the two steps, reads stop
    /// following the registered texts and the pages are read on one thread, as before. SpecGenReadAhead=false turns it
    /// off. Measured (tests/Benchmarks/RESULTS.md#pages-read-on-a-second-thread): at one snapshot the compile 0.05-0.2 s
    /// shorter, the generator's wall time 0.14-0.26 s.
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

        /// <summary>The texts registered on this thread in its current run, held weakly (a run may read none of them).</summary>
        [ThreadStatic]
        private static List<WeakReference<PageText>>? s_registered;

        /// <summary>The cancellation token of the run that registered them: another token is another run.</summary>
        [ThreadStatic]
        private static CancellationToken s_token;

        [ThreadStatic]
        private static bool s_reading;

        [ThreadStatic]
        private static int s_reads;

        [ThreadStatic]
        private static Helper? s_helper;

        /// <summary>Pages the helper of this thread's latest run read, or -1 when none was started.</summary>
        internal static int LastHelperPages => s_helper?.PagesRead ?? -1;

        /// <summary>Whether the helper of this thread's latest run has ended.</summary>
        internal static bool LastHelperDone => s_helper?.Done ?? false;

        /// <summary>Whether the helper of this thread's latest run was told to stop before it met the driver's thread.</summary>
        internal static bool LastHelperStopped => s_helper?.StopRequested ?? false;

        /// <summary>Registers a text the page texts' step has just read (only a command-line build's: <paramref name="stamped"/>).</summary>
        public static PageText Register(PageText text, bool stamped, CancellationToken cancellationToken)
        {
            if (s_reading || !s_token.Equals(cancellationToken))
            {
                // Another run on this thread: its texts come before its reads.
                s_helper?.Stop();
                s_helper = null;
                s_registered = null;
                s_reading = false;
                s_token = cancellationToken;
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
                s_helper = null;
            }

            int read = s_reads++;
            if (s_registered is { } registered)
            {
                if (read >= registered.Count || !registered[read].TryGetTarget(out PageText? next) || !ReferenceEquals(next, file))
                {
                    // The reads do not follow the registered texts (a run that reads only some of them): one thread.
                    s_registered = null;
                    s_helper?.Stop();
                }
                else if (read == StartAfter - 1 && options.ReadAhead && registered.Count >= MinimumPages)
                {
                    s_helper = Helper.TryStart(registered, StartAfter, options, cancellationToken);
                }
            }

            Helper? helper = s_helper;
            int state = helper is not null && ReferenceEquals(file.Helper, helper) ? Interlocked.CompareExchange(ref file.ReadState, TakenByDriver, Free) : Free;
            if (helper is not null && (state == TakenByHelper || state == ReadByHelper))
            {
                // The helper took this page: the one page where the two threads meet. Wait for its result. (Free: now this
                // thread's; TakenByDriver: a page of the first reads, this thread's from the start; Failed: read here.)
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
#pragma warning disable RS1035 // Not a locale of SpecGen's own: the driver's thread's, so that a message the runtime words (an exception's, in SPG0000) is the same whichever thread read the page.
            private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
            private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
#pragma warning restore RS1035
            private PageText?[]? _pages;
            private CancellationToken _cancellationToken;
            private int _pagesRead;
            private int _stop;
            private int _done;

            private Helper(PageText?[] pages, ReadOptions options, CancellationToken cancellationToken)
            {
                _pages = pages;
                Options = options;
                _cancellationToken = cancellationToken;
            }

            public ReadOptions Options { get; }

            public int PagesRead => Volatile.Read(ref _pagesRead);

            public bool StopRequested => Volatile.Read(ref _stop) != 0;

            public bool Done => Volatile.Read(ref _done) != 0;

            /// <summary>A helper for the registered pages past the first <paramref name="readAlready"/>, or null when no thread can be started.</summary>
            public static Helper? TryStart(List<WeakReference<PageText>> registered, int readAlready, ReadOptions options, CancellationToken cancellationToken)
            {
                var pages = new PageText?[registered.Count];
                for (int i = 0; i < pages.Length; i++)
                {
                    registered[i].TryGetTarget(out pages[i]);
                }

                var helper = new Helper(pages, options, cancellationToken);
                for (int i = 0; i < pages.Length; i++)
                {
                    if (pages[i] is { } page)
                    {
                        // The pages the driver's thread has read are its: the helper stops there at the latest.
                        page.ReadState = i < readAlready ? TakenByDriver : Free;
                        page.Helper = helper;
                    }
                }

                try
                {
                    new Thread(helper.Work) { IsBackground = true, Name = "SpecGen page reader" }.Start();
                    return helper;
                }
                catch (Exception)
                {
                    // No thread to be had (a limit of the host): every page is read on the driver's thread.
                    return null;
                }
            }

            public void Stop() => Volatile.Write(ref _stop, 1);

            private void Work()
            {
                PageText?[] pages = _pages!;
                try
                {
#pragma warning disable RS1035 // The driver's thread's cultures (above).
                    CultureInfo.CurrentCulture = _culture;
                    CultureInfo.CurrentUICulture = _uiCulture;
#pragma warning restore RS1035
                    for (int i = pages.Length - 1; i >= 0 && Volatile.Read(ref _stop) == 0; i--)
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
                        }
                        catch (Exception)
                        {
                            // Cancelled (PageReader reports everything else as a diagnostic): the driver's thread reads the page, and stops the same way.
                            Volatile.Write(ref page.ReadState, Failed);
                            return;
                        }
                    }
                }
                catch (Exception)
                {
                    // Nothing may escape a thread of the compiler's process; the driver's thread reads what is left.
                }
                finally
                {
                    // Nothing of the run stays alive through the helper, which the run's texts refer to.
                    _pages = null;
                    _cancellationToken = default;
                    Volatile.Write(ref _done, 1);
                }
            }
        }
    }
}
