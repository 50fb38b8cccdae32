using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>One lockfile node as an independent reader (System.Text.Json) sees it.</summary>
    internal sealed record OracleNode(
        string Key,
        string Name,
        string Version,
        string Hash,
        bool External,
        bool Root,
        string? Compiler,
        string Target,
        string Os,
        string Platform,
        string[] Variants,
        string[] Dependencies,
        string? RecomputedHash);

    /// <summary>
    /// Reads lockfiles without SpecGen's code: System.Text.Json's JsonDocument, the layout of each version as Spack's
    /// environment.py writes it, and a second implementation of Spack's DAG hash (Python's compact json.dumps,
    /// SHA-1, base32) written apart from SpecGen's.
    /// </summary>
    internal static class LockfileOracle
    {
        public static (int Version, List<OracleNode> Nodes) Read(string path) => Parse(File.ReadAllText(path));

        public static (int Version, List<OracleNode> Nodes) Parse(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
            JsonElement root = document.RootElement;
            int version = root.GetProperty("_meta").GetProperty("lockfile-version").GetInt32();
            var roots = new HashSet<string>(root.GetProperty("roots").EnumerateArray().Select(r => r.GetProperty("hash").GetString()!), StringComparer.Ordinal);
            var bodies = new List<(string Key, JsonElement Body, string Name)>();
            foreach (JsonProperty node in root.GetProperty("concrete_specs").EnumerateObject())
            {
                if (version == 2)
                {
                    JsonProperty wrapped = node.Value.EnumerateObject().Single();
                    bodies.Add((node.Name, wrapped.Value, wrapped.Name));
                }
                else
                {
                    bodies.Add((node.Name, node.Value, node.Value.GetProperty("name").GetString()!));
                }
            }

            Dictionary<string, (string Name, string Version)> byKey = bodies.ToDictionary(b => b.Key, b => (b.Name, b.Body.GetProperty("version").GetString()!), StringComparer.Ordinal);
            var nodes = new List<OracleNode>();
            foreach ((string key, JsonElement body, string name) in bodies)
            {
                JsonElement arch = body.GetProperty("arch");
                JsonElement target = arch.GetProperty("target");
                bool external = body.TryGetProperty("external", out JsonElement ext) && ext.ValueKind == JsonValueKind.Object;
                string hash = version < 4 ? body.GetProperty("hash").GetString()! : key;
                nodes.Add(new OracleNode(
                    key,
                    name,
                    body.GetProperty("version").GetString()!,
                    hash,
                    external,
                    roots.Contains(key),
                    Compiler(body, version, byKey),
                    target.ValueKind == JsonValueKind.String ? target.GetString()! : target.GetProperty("name").GetString()!,
                    arch.GetProperty("platform_os").GetString()!,
                    arch.GetProperty("platform").GetString()!,
                    Variants(body),
                    Dependencies(body, version, byKey),
                    version >= 5 ? DagHash(body) : null));
            }

            return (version, nodes);
        }

        /// <summary>The compiler attribute (up to v5) or the dependency whose edge provides c, then cxx, then fortran (v6 on).</summary>
        private static string? Compiler(JsonElement body, int version, Dictionary<string, (string Name, string Version)> byKey)
        {
            if (body.TryGetProperty("compiler", out JsonElement compiler) && compiler.ValueKind == JsonValueKind.Object)
            {
                return compiler.GetProperty("name").GetString() + "@" + compiler.GetProperty("version").GetString();
            }

            if (version < 6 || !body.TryGetProperty("dependencies", out JsonElement deps))
            {
                return null;
            }

            foreach (string language in new[] { "c", "cxx", "fortran" })
            {
                foreach (JsonElement edge in deps.EnumerateArray())
                {
                    if (edge.GetProperty("parameters").GetProperty("virtuals").EnumerateArray().Any(v => v.GetString() == language))
                    {
                        (string n, string v) = byKey[edge.GetProperty("hash").GetString()!];
                        return n + "@" + v;
                    }
                }
            }

            return null;
        }

        /// <summary>Spack's spec syntax for each parameter: bools as +/~, a string as name=value, a non-empty list as name:=a,b (patches by 7 characters).</summary>
        private static string[] Variants(JsonElement body)
        {
            if (!body.TryGetProperty("parameters", out JsonElement parameters))
            {
                return Array.Empty<string>();
            }

            var flags = new HashSet<string> { "cflags", "cppflags", "cxxflags", "fflags", "ldflags", "ldlibs" };
            var result = new List<string>();
            foreach (JsonProperty p in parameters.EnumerateObject())
            {
                switch (p.Value.ValueKind)
                {
                    case JsonValueKind.True:
                        result.Add("+" + p.Name);
                        break;
                    case JsonValueKind.False:
                        result.Add("~" + p.Name);
                        break;
                    case JsonValueKind.String:
                        result.Add(p.Name + "=" + Quoted(p.Value.GetString()!));
                        break;
                    case JsonValueKind.Array:
                        string[] values = p.Value.EnumerateArray().Select(v => v.GetString()!).Select(v => p.Name == "patches" && v.Length > 7 ? v[..7] : v).ToArray();
                        if (values.Length > 0)
                        {
                            result.Add(flags.Contains(p.Name) ? p.Name + "=" + Quoted(string.Join(" ", values)) : p.Name + ":=" + Quoted(string.Join(",", values)));
                        }

                        break;
                }
            }

            return result.ToArray();
        }

        private static string Quoted(string value)
        {
            const string Bare = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+*.,:=%^~/\\";
            if (value.Length > 0 && value.All(c => Bare.Contains(c)))
            {
                return value;
            }

            return value.Contains('\'') ? "\"" + value + "\"" : "'" + value + "'";
        }

        private static string[] Dependencies(JsonElement body, int version, Dictionary<string, (string Name, string Version)> byKey)
        {
            if (!body.TryGetProperty("dependencies", out JsonElement deps))
            {
                return Array.Empty<string>();
            }

            if (version == 2)
            {
                return deps.EnumerateObject().Select(d => byKey[d.Value.GetProperty("hash").GetString()!].Name).ToArray();
            }

            string field = version == 3 ? "build_hash" : "hash";
            return deps.EnumerateArray().Select(d => byKey[d.GetProperty(field).GetString()!].Name).ToArray();
        }

        /// <summary>Spack's b32_hash(json.dumps(node without "hash", separators=(",", ":"))), as Python computes it.</summary>
        public static string DagHash(JsonElement node)
        {
            var text = new StringBuilder();
            text.Append('{');
            bool first = true;
            foreach (JsonProperty p in node.EnumerateObject())
            {
                if (p.Name == "hash")
                {
                    continue;
                }

                text.Append(first ? string.Empty : ",");
                first = false;
                Dump(text, p.Name);
                text.Append(':');
                Dump(text, p.Value);
            }

            text.Append('}');
            byte[] digest = SHA1.HashData(Encoding.ASCII.GetBytes(text.ToString()));
            return Base32(digest);
        }

        /// <summary>Python's json.dumps(value, separators=(",", ":")) with ensure_ascii.</summary>
        public static string Dumps(JsonElement value)
        {
            var text = new StringBuilder();
            Dump(text, value);
            return text.ToString();
        }

        private static void Dump(StringBuilder text, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Object:
                    text.Append('{');
                    text.AppendJoin(",", value.EnumerateObject().Select(p =>
                    {
                        var member = new StringBuilder();
                        Dump(member, p.Name);
                        member.Append(':');
                        Dump(member, p.Value);
                        return member.ToString();
                    }));
                    text.Append('}');
                    break;
                case JsonValueKind.Array:
                    text.Append('[');
                    text.AppendJoin(",", value.EnumerateArray().Select(Dumps));
                    text.Append(']');
                    break;
                case JsonValueKind.String:
                    Dump(text, value.GetString()!);
                    break;
                default:
                    text.Append(value.GetRawText());
                    break;
            }
        }

        private static void Dump(StringBuilder text, string value)
        {
            var escapes = new Dictionary<char, string> { ['"'] = "\\\"", ['\\'] = "\\\\", ['\n'] = "\\n", ['\r'] = "\\r", ['\t'] = "\\t", ['\b'] = "\\b", ['\f'] = "\\f" };
            text.Append('"');
            foreach (char c in value)
            {
                if (escapes.TryGetValue(c, out string? escape))
                {
                    text.Append(escape);
                }
                else if (c >= 0x20 && c <= 0x7e)
                {
                    text.Append(c);
                }
                else
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                }
            }

            text.Append('"');
        }

        /// <summary>base64.b32encode(digest).lower(): 5 bits at a time, most significant first, '=' padding to 8 characters.</summary>
        public static string Base32(byte[] data)
        {
            string bits = string.Concat(data.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
            bits = bits.PadRight((bits.Length + 4) / 5 * 5, '0');
            var text = new StringBuilder();
            for (int i = 0; i < bits.Length; i += 5)
            {
                text.Append("abcdefghijklmnopqrstuvwxyz234567"[Convert.ToInt32(bits.Substring(i, 5), 2)]);
            }

            while (text.Length % 8 != 0)
            {
                text.Append('=');
            }

            return text.ToString();
        }
    }
}
