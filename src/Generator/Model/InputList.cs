using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// Which additional files are pages and which are lockfiles, as SpecGen.targets lists them in one file
    /// (<see cref="FileName"/>, an additional file itself): a header line, then <c>page PATH</c> or <c>lockfile PATH</c>
    /// per line, each path as the compiler receives it. One list in place of item metadata: metadata the compiler can
    /// see is one .editorconfig section per file, and the compiler matching 50,000 sections took 13 of the 21 s a
    /// build of 50,000 pages spends before SpecGen runs. Compared by content: equal lists from new texts are equal.
    /// </summary>
    internal sealed class InputList : IEquatable<InputList>
    {
        /// <summary>The list's file name (SpecGen.targets writes it in the intermediate output folder).</summary>
        public const string FileName = "SpecGen.inputs";

        /// <summary>The first line of a list: a file of that name without it is not SpecGen's.</summary>
        public const string Header = "# SpecGen inputs: the pages and lockfiles of this project";

        private const string PagePrefix = "page ";
        private const string LockfilePrefix = "lockfile ";

        private HashSet<string>? _pages;
        private HashSet<string>? _lockfiles;

        private InputList(EquatableArray<string> pages, EquatableArray<string> lockfiles)
        {
            Pages = pages;
            Lockfiles = lockfiles;
        }

        public static InputList Empty { get; } = new InputList(EquatableArray<string>.Empty, EquatableArray<string>.Empty);

        /// <summary>The listed pages' paths (separators as '/'), in ordinal order.</summary>
        public EquatableArray<string> Pages { get; }

        /// <summary>The listed lockfiles' paths (separators as '/'), in ordinal order.</summary>
        public EquatableArray<string> Lockfiles { get; }

        /// <summary>True for a file named as a list (whatever its folder; the header says whether it is one).</summary>
        public static bool IsListFile(string path)
        {
            int start = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1;
            return path.Length - start == FileName.Length && string.Compare(path, start, FileName, 0, FileName.Length, StringComparison.OrdinalIgnoreCase) == 0;
        }

        /// <summary>The entries of every list among <paramref name="texts"/> (a project has one; a text without the header, or unreadable, lists nothing).</summary>
        public static InputList From(IEnumerable<SourceText?> texts)
        {
            var pages = new SortedSet<string>(StringComparer.Ordinal);
            var lockfiles = new SortedSet<string>(StringComparer.Ordinal);
            foreach (SourceText? text in texts)
            {
                if (text is null || text.Lines.Count == 0 || !string.Equals(text.Lines[0].ToString().TrimEnd(), Header, StringComparison.Ordinal))
                {
                    continue;
                }

                for (int i = 1; i < text.Lines.Count; i++)
                {
                    string line = text.Lines[i].ToString();
                    if (line.StartsWith(PagePrefix, StringComparison.Ordinal))
                    {
                        pages.Add(Normalize(line.Substring(PagePrefix.Length)));
                    }
                    else if (line.StartsWith(LockfilePrefix, StringComparison.Ordinal))
                    {
                        lockfiles.Add(Normalize(line.Substring(LockfilePrefix.Length)));
                    }
                }
            }

            return pages.Count == 0 && lockfiles.Count == 0 ? Empty : new InputList(EquatableArray.From(pages), EquatableArray.From(lockfiles));
        }

        public bool IsPage(string path) => Pages.Count > 0 && (_pages ??= new HashSet<string>(Pages, StringComparer.Ordinal)).Contains(Normalize(path));

        public bool IsLockfile(string path) => Lockfiles.Count > 0 && (_lockfiles ??= new HashSet<string>(Lockfiles, StringComparer.Ordinal)).Contains(Normalize(path));

        public bool Equals(InputList? other) => other is not null && Pages.Equals(other.Pages) && Lockfiles.Equals(other.Lockfiles);

        public override bool Equals(object? obj) => Equals(obj as InputList);

        public override int GetHashCode() => unchecked((Pages.Count * 31) + Lockfiles.Count);

        /// <summary>One separator for both: a path the compiler received with '\' matches the list's, whichever it wrote.</summary>
        private static string Normalize(string path) => path.IndexOf('\\') < 0 ? path : path.Replace('\\', '/');
    }
}
