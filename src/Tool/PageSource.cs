using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen.Tool
{
    /// <summary>
    /// Where pages come from: the raw files of the cache site's repository (or any mirror of it) over HTTP, or a
    /// local folder such as a sparse clone. Either is given as the repository's root or as its <c>_cache</c> folder.
    /// </summary>
    internal abstract class PageSource : IDisposable
    {
        /// <summary>The raw-file address of the cache site's repository (github.com/spack/cache.spack.io, branch main).</summary>
        public const string Default = "https://raw.githubusercontent.com/spack/cache.spack.io/main";

        /// <summary>How it is named in messages: the address of its <c>_cache</c> folder.</summary>
        public abstract string Name { get; }

        /// <summary>What happened to a page that arrived: <c>downloaded</c> or <c>read</c>.</summary>
        public abstract string Verb { get; }

        public static PageSource Open(string source, HttpSettings settings)
        {
            if (Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                return new HttpPageSource(HttpPageSource.CacheAddress(uri), settings);
            }

            // A clone of the repository has the pages under _cache; a folder of pages has them at the top.
            string root = Directory.Exists(Path.Combine(source, "_cache")) ? Path.Combine(source, "_cache") : source;
            return new LocalPageSource(root);
        }

        /// <summary>Where a page is at the source (a URL or a file): what messages about the page name.</summary>
        public abstract string AddressOf(string tag, string package);

        /// <summary>
        /// The text of a page, or null when the source has no such page; throws <see cref="PageSourceException"/> when
        /// it cannot tell. <paramref name="retrying"/> hears of each retry (the reason).
        /// </summary>
        public abstract Task<string?> GetAsync(string tag, string package, Action<string>? retrying, CancellationToken cancellationToken);

        /// <summary>The snapshot tags the source has; throws <see cref="PageSourceException"/> when it cannot list them.</summary>
        public abstract Task<IReadOnlyList<string>> TagsAsync(CancellationToken cancellationToken);

        /// <summary>The packages of a tag, or null when the source has no such tag; throws <see cref="PageSourceException"/> when it cannot list them.</summary>
        public abstract Task<IReadOnlyList<string>?> PackagesAsync(string tag, CancellationToken cancellationToken);

        /// <summary>True or false when the source can tell whether it has the tag, null when it cannot.</summary>
        public async Task<bool?> HasTagAsync(string tag, CancellationToken cancellationToken)
        {
            try
            {
                return (await TagsAsync(cancellationToken).ConfigureAwait(false)).Contains(tag, StringComparer.Ordinal);
            }
            catch (PageSourceException)
            {
                return null;
            }
        }

        /// <summary>The names a lister finds, or none when the source cannot list them (for "did you mean").</summary>
        public static async Task<IReadOnlyList<string>> OrNone(Func<Task<IReadOnlyList<string>?>> list)
        {
            try
            {
                return await list().ConfigureAwait(false) ?? Array.Empty<string>();
            }
            catch (PageSourceException)
            {
                return Array.Empty<string>();
            }
        }

        public virtual void Dispose()
        {
        }
    }

    /// <summary>A failure to get a page or a listing that retrying did not cure.</summary>
    internal sealed class PageSourceException : Exception
    {
        public PageSourceException(string message, bool unreachable = false)
            : base(message)
        {
            Unreachable = unreachable;
        }

        /// <summary>True when the host could not be reached at all: the run stops at the first such failure.</summary>
        public bool Unreachable { get; }
    }

    /// <summary>How downloads behave: a timeout per request, retries with exponential backoff from a first delay.</summary>
    internal sealed record HttpSettings(TimeSpan Timeout, int Retries, TimeSpan RetryDelay, string GitHubApi);

    internal sealed class LocalPageSource : PageSource
    {
        private readonly string _root;

        public LocalPageSource(string root)
        {
            _root = root;
        }

        public override string Name => _root;

        public override string Verb => "read";

        public override string AddressOf(string tag, string package) => PageFiles.PathOf(_root, tag, package);

        public override async Task<string?> GetAsync(string tag, string package, Action<string>? retrying, CancellationToken cancellationToken)
        {
            string path = AddressOf(tag, package);
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new PageSourceException(path + ": " + ex.Message);
            }
        }

        public override Task<IReadOnlyList<string>> TagsAsync(CancellationToken cancellationToken)
        {
            if (!Directory.Exists(_root))
            {
                throw new PageSourceException("No folder '" + _root + "'.");
            }

            return Task.FromResult<IReadOnlyList<string>>(PageFiles.Tags(_root).Select(t => t.Tag).ToList());
        }

        public override Task<IReadOnlyList<string>?> PackagesAsync(string tag, CancellationToken cancellationToken)
        {
            IReadOnlyList<string>? packages = Directory.Exists(Path.Combine(_root, tag)) ? PageFiles.PackagesOf(_root, tag) : null;
            return Task.FromResult(packages);
        }
    }
}
