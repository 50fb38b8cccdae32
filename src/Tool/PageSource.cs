using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen.Tool
{
    /// <summary>Where pages come from: the raw files of the cache site's repository (or any URL in its layout), or a local folder such as a sparse clone.</summary>
    internal abstract class PageSource : IDisposable
    {
        /// <summary>The raw-file address of the cache site's pages (github.com/spack/cache.spack.io, branch main).</summary>
        public const string Default = "https://raw.githubusercontent.com/spack/cache.spack.io/main/_cache";

        /// <summary>How it is named in messages.</summary>
        public abstract string Name { get; }

        public static PageSource Open(string source, TimeSpan timeout, int retries, TimeSpan retryDelay)
        {
            if (Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return new HttpPageSource(source.TrimEnd('/'), timeout, retries, retryDelay);
            }

            // A clone of the repository has the pages under _cache; a folder of pages has them at the top.
            string root = Directory.Exists(Path.Combine(source, "_cache")) ? Path.Combine(source, "_cache") : source;
            return new LocalPageSource(root);
        }

        /// <summary>The text of a page, or null when the source has no such page; throws <see cref="PageSourceException"/> when it cannot tell.</summary>
        public abstract Task<string?> GetAsync(string tag, string package, CancellationToken cancellationToken);

        /// <summary>Every package of a tag (local sources only), or null when the tag is unknown.</summary>
        public virtual string[]? Packages(string tag) => throw new PageSourceException("--all needs a local source (--source DIR): " + Name + " cannot list a tag's packages");

        /// <summary>True when the source knows the tag; null when it cannot tell without asking for a page.</summary>
        public virtual bool? HasTag(string tag) => null;

        public virtual void Dispose()
        {
        }
    }

    /// <summary>A failure to get a page that retrying did not cure.</summary>
    internal sealed class PageSourceException : Exception
    {
        public PageSourceException(string message)
            : base(message)
        {
        }
    }

    internal sealed class LocalPageSource : PageSource
    {
        private readonly string _root;

        public LocalPageSource(string root)
        {
            _root = root;
        }

        public override string Name => _root;

        public override async Task<string?> GetAsync(string tag, string package, CancellationToken cancellationToken)
        {
            string path = PageFiles.PathOf(_root, tag, package);
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new PageSourceException(path + ": " + ex.Message);
            }
        }

        public override string[]? Packages(string tag)
        {
            return Directory.Exists(Path.Combine(_root, tag)) ? PageFiles.OfTag(_root, tag).Select(p => Path.GetFileName(Path.GetDirectoryName(p)!)).ToArray() : null;
        }

        public override bool? HasTag(string tag) => Directory.Exists(Path.Combine(_root, tag));
    }

    /// <summary>
    /// Pages over HTTP: each request with a timeout, retried with exponential backoff on transient failures (a 5xx,
    /// 408 or 429 answer, a connection error or a connection dropped in the body, a timeout); a 404 is an answer.
    /// </summary>
    internal sealed class HttpPageSource : PageSource
    {
        private readonly string _base;
        private readonly HttpClient _client;
        private readonly TimeSpan _timeout;
        private readonly int _retries;
        private readonly TimeSpan _retryDelay;

        public HttpPageSource(string baseUrl, TimeSpan timeout, int retries, TimeSpan retryDelay)
        {
            _base = baseUrl;
            _timeout = timeout;
            _retries = retries;
            _retryDelay = retryDelay;
            _client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AutomaticDecompression = DecompressionMethods.All })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            _client.DefaultRequestHeaders.UserAgent.ParseAdd("specgen/" + typeof(HttpPageSource).Assembly.GetName().Version);
        }

        public override string Name => _base;

        public override async Task<string?> GetAsync(string tag, string package, CancellationToken cancellationToken)
        {
            string url = _base + "/" + Uri.EscapeDataString(tag) + "/" + Uri.EscapeDataString(package) + "/" + PageFiles.FileName;
            string? problem = null;
            for (int attempt = 0; attempt <= _retries; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(TimeSpan.FromTicks(_retryDelay.Ticks << (attempt - 1)), cancellationToken).ConfigureAwait(false);
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_timeout);
                try
                {
                    using HttpResponseMessage response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.NotFound)
                    {
                        return null;
                    }

                    if (IsTransient(response.StatusCode))
                    {
                        problem = url + " answered " + (int)response.StatusCode + " " + response.ReasonPhrase;
                        continue;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        throw new PageSourceException(url + " answered " + (int)response.StatusCode + " " + response.ReasonPhrase);
                    }

                    return await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    problem = url + " did not answer within " + _timeout.TotalSeconds + " s";
                }
                catch (HttpRequestException ex)
                {
                    problem = url + ": " + ex.Message;
                }
                catch (IOException ex)
                {
                    problem = url + ": " + ex.Message;
                }
            }

            throw new PageSourceException(problem + " (after " + (_retries + 1) + " attempts)");
        }

        public override void Dispose() => _client.Dispose();

        private static bool IsTransient(HttpStatusCode status)
        {
            int code = (int)status;
            return code >= 500 || status == HttpStatusCode.RequestTimeout || code == 429;
        }
    }
}
