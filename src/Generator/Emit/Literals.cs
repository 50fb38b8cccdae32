using System;
using System.Globalization;
using System.Text;

namespace SpecGen.Generator.Emit
{
    /// <summary>Writes data as C# literals and XML doc text. Every string from a page goes through here.</summary>
    internal static class Literals
    {
        /// <summary>
        /// A C# string literal of <paramref name="value"/> in ASCII: printable ASCII as is (with \" and \\),
        /// everything else (controls, line and paragraph separators, bidi controls, non-ASCII) as \uXXXX.
        /// </summary>
        public static string String(string value)
        {
            var builder = new StringBuilder(value.Length + 2);
            builder.Append('"');
            AppendEscaped(builder, value);
            builder.Append('"');
            return builder.ToString();
        }

        public static void AppendEscaped(StringBuilder builder, string value)
        {
            foreach (char c in value)
            {
                AppendEscaped(builder, c);
            }
        }

        public static void AppendEscaped(StringBuilder builder, char c)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (c >= ' ' && c < 127)
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        /// <summary>
        /// Appends bytes that are printable ASCII other than '"' and '\\' (the table blob) as the characters
        /// they are; anything else would be a bug in the encoder, and is refused rather than written.
        /// </summary>
        public static void AppendPrintableAscii(StringBuilder builder, byte[] bytes)
        {
            var chars = new char[Math.Min(bytes.Length, 8192)];
            for (int start = 0; start < bytes.Length; start += chars.Length)
            {
                int count = Math.Min(chars.Length, bytes.Length - start);
                for (int i = 0; i < count; i++)
                {
                    byte b = bytes[start + i];
                    if (b < 0x20 || b > 0x7E || b == (byte)'"' || b == (byte)'\\')
                    {
                        throw new InvalidOperationException("The table blob holds a byte that needs escaping.");
                    }

                    chars[i] = (char)b;
                }

                builder.Append(chars, 0, count);
            }
        }

        /// <summary>Text for an XML doc comment line: markup characters escaped, anything outside printable ASCII as a character reference.</summary>
        public static string XmlText(string value)
        {
            var builder = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '&':
                        builder.Append("&amp;");
                        break;
                    case '<':
                        builder.Append("&lt;");
                        break;
                    case '>':
                        builder.Append("&gt;");
                        break;
                    default:
                        if (c >= ' ' && c < 127)
                        {
                            builder.Append(c);
                        }
                        else
                        {
                            builder.Append("&#x").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(';');
                        }

                        break;
                }
            }

            return builder.ToString();
        }
    }
}
