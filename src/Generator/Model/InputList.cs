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
    /// A command-line build also lists each page's last write time in a second file (<see cref="StampsFileName"/>),
    /// which design-time builds (the IDE's) never add: with it, a driver kept between builds (the compiler server's)
    /// knows an unchanged page without reading it (<see cref="PageFile"/>).
    /// </summary>
    internal sealed class InputList : IEquatable<InputList>
    {
        /// <summary>The list's file name (SpecGen.targets writes it in the intermediate output folder).</summary>
        public const string FileName = "SpecGen.inputs";

        /// <summary>The first line of a list: a file of that name without it is not SpecGen's.</summary>
        public const string Header = "# SpecGen inputs: the pages and lockfiles of this project";

        /// <summary>The stamps' file name (SpecGen.targets writes it in command-line builds only, beside the list).</summary>
        public const string StampsFileName = "SpecGen.stamps";

        /// <summary>The first line of a stamps file; each line after it is <c>STAMP|PATH</c> (a stamp holds no '|').</summary>
        public const string StampsHeader = "# SpecGen stamps: each page's last write time, in command-line builds only";

        private const string PagePrefix = "page ";
        private const string LockfilePrefix = "lockfile ";

        private HashSet<string>? _pages;
        private HashSet<string>? _lockfiles;
        private Dictionary<string, string>? _stamps;

        private InputList(EquatableArray<string> pages, EquatableArray<string> lockfiles, EquatableArray<string> stampedPaths, EquatableArray<string> stamps)
        {
            Pages = pages;
            Lockfiles = lockfiles;
            StampedPaths = stampedPaths;
            Stamps = stamps;
        }

        public static InputList Empty { get; } = new InputList(EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

        /// <summary>The listed pages' paths (separators as '/'), in ordinal order.</summary>
        public EquatableArray<string> Pages { get; }

        /// <summary>The listed lockfiles' paths (separators as '/'), in ordinal order.</summary>
        public EquatableArray<string> Lockfiles { get; }

        /// <summary>The stamped pages' paths (separators as '/'), in ordinal order.</summary>
        public EquatableArray<string> StampedPaths { get; }

        /// <summary>The stamp of each of <see cref="StampedPaths"/>, at the same index.</summary>
        public EquatableArray<string> Stamps { get; }

        /// <summary>True for a file named as a list or as stamps (whatever its folder; the header says whether it is one).</summary>
        public static bool IsListFile(string path)
        {
            int start = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1;
            return IsNamed(path, start, FileName) || IsNamed(path, start, StampsFileName);
        }

        /// <summary>The entries of every list among <paramref name="texts"/> (a project has one; a text without the header, or unreadable, lists nothing).</summary>
        public static InputList From(IEnumerable<SourceText?> texts)
        {
            var pages = new SortedSet<string>(StringComparer.Ordinal);
            var lockfiles = new SortedSet<string>(StringComparer.Ordinal);
            var stamps = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (SourceText? text in texts)
            {
                string? header = text is null || text.Lines.Count == 0 ? null : text.Lines[0].ToString().TrimEnd();
                if (string.Equals(header, StampsHeader, StringComparison.Ordinal))
                {
                    ReadStamps(text!, stamps);
                    continue;
                }

                if (!string.Equals(header, Header, StringComparison.Ordinal))
                {
                    continue;
                }

                for (int i = 1; i < text!.Lines.Count; i++)
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

            return pages.Count == 0 && lockfiles.Count == 0 && stamps.Count == 0
                ? Empty
                : new InputList(EquatableArray.From(pages), EquatableArray.From(lockfiles), EquatableArray.From(stamps.Keys), EquatableArray.From(stamps.Values));
        }

        public bool IsPage(string path) => Pages.Count > 0 && (_pages ??= new HashSet<string>(Pages, StringComparer.Ordinal)).Contains(Normalize(path));

        public bool IsLockfile(string path) => Lockfiles.Count > 0 && (_lockfiles ??= new HashSet<string>(Lockfiles, StringComparer.Ordinal)).Contains(Normalize(path));

        /// <summary>The page's stamp (its last write time as the build saw it), or null when the build gave none (design-time builds, a project without SpecGen.targets).</summary>
        public string? StampOf(string path)
        {
            if (Stamps.Count == 0)
            {
                return null;
            }

            if (_stamps is null)
            {
                var map = new Dictionary<string, string>(StampedPaths.Count, StringComparer.Ordinal);
                for (int i = 0; i < StampedPaths.Count; i++)
                {
                    map[StampedPaths[i]] = Stamps[i];
                }

                _stamps = map;
            }

            return _stamps.TryGetValue(Normalize(path), out string? stamp) ? stamp : null;
        }

        public bool Equals(InputList? other) => other is not null && Pages.Equals(other.Pages) && Lockfiles.Equals(other.Lockfiles) && StampedPaths.Equals(other.StampedPaths) && Stamps.Equals(other.Stamps);

        public override bool Equals(object? obj) => Equals(obj as InputList);

        public override int GetHashCode() => unchecked((Pages.Count * 31) + Lockfiles.Count);

        private static bool IsNamed(string path, int start, string name)
            => path.Length - start == name.Length && string.Compare(path, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0;

        /// <summary>Each line <c>STAMP|PATH</c>: the stamp is what comes before the first '|', the path all after it; a line without one is not a stamp.</summary>
        private static void ReadStamps(SourceText text, SortedDictionary<string, string> stamps)
        {
            for (int i = 1; i < text.Lines.Count; i++)
            {
                string line = text.Lines[i].ToString();
                int bar = line.IndexOf('|');
                if (bar > 0 && bar < line.Length - 1)
                {
                    stamps[Normalize(line.Substring(bar + 1))] = line.Substring(0, bar);
                }
            }
        }

        /// <summary>A path as the list keeps it, separators as '/': a path the compiler received with '\' matches the list's, whichever it wrote.</summary>
        internal static string Normalize(string path) => path.IndexOf('\\') < 0 ? path : path.Replace('\\', '/');
    }
}
