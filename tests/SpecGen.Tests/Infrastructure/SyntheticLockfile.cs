using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// Writes a lockfile (version 5: compiler as an attribute; or 6: compiler as a dependency) whose nodes are the
    /// binaries of cache pages as the page JSON gives them, optionally changed, with System.Text.Json (no SpecGen code).
    /// A node keyed by a page's hash is that binary; a changed node gets a made-up key no page has.
    /// </summary>
    internal sealed class SyntheticLockfile
    {
        private readonly JsonObject _concrete = new JsonObject();
        private readonly JsonArray _roots = new JsonArray();
        private readonly int _version;
        private readonly Dictionary<string, string> _compilerKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        private int _made;

        public SyntheticLockfile(int version = 5)
        {
            _version = version;
        }

        /// <summary>Adds a node for <paramref name="spec"/>; <paramref name="key"/> defaults to the page's hash. Returns the key.</summary>
        public string Add(OracleSpec spec, string? key = null, bool external = false, bool root = true)
        {
            key ??= spec.Hash;
            var parameters = new JsonObject();
            foreach (string variant in spec.Variants)
            {
                (string name, JsonNode value) = Parameter(variant);
                parameters[name] = value;
            }

            foreach (string flag in new[] { "cflags", "cppflags", "cxxflags", "fflags", "ldflags", "ldlibs" })
            {
                parameters[flag] ??= new JsonArray();
            }

            var node = new JsonObject
            {
                ["name"] = spec.Package,
                ["version"] = spec.Versions[0],
                ["arch"] = new JsonObject { ["platform"] = spec.Platform, ["platform_os"] = spec.Os, ["target"] = spec.Target },
            };
            var dependencies = new JsonArray();
            if (spec.Compiler != "none")
            {
                string[] parts = spec.Compiler.Split('@');
                string version = parts[1].TrimStart('=');
                if (_version < 6)
                {
                    node["compiler"] = new JsonObject { ["name"] = parts[0], ["version"] = version };
                }
                else
                {
                    dependencies.Add(new JsonObject
                    {
                        ["name"] = parts[0],
                        ["hash"] = CompilerNode(parts[0], version, spec),
                        ["parameters"] = new JsonObject { ["deptypes"] = new JsonArray("build"), ["virtuals"] = new JsonArray("c", "cxx") },
                    });
                }
            }

            node["namespace"] = "builtin";
            node["parameters"] = parameters;
            if (external)
            {
                node["external"] = new JsonObject { ["path"] = "/usr", ["module"] = null, ["extra_attributes"] = new JsonObject() };
            }

            node["package_hash"] = "synthetic";
            if (dependencies.Count > 0)
            {
                node["dependencies"] = dependencies;
            }

            node["hash"] = key;
            _concrete[key] = node;
            if (root)
            {
                _roots.Add(new JsonObject { ["hash"] = key, ["spec"] = spec.Package });
            }

            return key;
        }

        /// <summary>A key no page has: base32 of a counter's SHA-1, as Spack's hashes look.</summary>
        public string NewKey()
        {
            byte[] digest = SHA1.HashData(Encoding.ASCII.GetBytes("synthetic-" + _made++));
            return LockfileOracle.Base32(digest);
        }

        public string Json()
        {
            var root = new JsonObject
            {
                ["_meta"] = new JsonObject { ["file-type"] = "spack-lockfile", ["lockfile-version"] = _version, ["specfile-version"] = _version - 1 },
                ["roots"] = _roots.DeepClone(),
                ["concrete_specs"] = _concrete.DeepClone(),
            };
            return root.ToJsonString();
        }

        public SpackLockfile Read() => SpackLockfile.Parse(Json());

        /// <summary>A page's variant text as a lockfile parameter: +x/~x a bool, x=v a string, x:=a,b or x=a,b a list.</summary>
        public static (string Name, JsonNode Value) Parameter(string variant)
        {
            if (variant[0] == '+' || variant[0] == '~')
            {
                return (variant.Substring(1), JsonValue.Create(variant[0] == '+'));
            }

            int eq = variant.IndexOf('=', StringComparison.Ordinal);
            bool exact = variant[eq - 1] == ':';
            string name = variant.Substring(0, exact ? eq - 1 : eq);
            string value = variant.Substring(eq + 1).Trim('\'', '"');
            string[] values = value.Split(',');
            return exact || values.Length > 1 || name == "patches"
                ? (name, new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()))
                : (name, JsonValue.Create(value));
        }

        /// <summary>An external compiler node (v6 on), one per compiler, keyed by a made-up hash.</summary>
        private string CompilerNode(string name, string version, OracleSpec spec)
        {
            string id = name + "@" + version;
            if (!_compilerKeys.TryGetValue(id, out string? key))
            {
                key = NewKey();
                _compilerKeys.Add(id, key);
                _concrete[key] = new JsonObject
                {
                    ["name"] = name,
                    ["version"] = version,
                    ["arch"] = new JsonObject { ["platform"] = spec.Platform, ["platform_os"] = spec.Os, ["target"] = spec.Target },
                    ["namespace"] = "builtin",
                    ["parameters"] = new JsonObject(),
                    ["external"] = new JsonObject { ["path"] = "/usr", ["module"] = null, ["extra_attributes"] = new JsonObject() },
                    ["hash"] = key,
                };
            }

            return key;
        }
    }
}
