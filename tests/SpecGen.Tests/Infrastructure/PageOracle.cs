using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>One spec as an independent reader (System.Text.Json over the page's JSON lines) sees it.</summary>
    internal sealed record OracleSpec(
        string Package,
        string Tag,
        string Hash,
        string Compiler,
        string Os,
        string Platform,
        string Target,
        string[] Stacks,
        string[] Variants,
        string[] Versions,
        string SizeJson,
        string? Tarball);

    /// <summary>Reads pages written in the published style (flow JSON lines) without SpecGen's code.</summary>
    internal static class PageOracle
    {
        public static List<OracleSpec> Read(string text)
        {
            string? title = null;
            string? tag = null;
            JsonElement? specs = null;
            foreach (string rawLine in text.Split('\n'))
            {
                string line = rawLine.TrimEnd('\r');
                if (line.StartsWith("title: ", StringComparison.Ordinal))
                {
                    title = JsonSerializer.Deserialize<string>(line.Substring("title: ".Length));
                }
                else if (line.StartsWith("categories: [", StringComparison.Ordinal))
                {
                    tag = line.Substring("categories: [".Length).TrimEnd(']').Split(',')[1].Trim();
                }
                else if (line.StartsWith("spec_details: ", StringComparison.Ordinal))
                {
                    specs = JsonDocument.Parse(line.Substring("spec_details: ".Length)).RootElement;
                }
            }

            if (title is null || tag is null || specs is null)
            {
                throw new FormatException("Not a page in the published style.");
            }

            return specs.Value.EnumerateArray().Select(s => new OracleSpec(
                title,
                tag,
                s.GetProperty("hash").GetString()!,
                s.GetProperty("compiler").GetString()!,
                s.GetProperty("os").GetString()!,
                s.GetProperty("platform").GetString()!,
                s.GetProperty("target").GetString()!,
                Strings(s.GetProperty("stacks")),
                Strings(s.GetProperty("variants")),
                Strings(s.GetProperty("versions")),
                s.GetProperty("size").GetRawText(),
                s.TryGetProperty("tarball", out JsonElement tarball) && tarball.ValueKind == JsonValueKind.String ? tarball.GetString() : null)).ToList();
        }

        /// <summary>Each spec of a page in the published style as its JSON object, key by key (no field known in advance).</summary>
        public static List<Dictionary<string, JsonElement>> ReadRaw(string text)
        {
            foreach (string rawLine in text.Split('\n'))
            {
                string line = rawLine.TrimEnd('\r');
                if (line.StartsWith("spec_details: ", StringComparison.Ordinal))
                {
                    JsonElement specs = JsonDocument.Parse(line.Substring("spec_details: ".Length)).RootElement;
                    return specs.EnumerateArray().Select(s => s.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())).ToList();
                }
            }

            throw new FormatException("Not a page in the published style.");
        }

        /// <summary>The same fields read from a catalog entry, in the oracle's shape.</summary>
        public static OracleSpec FromCatalog(Spec spec)
        {
            return new OracleSpec(
                spec.Package,
                spec.Tag,
                spec.Hash,
                spec.Compiler.Text,
                spec.Os,
                spec.Platform,
                spec.Target,
                spec.Stacks.ToArray(),
                spec.Variants.Select(v => v.Text).ToArray(),
                new[] { spec.Version.ToString() },
                spec.SizeWrittenAsNumber ? spec.SizeText : JsonSerializer.Serialize(spec.SizeText),
                spec.Tarball);
        }

        /// <summary>Compares two specs field by field, naming the first field that differs.</summary>
        public static string? Difference(OracleSpec expected, OracleSpec actual)
        {
            (bool Differs, string Field)[] fields =
            {
                (expected.Package != actual.Package, "package"),
                (expected.Tag != actual.Tag, "tag"),
                (expected.Hash != actual.Hash, "hash"),
                (expected.Compiler != actual.Compiler, "compiler"),
                (expected.Os != actual.Os, "os"),
                (expected.Platform != actual.Platform, "platform"),
                (expected.Target != actual.Target, "target"),
                (!expected.Stacks.SequenceEqual(actual.Stacks), "stacks"),
                (!expected.Variants.SequenceEqual(actual.Variants), "variants"),
                (!expected.Versions.SequenceEqual(actual.Versions), "versions"),
                (expected.SizeJson != actual.SizeJson, "size"),
                (expected.Tarball != actual.Tarball, "tarball"),
            };
            foreach ((bool differs, string field) in fields)
            {
                if (differs)
                {
                    return field;
                }
            }

            return null;
        }

        private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
