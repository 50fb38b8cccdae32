using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// A page's additional file and the stamp a command-line build gave it (its last write time, from SpecGen.stamps),
    /// equal to another of the same path and stamp, or to one of the same file object. The compiler server's kept
    /// driver gets a new <c>AdditionalText</c> for every file on every build: by the stamp an unchanged page is known
    /// without reading it (a C# edit at one snapshot read 24 MB of pages to find them unchanged). Without stamps (an
    /// IDE's compilation, whose unsaved edits no stamp shows) only the same file object is equal, and the text is compared
    /// by content after it is read (<see cref="PageText.ByContent"/>).
    /// </summary>
    internal sealed class PageFile
    {
        public PageFile(AdditionalText file, string? stamp)
        {
            File = file;
            Stamp = stamp;
        }

        public AdditionalText File { get; }

        /// <summary>The last write time the build listed for the file, or null.</summary>
        public string? Stamp { get; }

        /// <summary>The same file object, or the same path with the same stamp.</summary>
        public static IEqualityComparer<PageFile> ByStamp { get; } = new StampComparer();

        private sealed class StampComparer : IEqualityComparer<PageFile>
        {
            public bool Equals(PageFile? x, PageFile? y)
            {
                if (ReferenceEquals(x, y))
                {
                    return true;
                }

                if (x is null || y is null)
                {
                    return false;
                }

                return ReferenceEquals(x.File, y.File)
                    || (x.Stamp is not null && string.Equals(x.Stamp, y.Stamp, StringComparison.Ordinal) && string.Equals(x.File.Path, y.File.Path, StringComparison.Ordinal));
            }

            public int GetHashCode(PageFile obj) => StringComparer.Ordinal.GetHashCode(obj.File.Path);
        }
    }
}
