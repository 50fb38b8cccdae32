using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpecGen.Format
{
    /// <summary>
    /// Writes a <see cref="JsonItem"/> back as Python's <c>json.dumps(obj, separators=(",", ":"))</c> writes what
    /// <c>json.loads</c> read (the form Spack hashes from spec file v4, lockfile v5, on): members in written order, no
    /// blanks, <c>ensure_ascii</c> (every character outside ' '..'~' as <c>\uXXXX</c> in lowercase hexadecimal, a
    /// character beyond U+FFFF as its surrogate pair), Python's short escapes (<c>\" \\ \n \r \t \b \f</c>), '/' as it
    /// is; numbers as written (Python would rewrite a float such as <c>1e5</c>; Spack writes none in a node).
    /// </summary>
    internal static class PythonJson
    {
        private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

        /// <summary>The compact text of <paramref name="node"/>, leaving out its own member named <paramref name="omit"/> (if an object).</summary>
        public static string Compact(JsonItem node, string? omit = null)
        {
            var builder = new StringBuilder(Math.Max(16, node.End - node.Offset));
            Write(builder, node, omit);
            return builder.ToString();
        }

        /// <summary>
        /// Spack's DAG hash of nodes (<c>spack.util.hash.b32_hash</c> over <c>sjson.dump(node_dict)</c>): the node
        /// without its <c>hash</c> member, compact, SHA-1 of its UTF-8 bytes, in lowercase base32 (32 characters).
        /// One buffer and one SHA-1 for all the nodes of a lockfile.
        /// </summary>
        public sealed class DagHasher : IDisposable
        {
#pragma warning disable CA5350 // SHA-1 is what Spack's hash is made of, not a security measure.
            private readonly SHA1 _sha1 = SHA1.Create();
#pragma warning restore CA5350
            private readonly StringBuilder _text = new StringBuilder();
            private byte[] _bytes = new byte[0];

            public string Hash(JsonItem node)
            {
                _text.Clear();
                Write(_text, node, "hash");

                // ensure_ascii: every character is ASCII, one byte each.
                if (_bytes.Length < _text.Length)
                {
                    _bytes = new byte[Math.Max(_text.Length, _bytes.Length * 2)];
                }

                for (int i = 0; i < _text.Length; i++)
                {
                    _bytes[i] = (byte)_text[i];
                }

                return Base32(_sha1.ComputeHash(_bytes, 0, _text.Length));
            }

            public void Dispose() => _sha1.Dispose();
        }

        /// <summary>RFC 4648 base32 in lowercase, padded with '=' as Python's <c>base64.b32encode(...).lower()</c>.</summary>
        public static string Base32(byte[] data)
        {
            var builder = new StringBuilder(((data.Length + 4) / 5) * 8);
            int buffer = 0;
            int bits = 0;
            foreach (byte b in data)
            {
                buffer = (buffer << 8) | b;
                bits += 8;
                while (bits >= 5)
                {
                    builder.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                    bits -= 5;
                }

                buffer &= (1 << bits) - 1;
            }

            if (bits > 0)
            {
                builder.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
            }

            while (builder.Length % 8 != 0)
            {
                builder.Append('=');
            }

            return builder.ToString();
        }

        private static void Write(StringBuilder builder, JsonItem node, string? omit)
        {
            switch (node.Kind)
            {
                case JsonKind.Object:
                    builder.Append('{');
                    bool first = true;
                    foreach (JsonItem member in node.Children)
                    {
                        if (omit is not null && string.Equals(member.Key, omit, StringComparison.Ordinal))
                        {
                            continue;
                        }

                        if (!first)
                        {
                            builder.Append(',');
                        }

                        first = false;
                        WriteString(builder, member.Key!);
                        builder.Append(':');
                        Write(builder, member, null);
                    }

                    builder.Append('}');
                    break;
                case JsonKind.Array:
                    builder.Append('[');
                    for (int i = 0; i < node.Count; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(',');
                        }

                        Write(builder, node.Children[i], null);
                    }

                    builder.Append(']');
                    break;
                case JsonKind.String:
                    WriteString(builder, node.Text!);
                    break;
                case JsonKind.Number:
                    builder.Append(node.Text);
                    break;
                case JsonKind.True:
                    builder.Append("true");
                    break;
                case JsonKind.False:
                    builder.Append("false");
                    break;
                default:
                    builder.Append("null");
                    break;
            }
        }

        /// <summary>Python's <c>py_encode_basestring_ascii</c>.</summary>
        public static void WriteString(StringBuilder builder, string text)
        {
            builder.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\r':
                        builder.Append("\\r");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    case '\b':
                        builder.Append("\\b");
                        break;
                    case '\f':
                        builder.Append("\\f");
                        break;
                    default:
                        if (c < ' ' || c > '~')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }
    }
}
