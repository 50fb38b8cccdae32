using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SpecGen.Format
{
    /// <summary>The kinds of JSON value (RFC 8259).</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// One value of a JSON document as <see cref="JsonReader"/> read it: its kind, its text (a string's value, a
    /// number as written), its members in written order (an object) or items (an array), where it starts (offset, and
    /// 1-based line and column) and ends, and its place in the document (<see cref="Path"/>).
    /// </summary>
    internal sealed class JsonItem
    {
        /// <summary>Above this many members an object keeps an index of its keys.</summary>
        private const int IndexThreshold = 8;

        private readonly List<JsonItem>? _children;
        private Dictionary<string, int>? _index;

        internal JsonItem(JsonKind kind, JsonItem? parent, string? key, int offset, int line, int column)
        {
            Kind = kind;
            Parent = parent;
            Key = key;
            Offset = offset;
            Line = line;
            Column = column;
            IndexInParent = parent is null ? -1 : parent.Count;
            if (kind == JsonKind.Object || kind == JsonKind.Array)
            {
                _children = new List<JsonItem>();
            }
        }

        public JsonKind Kind { get; }

        /// <summary>The object or array that holds this value, or null for the document.</summary>
        public JsonItem? Parent { get; }

        /// <summary>The member name of this value in its parent object, or null.</summary>
        public string? Key { get; }

        /// <summary>Its position among its parent's members or items, -1 for the document.</summary>
        public int IndexInParent { get; }

        /// <summary>A string's value (escapes resolved) or a number exactly as written; null for the other kinds.</summary>
        public string? Text { get; internal set; }

        /// <summary>Where the value starts: a character offset, and the 1-based line and column.</summary>
        public int Offset { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>The offset just after the value's last character.</summary>
        public int End { get; internal set; }

        /// <summary>Where the member name of this value starts (its opening quote), -1 when it is not a member.</summary>
        public int KeyOffset { get; internal set; } = -1;

        /// <summary>The offset just after the member name's closing quote.</summary>
        public int KeyEnd { get; internal set; } = -1;

        public int KeyLine { get; internal set; }

        public int KeyColumn { get; internal set; }

        /// <summary>The members (an object, each with its <see cref="Key"/>) or items (an array), in written order; empty otherwise.</summary>
        public IReadOnlyList<JsonItem> Children => (IReadOnlyList<JsonItem>?)_children ?? Array.Empty<JsonItem>();

        public int Count => _children?.Count ?? 0;

        public bool IsObject => Kind == JsonKind.Object;

        public bool IsArray => Kind == JsonKind.Array;

        public bool IsString => Kind == JsonKind.String;

        /// <summary>The JSON path of this value: <c>$</c>, then <c>.name</c> (or <c>['name']</c>) per member and <c>[i]</c> per item.</summary>
        public string Path
        {
            get
            {
                var parts = new List<JsonItem>();
                for (JsonItem? node = this; node?.Parent is not null; node = node.Parent)
                {
                    parts.Add(node);
                }

                var builder = new StringBuilder("$");
                for (int i = parts.Count - 1; i >= 0; i--)
                {
                    AppendStep(builder, parts[i]);
                }

                return builder.ToString();
            }
        }

        /// <summary>The kind as a message names it: <c>an object</c>, <c>a string</c>, <c>true</c>...</summary>
        public string KindName => NameOf(Kind);

        /// <summary>The member <paramref name="key"/> of an object, or null (also for other kinds).</summary>
        public JsonItem? Get(string key)
        {
            if (_children is null || Kind != JsonKind.Object)
            {
                return null;
            }

            if (_index is not null)
            {
                return _index.TryGetValue(key, out int at) ? _children[at] : null;
            }

            foreach (JsonItem child in _children)
            {
                if (string.Equals(child.Key, key, StringComparison.Ordinal))
                {
                    return child;
                }
            }

            return null;
        }

        public static string NameOf(JsonKind kind)
        {
            switch (kind)
            {
                case JsonKind.Object:
                    return "an object";
                case JsonKind.Array:
                    return "an array";
                case JsonKind.String:
                    return "a string";
                case JsonKind.Number:
                    return "a number";
                case JsonKind.True:
                    return "true";
                case JsonKind.False:
                    return "false";
                default:
                    return "null";
            }
        }

        /// <summary>Adds a member or item; false (nothing added) when an object already has a member of that name.</summary>
        internal bool Add(JsonItem child)
        {
            if (Kind == JsonKind.Object)
            {
                if (Get(child.Key!) is not null)
                {
                    return false;
                }

                if (_index is not null)
                {
                    _index.Add(child.Key!, _children!.Count);
                }
                else if (_children!.Count == IndexThreshold)
                {
                    _index = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (int i = 0; i < _children.Count; i++)
                    {
                        _index.Add(_children[i].Key!, i);
                    }

                    _index.Add(child.Key!, _children.Count);
                }
            }

            _children!.Add(child);
            return true;
        }

        /// <summary>The path of a member named <paramref name="key"/> of this value (which need not exist).</summary>
        internal string PathOf(string key)
        {
            var builder = new StringBuilder(Path);
            AppendName(builder, key);
            return builder.ToString();
        }

        private static void AppendStep(StringBuilder builder, JsonItem node)
        {
            if (node.Key is not null)
            {
                AppendName(builder, node.Key);
            }
            else
            {
                builder.Append('[').Append(node.IndexInParent.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        private static void AppendName(StringBuilder builder, string key)
        {
            if (IsPlainName(key))
            {
                builder.Append('.').Append(key);
                return;
            }

            builder.Append("['");
            foreach (char c in key)
            {
                if (c == '\'' || c == '\\')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c < ' ' || c == '\u007f')
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            builder.Append("']");
        }

        private static bool IsPlainName(string key)
        {
            if (key.Length == 0 || key.Length > 64 || (key[0] >= '0' && key[0] <= '9'))
            {
                return false;
            }

            foreach (char c in key)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
