using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using SpecGen.Format;

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
        /// Appends bytes as the characters of a C# string literal, two bytes a character (the first the low byte; an odd
        /// last byte padded with 0): printable characters as they are, the rest (quotes, backslashes, controls, line
        /// separators, surrogates, non-characters) as <c>\uXXXX</c>.
        /// </summary>
        public static void AppendBytesAsChars(StringBuilder builder, byte[] bytes) => AppendBytesAsChars(builder, bytes, 0, bytes.Length);

        /// <summary>As <see cref="AppendBytesAsChars(StringBuilder, byte[])"/>, for the <paramref name="length"/> bytes from <paramref name="start"/>.</summary>
        [MethodImpl(Jit.Hot)]
        public static void AppendBytesAsChars(StringBuilder builder, byte[] bytes, int start, int length)
        {
            int end = start + length;
            for (int i = start; i < end; i += 2)
            {
                int c = bytes[i] | ((i + 1 < end ? bytes[i + 1] : 0) << 8);
                if (IsPlain(c))
                {
                    builder.Append((char)c);
                }
                else
                {
                    builder.Append("\\u").Append(c.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        /// <summary>
        /// True for a character written as it is in a generated literal. A fixed list, not the runtime's Unicode tables
        /// (the same pages must give the same source on every host): escaped are quotes, backslashes, controls, spaces
        /// other than ' ' and every invisible or direction-changing character (the General Punctuation block, the
        /// byte-order mark, variation selectors, fillers, the no-break space, the Arabic and Syriac format marks),
        /// surrogates and the Specials block.
        /// </summary>
        internal static bool IsPlain(int c)
        {
            if (c <= 0xA0)
            {
                return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
            }

            return c != 0xAD && c != 0x034F && !(c >= 0x0600 && c <= 0x0605) && c != 0x061C && c != 0x06DD && c != 0x070F
                && c != 0x0890 && c != 0x0891 && c != 0x08E2 && c != 0x115F && c != 0x1160 && c != 0x1680 && c != 0x17B4 && c != 0x17B5
                && !(c >= 0x180B && c <= 0x180F) && !(c >= 0x2000 && c <= 0x206F) && c != 0x3000 && c != 0x3164
                && !(c >= 0xD800 && c <= 0xDFFF) && !(c >= 0xFE00 && c <= 0xFE0F) && c != 0xFEFF && c != 0xFFA0 && c < 0xFFF0;
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
