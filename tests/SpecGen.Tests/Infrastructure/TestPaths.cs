using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>Where the test data is.</summary>
    internal static class TestPaths
    {
        /// <summary>The real pages copied next to the tests (tests/Corpus).</summary>
        public static string Corpus => Path.Combine(AppContext.BaseDirectory, "Corpus");

        /// <summary>The lockfiles copied next to the tests (tests/Lockfiles).</summary>
        public static string Lockfiles => Path.Combine(AppContext.BaseDirectory, "Lockfiles");

        /// <summary>Every lockfile of tests/Lockfiles, as <c>real/&lt;name&gt;</c> or <c>synthetic/&lt;name&gt;</c> (the folder of its spack.lock).</summary>
        public static IReadOnlyList<string> LockfileNames()
        {
            return Directory.EnumerateFiles(Lockfiles, "spack.lock", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(Lockfiles, Path.GetDirectoryName(p)!).Replace('\\', '/'))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The path of the spack.lock of a folder of tests/Lockfiles (<c>real/julea-v6</c>).</summary>
        public static string Lockfile(string name) => Path.Combine(Lockfiles, name, "spack.lock");

        /// <summary>The repository root (the folder holding SpecGen.sln).</summary>
        public static string RepositoryRoot
        {
            get
            {
                string? dir = AppContext.BaseDirectory;
                while (dir is not null && !File.Exists(Path.Combine(dir, "SpecGen.sln")))
                {
                    dir = Path.GetDirectoryName(dir);
                }

                return dir ?? throw new InvalidOperationException("SpecGen.sln not found above " + AppContext.BaseDirectory);
            }
        }

        /// <summary>Every page of the snapshot folders of the corpus (the ones that make a catalog).</summary>
        public static IReadOnlyList<TestPage> CorpusPages()
        {
            return Directory.EnumerateFiles(Path.Combine(Corpus, "_cache"), "specs.md", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(TestPage.Load)
                .ToList();
        }

        public static TestPage CorpusPage(string tag, string package)
        {
            return TestPage.Load(Path.Combine(Corpus, "_cache", tag, package, "specs.md"));
        }
    }

    /// <summary>A page: its path (as the compiler would see it) and its text.</summary>
    public sealed record TestPage(string Path, string Text)
    {
        public static TestPage Load(string path) => new TestPage(path, File.ReadAllText(path));

        /// <summary>The same text under a made-up path <c>pages/&lt;tag&gt;/&lt;package&gt;/specs.md</c>.</summary>
        public static TestPage Create(string tag, string package, string text) => new TestPage("/pages/" + tag + "/" + package + "/specs.md", text);
    }
}
