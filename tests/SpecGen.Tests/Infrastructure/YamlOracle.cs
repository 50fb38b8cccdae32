using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using SharpYaml;
using SharpYaml.Model;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// Reads any page (flow or block style) with SharpYaml, a YAML implementation other than the generator's
    /// YamlDotNet, by rules taken from the format's documentation and the standards it names, not from SpecGen's
    /// code: the front matter is what Jekyll (which serves the cache site) takes as front matter; lines break at CR,
    /// LF and CRLF only (YAML 1.2, 5.4); a plain scalar <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or nothing is
    /// null and a plain <c>[-+]?[0-9]+</c> is an integer (YAML 1.2 core schema, 10.3.2); a null <c>tarball</c> means
    /// the page gives none (PAGE-FORMAT: <c>tarball</c> is optional).
    /// </summary>
    internal static class YamlOracle
    {
        private static readonly Regex CoreNull = new Regex("^(~|null|Null|NULL|)$");
        private static readonly Regex CoreInteger = new Regex("^[-+]?[0-9]+$");

        public static List<OracleSpec> Read(string text)
        {
            YamlStream stream = YamlStream.Load(new StringReader(BlankLinesEmptied(FrontMatter(text))), null);
            var root = (YamlMapping)stream[0].Contents!;
            string title = Value(Get(root, "title"));
            string tag = ((YamlSequence)Get(root, "categories")).Select(Value).Single(v => v != "package");
            return ((YamlSequence)Get(root, "spec_details")).Cast<YamlMapping>().Select(s =>
            {
                var size = (YamlValue)Get(s, "size");
                string? tarball = s.TryGetValue("tarball", out YamlElement? t) && !IsNull(t) ? Value(t) : null;
                return new OracleSpec(
                    title,
                    tag,
                    Value(Get(s, "hash")),
                    Value(Get(s, "compiler")),
                    Value(Get(s, "os")),
                    Value(Get(s, "platform")),
                    Value(Get(s, "target")),
                    Strings(Get(s, "stacks")),
                    Strings(Get(s, "variants")),
                    Strings(Get(s, "versions")),
                    size.Style == ScalarStyle.Plain && CoreInteger.IsMatch(size.Value) ? size.Value : JsonSerializer.Serialize(size.Value),
                    tarball);
            }).ToList();
        }

        /// <summary>
        /// Jekyll's front matter: the file starts with a line of three dashes, and the front matter runs to the next
        /// line of three dashes or three dots (either may be followed by blanks).
        /// </summary>
        private static string FrontMatter(string text)
        {
            var lines = new List<(int Start, string Line)>();
            int position = 0;
            while (position < text.Length)
            {
                int end = position;
                while (end < text.Length && text[end] != '\n' && text[end] != '\r')
                {
                    end++;
                }

                lines.Add((position, text.Substring(position, end - position)));
                position = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            }

            if (lines.Count == 0 || lines[0].Line.TrimEnd(' ', '\t') != "---")
            {
                throw new FormatException("no front matter");
            }

            foreach ((int start, string line) in lines.Skip(1))
            {
                if (line.TrimEnd(' ', '\t') is "---" or "...")
                {
                    return text.Substring(0, start);
                }
            }

            throw new FormatException("no closing line");
        }

        /// <summary>
        /// A line of only spaces and tabs is a blank line (YAML 1.2, 6.6: an l-comment without text); SharpYaml 3.17
        /// refuses a tab there, so such lines are emptied before it reads the text.
        /// </summary>
        private static string BlankLinesEmptied(string yaml) => Regex.Replace(yaml, "(?m)^[ \t]+(?=\r?$)", string.Empty);

        private static YamlElement Get(YamlMapping mapping, string key) => mapping.TryGetValue(key, out YamlElement? value) && value is not null ? value : throw new FormatException("no " + key);

        private static bool IsNull(YamlElement? element) => element is YamlValue value && value.Style == ScalarStyle.Plain && CoreNull.IsMatch(value.Value);

        private static string Value(YamlElement element) => ((YamlValue)element).Value;

        private static string[] Strings(YamlElement element) => ((YamlSequence)element).Select(Value).ToArray();
    }
}
