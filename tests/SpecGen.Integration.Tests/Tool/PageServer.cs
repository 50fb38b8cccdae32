using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen.Tests.Tool
{
    /// <summary>What the server does for one request of a path.</summary>
    public enum Fault
    {
        /// <summary>Serve the page.</summary>
        None,

        /// <summary>Answer 500.</summary>
        ServerError,

        /// <summary>Send the headers and half the body, then close the connection.</summary>
        DropMidBody,

        /// <summary>Wait longer than any test's timeout before answering.</summary>
        Slow,

        /// <summary>Answer 404.</summary>
        NotFound,

        /// <summary>Answer 502.</summary>
        BadGateway,

        /// <summary>Answer 503.</summary>
        ServiceUnavailable,

        /// <summary>Answer 504.</summary>
        GatewayTimeout,

        /// <summary>Answer 408.</summary>
        RequestTimeout,

        /// <summary>Answer 429 with <c>Retry-After: 1</c> (one second).</summary>
        TooManyRequests,

        /// <summary>Answer 403 (not transient).</summary>
        Forbidden,
    }

    /// <summary>
    /// A real HTTP/1.1 server on a loopback socket (no mock handler) serving pages from a folder in the cache layout
    /// at <c>/_cache/&lt;tag&gt;/&lt;package&gt;/specs.md</c> (under a prefix for a mirror), with faults queued per path;
    /// it counts requests per path. A folder address (ending in '/') gets an HTML index of its sub-folders, as web
    /// servers write one, unless <see cref="Listings"/> is off; other files can be served at any path.
    /// </summary>
    internal sealed class PageServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly string _root;
        private readonly string _prefix;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new ConcurrentDictionary<string, ConcurrentQueue<Fault>>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> _overrides = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _loop;
        private int _inFlight;
        private int _maxInFlight;

        /// <param name="prefix">Where the repository's root is on the server, e.g. <c>/mirror/cache.spack.io</c> (empty: at the top).</param>
        public PageServer(string root, string prefix = "")
        {
            _root = root;
            _prefix = prefix;
            _listener.Start();
            _loop = Task.Run(AcceptLoop);
        }

        /// <summary>The address of the repository's _cache folder, to give as --source.</summary>
        public string Url => RootUrl + "/_cache";

        /// <summary>The address of the repository's root (the prefix on this server).</summary>
        public string RootUrl => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + _prefix;

        /// <summary>False: folder addresses answer 404, as raw-file hosts do.</summary>
        public bool Listings { get; set; } = true;

        public ConcurrentDictionary<string, int> Requests { get; } = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>When each request of a path arrived (Stopwatch ticks), in order.</summary>
        public ConcurrentDictionary<string, ConcurrentQueue<long>> Arrivals { get; } = new ConcurrentDictionary<string, ConcurrentQueue<long>>(StringComparer.Ordinal);

        /// <summary>When the server began writing the answer to each request of a path (Stopwatch ticks), in order.</summary>
        public ConcurrentDictionary<string, ConcurrentQueue<long>> Answered { get; } = new ConcurrentDictionary<string, ConcurrentQueue<long>>(StringComparer.Ordinal);

        /// <summary>The User-Agent header of every request, in order of arrival.</summary>
        public ConcurrentQueue<string> UserAgents { get; } = new ConcurrentQueue<string>();

        /// <summary>Time spent on every answer before it is sent (so concurrent requests overlap).</summary>
        public TimeSpan AnswerDelay { get; set; }

        /// <summary>The most requests the server was answering at once.</summary>
        public int MaxInFlight => _maxInFlight;

        /// <summary>
        /// The times from each answer of a page to the next request of it: the client's wait before a retry, measured
        /// from a point it cannot precede (the answer began before the client could read it), so a busy server thread
        /// that records an arrival late cannot shrink it.
        /// </summary>
        public TimeSpan[] GapsOf(string tag, string package)
        {
            long[] arrived = Arrivals.TryGetValue(PathOf(tag, package), out ConcurrentQueue<long>? queue) ? queue.ToArray() : Array.Empty<long>();
            long[] answered = Answered.TryGetValue(PathOf(tag, package), out ConcurrentQueue<long>? done) ? done.ToArray() : Array.Empty<long>();
            return answered.Zip(arrived.Skip(1), (a, b) => System.Diagnostics.Stopwatch.GetElapsedTime(a, b)).ToArray();
        }

        /// <summary>Queues faults for the next requests of a page; after them, the page is served.</summary>
        public void Fail(string tag, string package, params Fault[] faults)
        {
            ConcurrentQueue<Fault> queue = _faults.GetOrAdd(PathOf(tag, package), _ => new ConcurrentQueue<Fault>());
            foreach (Fault fault in faults)
            {
                queue.Enqueue(fault);
            }
        }

        /// <summary>Serves <paramref name="text"/> for a page instead of the file.</summary>
        public void Serve(string tag, string package, string text) => _overrides[PathOf(tag, package)] = text;

        /// <summary>Serves <paramref name="text"/> at a path under the repository's root, e.g. <c>/_data/tags.yaml</c>.</summary>
        public void ServeFile(string path, string text) => _overrides[path] = text;

        public int RequestsOf(string tag, string package) => Requests.TryGetValue(PathOf(tag, package), out int n) ? n : 0;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }

        private static string PathOf(string tag, string package) => "/_cache/" + tag + "/" + package + "/specs.md";

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => Handle(client));
            }
        }

        private async Task Handle(TcpClient client)
        {
            using (client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
                    while (true)
                    {
                        string? requestLine = await reader.ReadLineAsync().ConfigureAwait(false);
                        if (string.IsNullOrEmpty(requestLine))
                        {
                            return;
                        }

                        string line;
                        while (!string.IsNullOrEmpty(line = (await reader.ReadLineAsync().ConfigureAwait(false))!))
                        {
                            if (line.StartsWith("User-Agent:", StringComparison.OrdinalIgnoreCase))
                            {
                                UserAgents.Enqueue(line.Substring("User-Agent:".Length).Trim());
                            }
                        }

                        string path = Uri.UnescapeDataString(requestLine.Split(' ')[1]);
                        path = path.StartsWith(_prefix + "/", StringComparison.Ordinal) ? path.Substring(_prefix.Length) : "/outside-the-prefix" + path;
                        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
                        Arrivals.GetOrAdd(path, _ => new ConcurrentQueue<long>()).Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
                        Fault fault = _faults.TryGetValue(path, out ConcurrentQueue<Fault>? queue) && queue.TryDequeue(out Fault next) ? next : Fault.None;
                        int now = Interlocked.Increment(ref _inFlight);
                        int seen;
                        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
                        {
                        }

                        bool open;
                        try
                        {
                            if (AnswerDelay > TimeSpan.Zero)
                            {
                                await Task.Delay(AnswerDelay, _stop.Token).ConfigureAwait(false);
                            }

                            Answered.GetOrAdd(path, _ => new ConcurrentQueue<long>()).Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
                            open = await Answer(stream, path, fault).ConfigureAwait(false);
                        }
                        finally
                        {
                            Interlocked.Decrement(ref _inFlight);
                        }

                        if (!open)
                        {
                            return;
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException || ex is OperationCanceledException)
                {
                }
            }
        }

        /// <summary>Answers one request; false when the connection must close.</summary>
        private async Task<bool> Answer(NetworkStream stream, string path, Fault fault)
        {
            switch (fault)
            {
                case Fault.ServerError:
                    await Send(stream, "500 Internal Server Error", Encoding.UTF8.GetBytes("boom")).ConfigureAwait(false);
                    return true;
                case Fault.NotFound:
                    await Send(stream, "404 Not Found", Encoding.UTF8.GetBytes("404: Not Found")).ConfigureAwait(false);
                    return true;
                case Fault.BadGateway:
                    await Send(stream, "502 Bad Gateway", Encoding.UTF8.GetBytes("bad gateway")).ConfigureAwait(false);
                    return true;
                case Fault.ServiceUnavailable:
                    await Send(stream, "503 Service Unavailable", Encoding.UTF8.GetBytes("unavailable")).ConfigureAwait(false);
                    return true;
                case Fault.GatewayTimeout:
                    await Send(stream, "504 Gateway Timeout", Encoding.UTF8.GetBytes("gateway timeout")).ConfigureAwait(false);
                    return true;
                case Fault.RequestTimeout:
                    await Send(stream, "408 Request Timeout", Encoding.UTF8.GetBytes("request timeout")).ConfigureAwait(false);
                    return true;
                case Fault.TooManyRequests:
                    await Send(stream, "429 Too Many Requests", Encoding.UTF8.GetBytes("slow down"), "Retry-After: 1\r\n").ConfigureAwait(false);
                    return true;
                case Fault.Forbidden:
                    await Send(stream, "403 Forbidden", Encoding.UTF8.GetBytes("forbidden")).ConfigureAwait(false);
                    return true;
                case Fault.Slow:
                    await Task.Delay(TimeSpan.FromSeconds(20), _stop.Token).ConfigureAwait(false);
                    return false;
            }

            string file = Path.Combine(_root, path.TrimStart('/').Replace("_cache/", string.Empty, StringComparison.Ordinal));
            if (Listings && path.StartsWith("/_cache/", StringComparison.Ordinal) && path.EndsWith('/') && Directory.Exists(file))
            {
                var index = new StringBuilder("<html><body><h1>Index of " + path + "</h1>\n<a href=\"../\">../</a>\n");
                foreach (string folder in Directory.EnumerateDirectories(file))
                {
                    index.Append("<a href=\"").Append(Uri.EscapeDataString(Path.GetFileName(folder))).Append("/\">").Append(Path.GetFileName(folder)).Append("/</a>\n");
                }

                await Send(stream, "200 OK", Encoding.UTF8.GetBytes(index.Append("</body></html>").ToString())).ConfigureAwait(false);
                return true;
            }

            byte[]? body = _overrides.TryGetValue(path, out string? text) ? Encoding.UTF8.GetBytes(text) : path.StartsWith("/_cache/", StringComparison.Ordinal) && File.Exists(file) ? File.ReadAllBytes(file) : null;
            if (body is null)
            {
                await Send(stream, "404 Not Found", Encoding.UTF8.GetBytes("404: Not Found")).ConfigureAwait(false);
                return true;
            }

            if (fault == Fault.DropMidBody)
            {
                byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.Length + "\r\n\r\n");
                await stream.WriteAsync(head).ConfigureAwait(false);
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2)).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
                return false;
            }

            await Send(stream, "200 OK", body).ConfigureAwait(false);
            return true;
        }

        private static async Task Send(NetworkStream stream, string status, byte[] body, string headers = "")
        {
            byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\n" + headers + "Content-Length: " + body.Length + "\r\n\r\n");
            await stream.WriteAsync(head).ConfigureAwait(false);
            await stream.WriteAsync(body).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }
    }
}
