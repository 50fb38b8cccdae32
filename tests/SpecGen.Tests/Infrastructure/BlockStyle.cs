using System.Linq;
using System.Text;
using System.Text.Json;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>Rewrites a published page (JSON flow lines) as hand-written block-style YAML.</summary>
    internal static class BlockStyle
    {
        public static string Convert(string page)
        {
            var output = new StringBuilder();
            foreach (string rawLine in page.Split('\n'))
            {
                string line = rawLine.TrimEnd('\r');
                int colon = line.IndexOf(": ", System.StringComparison.Ordinal);
                if (colon > 0 && (line.Substring(colon + 2).StartsWith('{') || line.Substring(colon + 2).StartsWith("[{")))
                {
                    output.Append(line, 0, colon).Append(":\n");
                    Write(output, JsonDocument.Parse(line.Substring(colon + 2)).RootElement, 1);
                }
                else
                {
                    output.Append(line).Append('\n');
                }
            }

            return output.ToString().TrimEnd('\n');
        }

        private static void Write(StringBuilder output, JsonElement element, int depth)
        {
            string indent = new string(' ', depth * 2);
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (IsScalar(property.Value) || (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0))
                    {
                        output.Append(indent).Append(property.Name).Append(": ").Append(Scalar(property.Value)).Append('\n');
                    }
                    else
                    {
                        output.Append(indent).Append(property.Name).Append(":\n");
                        Write(output, property.Value, depth + 1);
                    }
                }
            }
            else
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (IsScalar(item))
                    {
                        output.Append(indent).Append("- ").Append(Scalar(item)).Append('\n');
                    }
                    else
                    {
                        // A mapping inside a list: the first key goes on the dash line.
                        var nested = new StringBuilder();
                        Write(nested, item, depth + 1);
                        string text = nested.ToString();
                        output.Append(indent).Append("- ").Append(text.Substring((depth + 1) * 2));
                    }
                }
            }
        }

        private static bool IsScalar(JsonElement element) => element.ValueKind != JsonValueKind.Object && element.ValueKind != JsonValueKind.Array;

        /// <summary>Plain where YAML allows it, single-quoted otherwise; numbers stay plain.</summary>
        private static string Scalar(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                return "[]";
            }

            if (element.ValueKind == JsonValueKind.Number)
            {
                return element.GetRawText();
            }

            string value = element.GetString()!;
            bool plain = value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '@' or '+' or '/')
                && !char.IsDigit(value[0]) && value != "null" && value != "true" && value != "false";
            return plain ? value : "'" + value.Replace("'", "''") + "'";
        }
    }
}
