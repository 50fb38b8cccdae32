using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SpecGen.Format
{
    /// <summary>
    /// Reads strict JSON (RFC 8259) into a tree of <see cref="JsonItem"/>: members in written order, each value with
    /// its place. No recursion: a stack of open containers, at most <see cref="MaxDepth"/> deep, so a deeply nested
    /// document is a <see cref="JsonFormatException"/>, never a stack overflow. Errors name what was expected, the
    /// JSON path of the container, the line and the column. Not allowed, as RFC 8259 says: comments, trailing commas,
    /// single quotes, unquoted keys, control characters in strings, NaN and Infinity, leading zeros, text after the
    /// value; also refused: two members of one object with the same name. A leading byte order mark is skipped.
    /// </summary>
    internal sealed class JsonReader
    {
        /// <summary>How deep objects and arrays may nest.</summary>
        public const int MaxDepth = 256;

        private const string SyntaxPrefix = "JSON syntax error: ";

        private readonly string _text;
        private readonly Stack<JsonItem> _open = new Stack<JsonItem>();
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private JsonItem? _whereParent;
        private string? _whereKey;
        private bool _whereIsObject;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <summary>Reads a whole document; throws <see cref="JsonFormatException"/> when it is not strict JSON.</summary>
        public static JsonItem Parse(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            return new JsonReader(text).ParseDocument();
        }

        /// <summary>The JSON path of the value (or, for a member name, of the object) being read: for messages only.</summary>
        private string Where => _whereIsObject ? _whereParent!.Path
            : _whereParent is null ? "$"
            : _whereKey is null ? _whereParent.Path + "[" + _whereParent.Count.ToString(CultureInfo.InvariantCulture) + "]"
            : _whereParent.PathOf(_whereKey);

        private int ColumnAt(int offset) => offset - _lineStart + 1;

        private JsonItem ParseDocument()
        {
            if (_text.Length > 0 && _text[0] == '\uFEFF')
            {
                _pos = 1;
                _lineStart = 1;
            }

            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw Error(_text.Trim('\uFEFF').Length == 0 ? "The document is empty: expected a JSON value" : "The document holds only whitespace: expected a JSON value", "$", 0);
            }

            JsonItem? root = null;
            JsonItem? parent = null;
            string? key = null;
            int keyOffset = -1;
            int keyEnd = -1;
            int keyLine = 0;
            int keyColumn = 0;
            while (true)
            {
                // A value starts here (the document, an item, or a member's value).
                SkipWhitespace();
                JsonItem value = ReadValueStart(parent, key);
                if (key is not null)
                {
                    value.KeyOffset = keyOffset;
                    value.KeyEnd = keyEnd;
                    value.KeyLine = keyLine;
                    value.KeyColumn = keyColumn;
                }

                if (parent is null)
                {
                    root = value;
                }
                else if (!parent.Add(value))
                {
                    throw new JsonFormatException(SyntaxPrefix + "The object " + parent.Path + " has two members named '" + key + "'", parent.PathOf(key!), keyOffset, keyEnd - keyOffset, keyLine, keyColumn);
                }

                key = null;
                if (value.Kind == JsonKind.Object || value.Kind == JsonKind.Array)
                {
                    if (_open.Count >= MaxDepth)
                    {
                        string deep = TruncatedPath(value);
                        throw Error("Objects and arrays nest more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels deep at " + deep, deep, 1);
                    }

                    _open.Push(value);
                    SkipWhitespace();
                    char close = value.Kind == JsonKind.Object ? '}' : ']';
                    if (Peek() == close)
                    {
                        _pos++;
                        Close(value);
                    }
                    else
                    {
                        parent = value;
                        if (value.Kind == JsonKind.Object)
                        {
                            ReadKey(value, out key, out keyOffset, out keyEnd, out keyLine, out keyColumn, first: true);
                        }

                        continue;
                    }
                }

                // After a value: a ',' and the next one, or the end of the containers it closes.
                while (true)
                {
                    if (_open.Count == 0)
                    {
                        SkipWhitespace();
                        if (_pos < _text.Length)
                        {
                            throw Error("Unexpected " + Describe(_pos) + " after the JSON value: a document holds one value", "$", 1);
                        }

                        return root!;
                    }

                    JsonItem top = _open.Peek();
                    SkipWhitespace();
                    char c = Peek();
                    char closing = top.Kind == JsonKind.Object ? '}' : ']';
                    if (c == ',')
                    {
                        _pos++;
                        parent = top;
                        if (top.Kind == JsonKind.Object)
                        {
                            SkipWhitespace();
                            ReadKey(top, out key, out keyOffset, out keyEnd, out keyLine, out keyColumn, first: false);
                        }
                        else
                        {
                            SkipWhitespace();
                            if (Peek() == ']')
                            {
                                throw Error("A trailing comma in the array " + top.Path + ": expected a value after ','", top.Path, 1);
                            }
                        }

                        break;
                    }

                    if (c == closing)
                    {
                        _pos++;
                        Close(top);
                        continue;
                    }

                    string what = top.Kind == JsonKind.Object ? "',' or '}' after a member of the object " : "',' or ']' after an item of the array ";
                    throw Error("Expected " + what + top.Path + ", found " + Describe(_pos), top.Path, 1);
                }
            }
        }

        private void Close(JsonItem container)
        {
            container.End = _pos;
            if (_open.Count > 0 && ReferenceEquals(_open.Peek(), container))
            {
                _open.Pop();
            }
        }

        /// <summary>A member name and its ':'; the reader stands on the name's opening quote.</summary>
        private void ReadKey(JsonItem obj, out string key, out int offset, out int end, out int line, out int column, bool first)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                string problem = !first && Peek() == '}'
                    ? "A trailing comma in the object " + obj.Path + ": expected a member name after ','"
                    : "Expected a member name in double quotes in the object " + obj.Path + ", found " + Describe(_pos);
                throw Error(problem, obj.Path, 1);
            }

            offset = _pos;
            line = _line;
            column = ColumnAt(_pos);
            _whereParent = obj;
            _whereIsObject = true;
            key = ReadString();
            end = _pos;
            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("Expected ':' after the member name '" + key + "' in the object " + obj.Path + ", found " + Describe(_pos), obj.PathOf(key), 1);
            }

            _pos++;
        }

        /// <summary>Reads a scalar, or the opening bracket of a container (whose end is set when it closes).</summary>
        private JsonItem ReadValueStart(JsonItem? parent, string? key)
        {
            int start = _pos;
            int column = ColumnAt(start);
            // Where the value is, for a message: worked out only when there is one.
            _whereParent = parent;
            _whereKey = key;
            _whereIsObject = false;
            char c = Peek();
            JsonItem node;
            switch (c)
            {
                case '{':
                    _pos++;
                    return new JsonItem(JsonKind.Object, parent, key, start, _line, column);
                case '[':
                    _pos++;
                    return new JsonItem(JsonKind.Array, parent, key, start, _line, column);
                case '"':
                    node = new JsonItem(JsonKind.String, parent, key, start, _line, column);
                    node.Text = ReadString();
                    break;
                case 't':
                    node = Literal("true", JsonKind.True, parent, key);
                    break;
                case 'f':
                    node = Literal("false", JsonKind.False, parent, key);
                    break;
                case 'n':
                    node = Literal("null", JsonKind.Null, parent, key);
                    break;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        node = new JsonItem(JsonKind.Number, parent, key, start, _line, column);
                        node.Text = ReadNumber();
                        break;
                    }

                    throw Error(ValueExpected(), Where, 1);
            }

            node.End = _pos;
            return node;
        }

        private string ValueExpected()
        {
            string found = Describe(_pos);
            string hint = string.Empty;
            if (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '\'')
                {
                    hint = " (JSON strings use double quotes)";
                }
                else if (Where == "$" && LooksLikeYaml(_pos))
                {
                    hint = " (this is not JSON: YAML, such as a spack.yaml?)";
                }
                else if (c == '/' || c == '#')
                {
                    hint = " (JSON has no comments)";
                }
                else if (c == ']' || c == '}')
                {
                    hint = " (a trailing comma?)";
                }
            }

            return "Expected a JSON value (an object, an array, a string, a number, true, false or null) at " + Where + ", found " + found + hint;
        }

        /// <summary>
        /// True when the text from <paramref name="at"/>, past '#' comment lines and blank space (a spack.yaml often opens
        /// with comments), starts as a YAML document's key or list item does.
        /// </summary>
        private bool LooksLikeYaml(int at)
        {
            while (at < _text.Length)
            {
                char c = _text[at];
                if (c == '#')
                {
                    while (at < _text.Length && _text[at] != '\n')
                    {
                        at++;
                    }
                }
                else if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    at++;
                }
                else
                {
                    return char.IsLetter(c) || c == '-';
                }
            }

            return false;
        }

        private JsonItem Literal(string word, JsonKind kind, JsonItem? parent, string? key)
        {
            int start = _pos;
            int column = ColumnAt(start);
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0 || (_pos + word.Length < _text.Length && IsWordChar(_text[_pos + word.Length])))
            {
                throw Error(ValueExpected(), Where, 1);
            }

            _pos += word.Length;
            return new JsonItem(kind, parent, key, start, _line, column);
        }

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

        /// <summary>A number as written: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
        private string ReadNumber()
        {
            int start = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            if (Peek() == '0')
            {
                _pos++;
                if (IsDigit(Peek()))
                {
                    throw Error("A number at " + Where + " has a leading zero, which JSON does not allow", Where, 1);
                }
            }
            else if (IsDigit(Peek()))
            {
                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }
            else
            {
                throw Error("Expected a digit in the number at " + Where + ", found " + Describe(_pos), Where, 1);
            }

            if (Peek() == '.')
            {
                _pos++;
                if (!IsDigit(Peek()))
                {
                    throw Error("Expected a digit after the decimal point of the number at " + Where + ", found " + Describe(_pos), Where, 1);
                }

                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _pos++;
                }

                if (!IsDigit(Peek()))
                {
                    throw Error("Expected a digit in the exponent of the number at " + Where + ", found " + Describe(_pos), Where, 1);
                }

                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }

            if (_pos < _text.Length && IsWordChar(_text[_pos]))
            {
                throw Error("Unexpected " + Describe(_pos) + " in the number at " + Where, Where, 1);
            }

            return _text.Substring(start, _pos - start);
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        /// <summary>A string; the reader stands on its opening quote and ends after its closing one.</summary>
        private string ReadString()
        {
            int start = _pos;
            int line = _line;
            int column = ColumnAt(start);
            _pos++;
            int run = _pos;
            StringBuilder? builder = null;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw new JsonFormatException(SyntaxPrefix + "The string at " + Where + " is not closed: the end of the document comes first", Where, start, _text.Length - start, line, column);
                }

                char c = _text[_pos];
                if (c == '"')
                {
                    string value = builder is null ? _text.Substring(run, _pos - run) : builder.Append(_text, run, _pos - run).ToString();
                    _pos++;
                    return value;
                }

                if (c < ' ')
                {
                    string name = c == '\n' ? "a line feed (write it as \\n; is the string missing its closing quote?)" : c == '\r' ? "a carriage return (write it as \\r)" : c == '\t' ? "a tab (write it as \\t)" : "the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " (write it as \\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) + ")";
                    throw Error("The string at " + Where + " holds " + name + ", which JSON strings must escape", Where, 1);
                }

                if (c != '\\')
                {
                    _pos++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(_text, run, _pos - run);
                if (_pos + 1 >= _text.Length)
                {
                    throw new JsonFormatException(SyntaxPrefix + "The string at " + Where + " is not closed: the end of the document comes first", Where, start, _text.Length - start, line, column);
                }

                char e = _text[_pos + 1];
                switch (e)
                {
                    case '"':
                    case '\\':
                    case '/':
                        builder.Append(e);
                        _pos += 2;
                        break;
                    case 'b':
                        builder.Append('\b');
                        _pos += 2;
                        break;
                    case 'f':
                        builder.Append('\f');
                        _pos += 2;
                        break;
                    case 'n':
                        builder.Append('\n');
                        _pos += 2;
                        break;
                    case 'r':
                        builder.Append('\r');
                        _pos += 2;
                        break;
                    case 't':
                        builder.Append('\t');
                        _pos += 2;
                        break;
                    case 'u':
                        int code = 0;
                        for (int i = 0; i < 4; i++)
                        {
                            int digit = _pos + 2 + i < _text.Length ? HexValue(_text[_pos + 2 + i]) : -1;
                            if (digit < 0)
                            {
                                _pos += 2 + i;
                                throw Error("The escape \\u in the string at " + Where + " needs four hexadecimal digits, found " + Describe(_pos), Where, 1);
                            }

                            code = (code << 4) | digit;
                        }

                        builder.Append((char)code);
                        _pos += 6;
                        break;
                    default:
                        _pos++;
                        throw Error("Unknown escape '\\" + (e < ' ' || e > '~' ? "U+" + ((int)e).ToString("X4", CultureInfo.InvariantCulture) : e.ToString()) + "' in the string at " + Where + " (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)", Where, 1);
                }

                run = _pos;
            }
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\t')
                {
                    _pos++;
                }
                else if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == '\r')
                {
                    _pos++;
                    if (_pos < _text.Length && _text[_pos] == '\n')
                    {
                        _pos++;
                    }

                    _line++;
                    _lineStart = _pos;
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>The character at <paramref name="offset"/> for a message, or "the end of the document".</summary>
        private string Describe(int offset)
        {
            if (offset >= _text.Length)
            {
                return "the end of the document";
            }

            char c = _text[offset];
            return c > ' ' && c < 127 ? "'" + c + "'" : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        }

        /// <summary>The path of a value nested too deep, shortened: its first steps and its depth.</summary>
        private static string TruncatedPath(JsonItem node)
        {
            JsonItem top = node;
            int depth = 0;
            while (top.Parent is not null)
            {
                top = top.Parent;
                depth++;
            }

            JsonItem? near = node;
            for (int i = 0; i < depth - 3 && near?.Parent is not null; i++)
            {
                near = near.Parent;
            }

            return near!.Path + "... (depth " + depth.ToString(CultureInfo.InvariantCulture) + ")";
        }

        private JsonFormatException Error(string problem, string path, int length)
        {
            int offset = Math.Min(_pos, _text.Length);
            return new JsonFormatException(SyntaxPrefix + problem, path, offset, offset < _text.Length ? length : 0, _line, ColumnAt(offset));
        }
    }
}
