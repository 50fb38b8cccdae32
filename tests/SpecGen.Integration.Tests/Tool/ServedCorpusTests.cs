using System;
using System.IO;
using System.Linq;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Tool
{
    /// <summary>
    /// The fixture of the tool's tests that fetch: the corpus served over HTTP by a <see cref="PageServer"/> on
    /// loopback, and a temporary folder whose <c>spack</c> sub-folder is the output; both gone after each test.
    /// </summary>
    public abstract class ServedCorpusTests : IDisposable
    {
        /// <summary>The corpus's develop snapshot, which has most of its pages.</summary>
        protected const string Develop = "develop-2025-04-20";

        /// <param name="folder">The temporary folder's name prefix, one per test class.</param>
        protected ServedCorpusTests(string folder)
        {
            Server = new PageServer(Path.Combine(TestPaths.Corpus, "_cache"));
            Folder = DotNet.TempDirectory(folder);
        }

        /// <summary>The server of the corpus's pages.</summary>
        private protected PageServer Server { get; }

        /// <summary>The test's temporary folder.</summary>
        private protected TempDirectory Folder { get; }

        /// <summary>The output folder, under the temporary one (absent until a command makes it).</summary>
        protected string Out => Path.Combine(Folder.Path, "spack");

        /// <summary><c>specgen fetch --tag develop-2025-04-20 --source SERVER --out OUT</c> and <paramref name="args"/>.</summary>
        private protected (int Code, string Output, string Error) FetchDevelop(params string[] args)
            => ToolRun.Run(new[] { "fetch", "--tag", Develop, "--source", Server.Url, "--out", Out }.Concat(args).ToArray());

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                Server.Dispose();
                Folder.Dispose();
            }
        }
    }
}
