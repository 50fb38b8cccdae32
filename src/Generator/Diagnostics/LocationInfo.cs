using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Diagnostics
{
    /// <summary>A place in a page, kept as plain values until it is reported.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        public static LocationInfo Create(string path, SourceText text, TextSpan span)
        {
            return new LocationInfo(path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
