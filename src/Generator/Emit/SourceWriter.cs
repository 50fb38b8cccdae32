using System.Text;

namespace SpecGen.Generator.Emit
{
    /// <summary>A small indented text writer; lines end with '\n' whatever the platform, so output is the same everywhere.</summary>
    internal sealed class SourceWriter
    {
        private readonly StringBuilder _builder;
        private int _indent;

        public SourceWriter(int capacity = 16 * 1024)
        {
            _builder = new StringBuilder(capacity);
        }

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
        }

        /// <summary>Starts a line and returns the builder so a long line can be written in pieces; end it with <see cref="EndLine"/>.</summary>
        public StringBuilder BeginLine()
        {
            _builder.Append(' ', _indent * 4);
            return _builder;
        }

        public void EndLine() => _builder.Append('\n');

        public void Open(string text)
        {
            Line(text);
            Line("{");
            _indent++;
        }

        public void Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
        }

        public override string ToString() => _builder.ToString();
    }
}
