using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// A page file's path and text (or why it could not be read), equal to another of the same path and the same
    /// characters. The compiler gives a new <c>AdditionalText</c> for every file on every build, so a generator driver
    /// kept between builds (the compiler server's, with <c>enable-generator-cache</c>) would read every page again;
    /// compared by content, an unchanged page keeps its cached result and only an edited one is read.
    /// </summary>
    internal sealed class PageText
    {
        public PageText(string path, SourceText? text, string? why)
        {
            Path = path;
            Text = text;
            Why = why;
        }

        public string Path { get; }

        /// <summary>The text, or null when the file could not be read.</summary>
        public SourceText? Text { get; }

        /// <summary>Why the file could not be read (the message of what the compiler threw), or null.</summary>
        public string? Why { get; }

        // Read-ahead state (Pages.ReadAhead): the helper of the run that registered it, who reads it (an interlocked flag)
        // and the helper's result until the driver's thread takes it. Not part of equality.
        internal object? Helper;
        internal int ReadState;
        internal PageResult? HelperResult;

        /// <summary>Equal paths and equal characters (or the same reason the file could not be read).</summary>
        public static IEqualityComparer<PageText> ByContent { get; } = new ContentComparer();

        private sealed class ContentComparer : IEqualityComparer<PageText>
        {
            public bool Equals(PageText? x, PageText? y)
            {
                if (ReferenceEquals(x, y))
                {
                    return true;
                }

                if (x is null || y is null || !string.Equals(x.Path, y.Path, StringComparison.Ordinal) || !string.Equals(x.Why, y.Why, StringComparison.Ordinal))
                {
                    return false;
                }

                return x.Text is null ? y.Text is null : y.Text is not null && x.Text.ContentEquals(y.Text);
            }

            public int GetHashCode(PageText obj) => StringComparer.Ordinal.GetHashCode(obj.Path);
        }
    }
}
