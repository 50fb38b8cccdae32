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
            if (expected.Package != actual.Package) return "package";
            if (expected.Tag != actual.Tag) return "tag";
            if (expected.Hash != actual.Hash) return "hash";
            if (expected.Compiler != actual.Compiler) return "compiler";
            if (expected.Os != actual.Os) return "os";
            if (expected.Platform != actual.Platform) return "platform";
            if (expected.Target != actual.Target) return "target";
            if (!expected.Stacks.SequenceEqual(actual.Stacks)) return "stacks";
            if (!expected.Variants.SequenceEqual(actual.Variants)) return "variants";
            if (!expected.Versions.SequenceEqual(actual.Versions)) return "versions";
            if (expected.SizeJson != actual.SizeJson) return "size";
            if (expected.Tarball != actual.Tarball) return "tarball";
            return null;
        }

        private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
