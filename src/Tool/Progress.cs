using System;
using System.IO;

namespace SpecGen.Tool
{
    /// <summary>
    /// Progress of long work on standard error: on a terminal one line redrawn in place, with a bar
    /// (<c>[#######.............] 7/20 develop-2025-04-20/zlib: downloaded</c>); redirected, a plain line per item
    /// (<c>[7/20] develop-2025-04-20/zlib: downloaded</c>). Notes (a retry, a failure) are always lines of their own.
    /// </summary>
    internal sealed class Progress
    {
        private const int BarWidth = 20;
        private readonly object _gate = new object();
        private readonly TextWriter _error;
        private readonly bool _interactive;
        private readonly int _total;
        private readonly bool _quiet;
        private int _done;
        private bool _drawn;

        /// <param name="quiet">Only on a terminal: no plain lines when redirected (for work whose items are not worth a line each).</param>
        public Progress(ToolContext context, int total, bool quiet = false)
        {
            _error = context.Error;
            _interactive = context.Interactive;
            _total = total;
            _quiet = quiet;
        }

        /// <summary>One item done.</summary>
        public void Item(string what)
        {
            lock (_gate)
            {
                _done++;
                if (_interactive)
                {
                    int filled = _total == 0 ? BarWidth : _done * BarWidth / _total;
                    _error.Write("\r\u001b[K[" + new string('#', filled) + new string('.', BarWidth - filled) + "] " + _done + "/" + _total + " " + what);
                    _drawn = true;
                }
                else if (!_quiet)
                {
                    _error.WriteLine("[" + _done + "/" + _total + "] " + what);
                }
            }
        }

        /// <summary>A line of its own (a retry, a failure), above the bar on a terminal.</summary>
        public void Note(string line)
        {
            lock (_gate)
            {
                Clear();
                _error.WriteLine(line);
            }
        }

        /// <summary>Removes the bar (on a terminal) before the work's result is printed.</summary>
        public void Done()
        {
            lock (_gate)
            {
                Clear();
            }
        }

        private void Clear()
        {
            if (_drawn)
            {
                _error.Write("\r\u001b[K");
                _drawn = false;
            }
        }
    }
}
