using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SpecGen.Tool
{
    /// <summary>A folder of pages in the cache layout, <c>&lt;tag&gt;/&lt;package&gt;/specs.md</c>.</summary>
    internal static class PageFiles
    {
        public const string FileName = "specs.md";

        /// <summary>Every page under <paramref name="root"/> (any depth), in ordinal path order.</summary>
        public static IReadOnlyList<string> All(string root)
        {
            return Directory.EnumerateFiles(root, FileName, SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        /// <summary>The pages of one tag: <c>root/tag/*/specs.md</c>.</summary>
        public static IReadOnlyList<string> OfTag(string root, string tag)
        {
            string dir = Path.Combine(root, tag);
            return Directory.Exists(dir)
                ? Directory.EnumerateDirectories(dir).Select(d => Path.Combine(d, FileName)).Where(File.Exists).OrderBy(p => p, StringComparer.Ordinal).ToList()
                : Array.Empty<string>();
        }

        /// <summary>The packages of one tag that have a page.</summary>
        public static IReadOnlyList<string> PackagesOf(string root, string tag) => OfTag(root, tag).Select(PackageOf).ToList();

        /// <summary>The tags under <paramref name="root"/> that hold pages, with their packages.</summary>
        public static IReadOnlyList<(string Tag, IReadOnlyList<string> Packages)> Tags(string root)
        {
            return Directory.EnumerateDirectories(root)
                .Select(d => (Tag: Path.GetFileName(d), Packages: PackagesOf(root, Path.GetFileName(d))))
                .Where(t => t.Packages.Count > 0)
                .OrderBy(t => t.Tag, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>The package of a page's path: the name of its folder.</summary>
        public static string PackageOf(string page) => Path.GetFileName(Path.GetDirectoryName(page)!);

        /// <summary>The path of a page: <c>root/tag/package/specs.md</c>.</summary>
        public static string PathOf(string root, string tag, string package) => Path.Combine(root, tag, package, FileName);
    }
}
