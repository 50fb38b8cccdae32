using System.Text;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>Writes a spec's parts in Spack's syntax so that the query parser reads them back as they are.</summary>
    internal static class QueryText
    {
        /// <summary>
        /// <c>+name</c>, <c>~name</c>, <c>name=values</c> or <c>name:=values</c>; a value with a character Spack's bare
        /// value token does not take (a blank, a quote, '@', '#', ...) is quoted, in double quotes when it holds a single
        /// quote (spack/spack spec_parser.py, VALUE and quote_if_needed).
        /// </summary>
        public static void AppendVariant(StringBuilder builder, Variant variant)
        {
            if (variant.Kind == VariantKind.Bool)
            {
                builder.Append(variant.IsEnabled ? '+' : '~').Append(variant.Name);
                return;
            }

            builder.Append(variant.Name).Append(variant.IsExact ? ":=" : "=");
            NameList values = variant.Values;
            bool bare = true;
            bool single = false;
            for (int i = 0; i < values.Count; i++)
            {
                foreach (char c in values[i])
                {
                    bare &= ValueGrammar.IsBareValueChar(c);
                    single |= c == '\'';
                }
            }

            // A value that starts with '=' would make 'name==value', which Spack reads as propagation.
            bare &= values.Count == 0 || values[0].Length == 0 || values[0][0] != '=';
            char quote = single ? '"' : '\'';
            if (!bare)
            {
                builder.Append(quote);
            }

            for (int i = 0; i < values.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                foreach (char c in values[i])
                {
                    if (!bare && c == quote)
                    {
                        builder.Append('\\');
                    }

                    builder.Append(c);
                }
            }

            if (!bare)
            {
                builder.Append(quote);
            }
        }

        /// <summary><c> arch=platform-os-target</c>, or the three keys apart when a part holds a '-' (which would split it).</summary>
        public static void AppendArch(StringBuilder builder, string platform, string os, string target)
        {
            if (platform.IndexOf('-') < 0 && os.IndexOf('-') < 0 && target.IndexOf('-') < 0)
            {
                builder.Append(" arch=").Append(platform).Append('-').Append(os).Append('-').Append(target);
                return;
            }

            builder.Append(" platform=").Append(platform).Append(" os=").Append(os).Append(" target=").Append(target);
        }
    }
}
