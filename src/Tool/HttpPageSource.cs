using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Tool
{
    /// <summary>
    /// Pages over HTTP: each request with a timeout, retried with exponential backoff on transient failures (a 5xx,
    /// 408 or 429 answer, a connection dropped in the body, a timeout); a 404 is an answer. A host that cannot be
    /// reached at all (no such name, connection refused) stops every request at the first failure.
    /// Listings: the tags from the repository's <c>_data/tags.yaml</c> (as the cache site publishes it), else from
    /// the <c>_cache</c> folder's listing; a tag's packages from its folder's listing: GitHub's API for a repository
    /// on raw.githubusercontent.com, an HTML index page (as web servers write for a folder) elsewhere.
    /// </summary>
    internal sealed class HttpPageSource : PageSource
    {
        private const string RawGitHub = "raw.githubusercontent.com";
        private readonly string _cache;
        private readonly HttpClient _client;
        private readonly HttpSettings _settings;
        private readonly CancellationTokenSource _unreachable = new CancellationTokenSource();
        private string? _unreachableReason;
        private readonly Dictionary<string, Task<IReadOnlyList<string>?>> _packages = new Dictionary<string, Task<IReadOnlyList<string>?>>(StringComparer.Ordinal);
        private readonly object _tagsLock = new object();
        private Task<IReadOnlyList<string>>? _tags;

        public HttpPageSource(string cacheAddress, HttpSettings settings)
        {
            _cache = cacheAddress;
            _settings = settings;
            _client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), AutomaticDecompression = DecompressionMethods.All })
            {
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            _client.DefaultRequestHeaders.UserAgent.ParseAdd("specgen/" + typeof(HttpPageSource).Assembly.GetName().Version);
        }

        public override string Name => _cache;

        public override string Verb => "downloaded";

        /// <summary>The repository's root: the <c>_cache</c> address without <c>/_cache</c>.</summary>
        private string Root => _cache.Substring(0, _cache.Length - "/_cache".Length);

        /// <summary>
        /// The address of the <c>_cache</c> folder from any address of the repository: its root or its <c>_cache</c>
        /// folder, on raw.githubusercontent.com or any mirror; a github.com page of it (<c>/owner/repo</c>, or
        /// <c>/owner/repo/tree/branch</c>) becomes its raw files (branch <c>main</c> by default).
        /// </summary>
        public static string CacheAddress(Uri uri)
        {
            string[] parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (uri.Host == "github.com" && parts.Length >= 2)
            {
                string branch = parts.Length >= 4 && parts[2] == "tree" ? parts[3] : "main";
                return "https://" + RawGitHub + "/" + parts[0] + "/" + parts[1] + "/" + branch + "/_cache";
            }

            string address = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            return address.EndsWith("/_cache", StringComparison.Ordinal) ? address : address + "/_cache";
        }

        /// <summary>GitHub's API address of a folder of the repository (a tree, by branch and path), for a source on raw.githubusercontent.com; null elsewhere.</summary>
        public static string? GitHubTree(string cacheAddress, string folder, string api)
        {
            var uri = new Uri(cacheAddress);
            string[] parts = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (uri.Host != RawGitHub || parts.Length != 4)
            {
                return null;
            }

            return api.TrimEnd('/') + "/repos/" + parts[0] + "/" + parts[1] + "/git/trees/" + parts[2] + ":" + folder;
        }

        public override string AddressOf(string tag, string package) => _cache + "/" + Uri.EscapeDataString(tag) + "/" + Uri.EscapeDataString(package) + "/" + PageFiles.FileName;

        public override async Task<string?> GetAsync(string tag, string package, Action<string>? retrying, CancellationToken cancellationToken)
        {
            return await GetTextAsync(AddressOf(tag, package), retrying, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The tag list, read once per source: fetches running at once (--jobs) that each miss a page share one read.</summary>
        public override Task<IReadOnlyList<string>> TagsAsync(CancellationToken cancellationToken)
        {
            lock (_tagsLock)
            {
                return _tags ??= ListTagsAsync(cancellationToken);
            }
        }

        /// <summary>Listed once per tag (several missing packages of a tag ask for the same listing).</summary>
        public override Task<IReadOnlyList<string>?> PackagesAsync(string tag, CancellationToken cancellationToken)
        {
            // Under the lock, fetches that ask at once share one listing.
            lock (_packages)
            {
                if (!_packages.TryGetValue(tag, out Task<IReadOnlyList<string>?>? listing))
                {
                    listing = ListPackagesAsync(tag, cancellationToken);
                    _packages.Add(tag, listing);
                }

                return listing;
            }
        }

        private async Task<IReadOnlyList<string>?> ListPackagesAsync(string tag, CancellationToken cancellationToken)
        {
            IReadOnlyList<string>? packages = await ListFolderAsync("_cache/" + tag, cancellationToken).ConfigureAwait(false);
            if (packages is not null)
            {
                return packages;
            }

            // No listing of the folder: an unknown tag if the tag list says so, else a host that does not list folders.
            return await HasTagAsync(tag, cancellationToken).ConfigureAwait(false) == false
                ? null
                : throw new PageSourceException($"{Root}/_cache/{tag}/ has no folder listing, so the packages of '{tag}' cannot be listed there; use a local clone (--source DIR).");
        }

        public override void Dispose()
        {
            _client.Dispose();
            _unreachable.Dispose();
        }

        private async Task<IReadOnlyList<string>> ListTagsAsync(CancellationToken cancellationToken)
        {
            string? yaml = await GetTextAsync(Root + "/_data/tags.yaml", null, cancellationToken).ConfigureAwait(false);
            if (yaml is not null)
            {
                return TagsOf(yaml, Root + "/_data/tags.yaml");
            }

            return await ListFolderAsync("_cache", cancellationToken).ConfigureAwait(false)
                ?? throw new PageSourceException("No tag list at " + Root + " (neither _data/tags.yaml nor a listing of _cache).");
        }

        /// <summary>The <c>name</c> of each entry of the cache site's <c>_data/tags.yaml</c> (a sequence of mappings).</summary>
        internal static IReadOnlyList<string> TagsOf(string yaml, string address)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlSequenceNode tags)
                {
                    return tags.Children.OfType<YamlMappingNode>()
                        .Select(t => t.Children.TryGetValue(new YamlScalarNode("name"), out YamlNode? name) ? (name as YamlScalarNode)?.Value : null)
                        .OfType<string>()
                        .OrderBy(t => t, StringComparer.Ordinal)
                        .ToList();
                }
            }
            catch (YamlDotNet.Core.YamlException)
            {
            }

            throw new PageSourceException(address + " is not a list of tags (- name: <tag>).");
        }

        /// <summary>The sub-folders of a folder of the repository, or null when it has no such folder.</summary>
        private async Task<IReadOnlyList<string>?> ListFolderAsync(string folder, CancellationToken cancellationToken)
        {
            string? tree = GitHubTree(_cache, folder, _settings.GitHubApi);
            if (tree is not null)
            {
                string? json = await GetTextAsync(tree, null, cancellationToken).ConfigureAwait(false);
                return json is null ? null : FoldersOfTree(json, tree);
            }

            string address = Root + "/" + folder + "/";
            string? html = await GetTextAsync(address, null, cancellationToken).ConfigureAwait(false);
            if (html is null)
            {
                return null;
            }

            List<string> names = FoldersOfIndex(html);
            return names.Count > 0 ? names : throw new PageSourceException(address + " has no folder listing (no links to folders in its page); use a local clone (--source DIR).");
        }

        /// <summary>The folders (<c>"type": "tree"</c>) of a GitHub tree answer.</summary>
        internal static IReadOnlyList<string> FoldersOfTree(string json, string address)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(json);
                return document.RootElement.GetProperty("tree").EnumerateArray()
                    .Where(e => e.GetProperty("type").GetString() == "tree")
                    .Select(e => e.GetProperty("path").GetString()!)
                    .OrderBy(n => n, StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception ex) when (ex is JsonException || ex is KeyNotFoundException || ex is InvalidOperationException)
            {
                throw new PageSourceException(address + " is not a GitHub tree: " + ex.Message);
            }
        }

        /// <summary>The sub-folders an HTML folder index links to (<c>href="name/"</c>, as nginx, Apache and Python's http.server write them).</summary>
        internal static List<string> FoldersOfIndex(string html)
        {
            return Regex.Matches(html, "href=\"([^\"/?#]+)/\"", RegexOptions.IgnoreCase)
                .Select(m => Uri.UnescapeDataString(m.Groups[1].Value))
                .Where(n => n != "." && n != "..")
                .Distinct(StringComparer.Ordinal)
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The body of a GET, or null on 404; retries transient failures; throws <see cref="PageSourceException"/>.</summary>
        private async Task<string?> GetTextAsync(string url, Action<string>? retrying, CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _unreachable.Token);
            string? problem = null;
            int attempts = 0;
            TimeSpan serverWait = TimeSpan.Zero;
            for (int attempt = 0; attempt <= _settings.Retries; attempt++)
            {
                if (attempt > 0)
                {
                    // Exponential backoff from --retry-delay, or longer when the server said how long (Retry-After).
                    TimeSpan backoff = TimeSpan.FromTicks(_settings.RetryDelay.Ticks << (attempt - 1));
                    TimeSpan wait = serverWait > backoff ? serverWait : backoff;
                    retrying?.Invoke("retry " + attempt + " of " + _settings.Retries + " in " + Math.Round(wait.TotalSeconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " s: " + problem);
                    await Delay(wait, stop.Token, cancellationToken).ConfigureAwait(false);
                    serverWait = TimeSpan.Zero;
                }

                attempts++;

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                timeout.CancelAfter(_settings.Timeout);
                try
                {
                    using HttpResponseMessage response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                    if (response.StatusCode == HttpStatusCode.NotFound)
                    {
                        return null;
                    }

                    string status = url + " answered " + (int)response.StatusCode + " " + response.ReasonPhrase;
                    if (IsTransient(response.StatusCode))
                    {
                        problem = status;
                        serverWait = RetryAfter(response);
                        continue;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        throw new PageSourceException(status);
                    }

                    return await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _unreachableReason is not null)
                {
                    throw new PageSourceException(_unreachableReason, unreachable: true);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    problem = url + " did not answer within " + _settings.Timeout.TotalSeconds + " s";
                }
                catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.NameResolutionError || ex.HttpRequestError == HttpRequestError.ConnectionError)
                {
                    // Not a page's problem: every other request would fail the same way, so all of them stop here.
                    _unreachableReason ??= "Cannot reach " + new Uri(url).GetLeftPart(UriPartial.Authority) + ": " + ex.Message;
                    await _unreachable.CancelAsync().ConfigureAwait(false);
                    throw new PageSourceException(_unreachableReason, unreachable: true);
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

            throw new PageSourceException(problem + " (after " + Text.Count(attempts, "attempt") + ")");
        }

        /// <summary>Waits before a retry; stops early (as unreachable) when another request found the host unreachable.</summary>
        private async Task Delay(TimeSpan delay, CancellationToken stop, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(delay, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && _unreachableReason is not null)
            {
                throw new PageSourceException(_unreachableReason, unreachable: true);
            }
        }

        /// <summary>How long a 429 or 503 asks to wait (<c>Retry-After</c>: seconds or a date), at most <see cref="MaxRetryAfter"/>; zero when it says nothing.</summary>
        internal static TimeSpan RetryAfter(HttpResponseMessage response)
        {
            System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter = response.Headers.RetryAfter;
            TimeSpan wait = retryAfter?.Delta ?? (retryAfter?.Date is DateTimeOffset date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
        }

        /// <summary>The longest wait a Retry-After answer is granted.</summary>
        private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

        private static bool IsTransient(HttpStatusCode status)
        {
            int code = (int)status;
            return code >= 500 || status == HttpStatusCode.RequestTimeout || code == 429;
        }
    }
}
