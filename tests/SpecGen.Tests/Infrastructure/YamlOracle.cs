using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// Reads any page (flow or block style) with YamlDotNet's representation model: an independent path
    /// from SpecGen's event-based reader, used to check what a page that passed every check round-trips to.
    /// </summary>
    internal static class YamlOracle
    {
        public static List<OracleSpec> Read(string text)
        {
            string yaml = FrontMatter(text);
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            string title = Scalar(root, "title").Value!;
            string tag = ((YamlSequenceNode)Child(root, "categories")).Children
                .Cast<YamlScalarNode>().Select(n => n.Value!).Single(v => v != "package");
            var specs = (YamlSequenceNode)Child(root, "spec_details");
            return specs.Children.Cast<YamlMappingNode>().Select(s =>
            {
                YamlScalarNode size = Scalar(s, "size");
                YamlNode? t = s.Children.Where(p => ((YamlScalarNode)p.Key).Value == "tarball").Select(p => p.Value).FirstOrDefault();
                string? tarball = t is YamlScalarNode ts && !(ts.Style == ScalarStyle.Plain && ts.Value is "" or "~" or "null" or "Null" or "NULL") ? ts.Value : null;
                return new OracleSpec(
                    title,
                    tag,
                    Scalar(s, "hash").Value!,
                    Scalar(s, "compiler").Value!,
                    Scalar(s, "os").Value!,
                    Scalar(s, "platform").Value!,
                    Scalar(s, "target").Value!,
                    Strings(s, "stacks"),
                    Strings(s, "variants"),
                    Strings(s, "versions"),
                    size.Style == ScalarStyle.Plain && size.Value != "-" ? size.Value! : JsonSerializer.Serialize(size.Value),
                    tarball);
            }).ToList();
        }

        /// <summary>The text up to the line that closes the front matter (lines split at CR, LF, CRLF).</summary>
        private static string FrontMatter(string text)
        {
            int position = 0;
            bool first = true;
            while (position < text.Length)
            {
                int end = position;
                while (end < text.Length && text[end] != '\n' && text[end] != '\r')
                {
                    end++;
                }

                string line = text.Substring(position, end - position).TrimEnd(' ', '\t');
                if (!first && (line == "---" || line == "..."))
                {
                    return text.Substring(0, position);
                }

                first = false;
                position = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            }

            throw new FormatException("no closing line");
        }

        /// <summary>The value of a key, whatever tag the key carries (a tag such as !!str does not change the key).</summary>
        private static YamlNode Child(YamlMappingNode mapping, string key) => mapping.Children.Single(p => ((YamlScalarNode)p.Key).Value == key).Value;

        private static YamlScalarNode Scalar(YamlMappingNode mapping, string key) => (YamlScalarNode)Child(mapping, key);

        private static string[] Strings(YamlMappingNode mapping, string key)
        {
            return ((YamlSequenceNode)Child(mapping, key)).Children.Cast<YamlScalarNode>().Select(n => n.Value!).ToArray();
        }
    }
}
