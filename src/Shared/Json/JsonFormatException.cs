using System;
using System.Globalization;

namespace SpecGen.Format
{
    /// <summary>
    /// A document that cannot be read, with where: the problem (which names the JSON path), the 1-based line and
    /// column, the character offset and length of the text at fault, and the lockfile version when one applies. The
    /// message is the problem followed by <c>(line L, column C; lockfile version V)</c>.
    /// </summary>
    internal sealed class JsonFormatException : FormatException
    {
        public JsonFormatException(string problem, string path, int offset, int length, int line, int column, int? version = null)
            : base(Compose(problem, line, column, version))
        {
            Problem = problem;
            Path = path;
            Offset = offset;
            Length = length;
            Line = line;
            Column = column;
            Version = version;
        }

        public string Problem { get; }

        public string Path { get; }

        public int Offset { get; }

        public int Length { get; }

        public int Line { get; }

        public int Column { get; }

        public int? Version { get; }

        /// <summary>A problem with a value of the document, at that value.</summary>
        public static JsonFormatException At(JsonItem node, string problem, int? version)
        {
            // A container is marked by its opening bracket, a scalar by its text.
            int length = node.IsObject || node.IsArray ? 1 : Math.Max(0, node.End - node.Offset);
            return new JsonFormatException(problem, node.Path, node.Offset, length, node.Line, node.Column, version);
        }

        private static string Compose(string problem, int line, int column, int? version)
        {
            string where = "line " + line.ToString(CultureInfo.InvariantCulture) + ", column " + column.ToString(CultureInfo.InvariantCulture);
            return problem + " (" + where + (version is int v ? "; lockfile version " + v.ToString(CultureInfo.InvariantCulture) : string.Empty) + ")";
        }
    }
}
