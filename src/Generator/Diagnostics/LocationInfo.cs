using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Diagnostics
{
    /// <summary>A place in a page, kept as plain values until it is reported.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        /// <summary>The place as the compiler prints one, <c>path(line,column)</c> (1-based): for a message that names another location.</summary>
        public string ToDisplayString() => FilePath + "(" + (LineSpan.Start.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + (LineSpan.Start.Character + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";

        /// <summary>The start of a file (line 1, column 1), for what concerns the whole file: one that cannot be read, or is absent.</summary>
        public static LocationInfo AtStart(string path) => new LocationInfo(path, default, default);

        public static LocationInfo Create(string path, SourceText text, TextSpan span)
        {
            return new LocationInfo(path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
