using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Lockfiles
{
    /// <summary>
    /// Every lockfile of tests/Lockfiles (versions 2 to 8, real and synthetic) read by SpackLockfile and by an
    /// independent reader (System.Text.Json and a second DAG hash implementation, LockfileOracle): the same nodes,
    /// names, versions, hashes, externals, roots, compilers, targets, variants and dependencies.
    /// </summary>
    public class LockfileTests
    {
        public static TheoryData<string> Names() => new TheoryData<string>(TestPaths.LockfileNames());

        [Fact]
        public void Every_version_from_2_to_8_is_tested()
        {
            var versions = TestPaths.LockfileNames().Select(n => SpackLockfile.Load(TestPaths.Lockfile(n)).Version).Distinct().OrderBy(v => v);
            Assert.Equal(new[] { 2, 3, 4, 5, 6, 7, 8 }, versions);
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void Nodes_are_read_as_the_independent_reader_reads_them(string name)
        {
            string path = TestPaths.Lockfile(name);
            SpackLockfile lockfile = SpackLockfile.Load(path);
            (int version, List<OracleNode> expected) = LockfileOracle.Read(path);

            Assert.Equal(version, lockfile.Version);
            Assert.Equal(expected.Select(n => n.Key), lockfile.Nodes.Select(n => n.Key));
            Assert.Equal(expected.Select(n => n.Name), lockfile.Nodes.Select(n => n.Name));
            Assert.Equal(expected.Select(n => n.Version), lockfile.Nodes.Select(n => n.Version.ToString()));
            Assert.Equal(expected.Select(n => n.Hash), lockfile.Nodes.Select(n => n.Hash));
            Assert.Equal(expected.Select(n => n.External), lockfile.Nodes.Select(n => n.IsExternal));
            Assert.Equal(expected.Select(n => n.Root), lockfile.Nodes.Select(n => n.IsRoot));
            Assert.Equal(expected.Count(n => n.Root), lockfile.Roots.Count);
            Assert.Equal(expected.Select(n => n.Compiler), lockfile.Nodes.Select(n => n.Compiler));
            Assert.Equal(expected.Select(n => n.Platform + "-" + n.Os + "-" + n.Target), lockfile.Nodes.Select(n => n.Platform + "-" + n.Os + "-" + n.Target));
            Assert.Equal(expected.Select(n => string.Join(" ", n.Variants)), lockfile.Nodes.Select(n => string.Join(" ", n.Variants)));
            Assert.Equal(expected.Select(n => string.Join(" ", n.Dependencies)), lockfile.Nodes.Select(n => string.Join(" ", n.Dependencies.Select(d => d.Name))));
        }

        /// <summary>The counts of tests/Lockfiles/README.md (nodes, roots, externals), and v2/v3 keys that are build hashes.</summary>
        [Theory]
        [InlineData("real/taso-v2", 2, 15, 4, 0, 9)]
        [InlineData("real/miniqmc-v2", 2, 30, 4, 0, 20)]
        [InlineData("real/chronolog-v3", 3, 26, 3, 0, 16)]
        [InlineData("real/poorjit-v4", 4, 7, 4, 3, 0)]
        [InlineData("real/wf-reg-test-v4", 4, 52, 7, 0, 0)]
        [InlineData("real/e4s-23.05-oneapi-v4", 4, 328, 93, 0, 0)]
        [InlineData("real/chronolog-v5", 5, 66, 10, 0, 0)]
        [InlineData("real/open-r1-v5", 5, 48, 2, 1, 0)]
        [InlineData("real/icesee-v5", 5, 45, 8, 8, 0)]
        [InlineData("real/e4s-ppc64-gcc-cpu-v5-large", 5, 1142, 119, 2, 0)]
        [InlineData("real/julea-v6", 6, 101, 16, 2, 0)]
        [InlineData("real/bloom-filter-v6", 6, 69, 3, 2, 0)]
        [InlineData("real/gmgpolar-v6", 6, 32, 3, 2, 0)]
        [InlineData("real/spack-tutorial-v7", 7, 142, 6, 2, 0)]
        [InlineData("synthetic/v8", 8, 6, 1, 2, 0)]
        public void Counts_match_the_collection_notes(string name, int version, int nodes, int roots, int externals, int keysThatAreBuildHashes)
        {
            SpackLockfile lockfile = SpackLockfile.Load(TestPaths.Lockfile(name));

            Assert.Equal(version, lockfile.Version);
            Assert.Equal(nodes, lockfile.Nodes.Count);
            Assert.Equal(roots, lockfile.Roots.Count);
            Assert.Equal(externals, lockfile.Nodes.Count(n => n.IsExternal));
            Assert.Equal(keysThatAreBuildHashes, lockfile.Nodes.Count(n => n.Key != n.Hash));
        }

        /// <summary>
        /// From v5 on the key is the DAG hash of the node's compact JSON. Whether each node reproduces comes from the
        /// independent implementation; the totals are those measured with Python (tests/Lockfiles/README.md): reused
        /// nodes keep an older hash (open-r1's before cpupart, bloom-filter's and gmgpolar's externals).
        /// </summary>
        [Theory]
        [InlineData("real/chronolog-v5", 66)]
        [InlineData("real/open-r1-v5", 10)]
        [InlineData("real/icesee-v5", 45)]
        [InlineData("real/e4s-ppc64-gcc-cpu-v5-large", 1142)]
        [InlineData("real/julea-v6", 101)]
        [InlineData("real/bloom-filter-v6", 68)]
        [InlineData("real/gmgpolar-v6", 30)]
        [InlineData("real/spack-tutorial-v7", 142)]
        [InlineData("synthetic/v8", 6)]
        public void The_dag_hash_is_recomputed_from_version_5_on(string name, int reproduced)
        {
            string path = TestPaths.Lockfile(name);
            SpackLockfile lockfile = SpackLockfile.Load(path);
            (_, List<OracleNode> expected) = LockfileOracle.Read(path);

            Assert.Equal(expected.Select(n => (bool?)(n.RecomputedHash == n.Key)), lockfile.Nodes.Select(n => n.HashMatchesContent));
            Assert.Equal(reproduced, lockfile.Nodes.Count(n => n.HashMatchesContent == true));
        }

        [Theory]
        [InlineData("real/taso-v2")]
        [InlineData("real/chronolog-v3")]
        [InlineData("real/poorjit-v4")]
        [InlineData("real/e4s-23.05-oneapi-v4")]
        public void Before_version_5_the_hash_is_not_recomputed(string name)
        {
            Assert.All(SpackLockfile.Load(TestPaths.Lockfile(name)).Nodes, n => Assert.Null(n.HashMatchesContent));
        }

        [Fact]
        public void A_node_edited_by_hand_no_longer_matches_its_key()
        {
            string text = File.ReadAllText(TestPaths.Lockfile("real/chronolog-v5"));
            SpackLockfile original = SpackLockfile.Parse(text);
            LockNode victim = original.Nodes[5];
            string edited = EditVersion(text, victim.Key, victim.Version.ToString(), "99.0");

            SpackLockfile lockfile = SpackLockfile.Parse(edited);

            Assert.All(original.Nodes, n => Assert.True(n.HashMatchesContent));
            Assert.Equal(new[] { victim.Key }, lockfile.Nodes.Where(n => n.HashMatchesContent == false).Select(n => n.Key));
            Assert.Equal("99.0", lockfile.Nodes[5].Version.ToString());
        }

        [Fact]
        public void A_node_is_located_at_its_key()
        {
            string path = TestPaths.Lockfile("real/chronolog-v3");
            string[] lines = File.ReadAllLines(path);
            SpackLockfile lockfile = SpackLockfile.Load(path);

            Assert.All(lockfile.Nodes, n => Assert.Equal("\"" + n.Key + "\": {", lines[n.Line - 1].Substring(n.Column - 1)));
            Assert.Equal("$.concrete_specs['6gudsmdo3mblmfu435yfukflbpyzjdc4']", lockfile.Nodes[0].Path);
        }

        [Fact]
        public void Compilers_come_from_the_attribute_up_to_v5_and_from_the_c_dependency_from_v6()
        {
            LockNode v3 = SpackLockfile.Load(TestPaths.Lockfile("real/chronolog-v3")).Nodes[0];
            Assert.Equal("gcc@9.3.0", v3.Compiler);

            SpackLockfile v6 = SpackLockfile.Load(TestPaths.Lockfile("real/julea-v6"));
            LockNode mongo = v6.Nodes.First(n => n.Name == "mongo-c-driver");
            LockNode gcc = mongo.Dependencies.Single(d => d.Name == "gcc");
            Assert.Equal("gcc@" + gcc.Version, mongo.Compiler);
            Assert.Contains("build_system=cmake", mongo.Variants);
            Assert.Contains("~ipo", mongo.Variants);
            Assert.Contains("+snappy", mongo.Variants);
            Assert.Equal("skylake", mongo.Target);
            Assert.Equal("fedora42", mongo.Os);
        }

        [Fact]
        public void Python_compact_json_is_reproduced_exactly()
        {
            // Input and output as Python 3.11 gives them: json.dumps(json.loads(text), separators=(",", ":")).
            string text = "{\"b\": \"\u00e9\U0001F600\\u001f\u007f/\\\"\\\\\\n\\b\\f\\r\\t\u2028\\u0000\", \"a\": [1, -2, 0.5, true, false, null, {}, []], \"\u00fc\": {\"x\": \"\\ud800\", \"y\": \"\\/\"}}";
            const string Python = """{"b":"\u00e9\ud83d\ude00\u001f\u007f/\"\\\n\b\f\r\t\u2028\u0000","a":[1,-2,0.5,true,false,null,{},[]],"\u00fc":{"x":"\ud800","y":"/"}}""";

            Assert.Equal(Python, SpecGen.Format.PythonJson.Compact(SpecGen.Format.JsonReader.Parse(text)));
        }

        [Fact]
        public void Base32_is_rfc_4648_in_lowercase()
        {
            // RFC 4648 section 10, lowercased as Spack's b32_hash does.
            Assert.Equal("mzxw6ytboi======", SpecGen.Format.PythonJson.Base32(System.Text.Encoding.ASCII.GetBytes("foobar")));
            Assert.Equal("my======", SpecGen.Format.PythonJson.Base32(System.Text.Encoding.ASCII.GetBytes("f")));
            Assert.Equal(string.Empty, SpecGen.Format.PythonJson.Base32(Array.Empty<byte>()));
        }

        [Fact]
        public void Included_environments_add_their_nodes_and_roots()
        {
            string text = File.ReadAllText(TestPaths.Lockfile("synthetic/v8"));
            SpackLockfile plain = SpackLockfile.Parse(text);
            LockNode moved = plain.Nodes.Single(n => n.Name == "gmake");
            var root = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
            var concrete = root["concrete_specs"]!.AsObject();
            System.Text.Json.Nodes.JsonNode node = concrete[moved.Key]!;
            concrete.Remove(moved.Key);
            root["include_concrete"] = new System.Text.Json.Nodes.JsonObject
            {
                ["/envs/tools"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["roots"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["hash"] = moved.Key, ["spec"] = "gmake" }),
                    ["concrete_specs"] = new System.Text.Json.Nodes.JsonObject { [moved.Key] = node },
                },
            };

            SpackLockfile lockfile = SpackLockfile.Parse(root.ToJsonString());

            Assert.Equal(plain.Nodes.Count, lockfile.Nodes.Count);
            LockNode included = lockfile.Nodes[^1];
            Assert.Equal(moved.Key, included.Key);
            Assert.True(included.IsRoot);
            Assert.Contains(included, lockfile.Roots);
            Assert.StartsWith("$.include_concrete['/envs/tools'].concrete_specs", included.Path, StringComparison.Ordinal);
            Assert.EndsWith(moved.Key + (char.IsDigit(moved.Key[0]) ? "']" : string.Empty), included.Path, StringComparison.Ordinal);
            Assert.Contains(included, lockfile.Nodes.Single(n => n.Name == "zlib-ng").Dependencies);
        }

        /// <summary>The version of the node <paramref name="key"/>, replaced in the text (compact JSON: the first "version" after the key).</summary>
        internal static string EditVersion(string text, string key, string from, string to)
        {
            int at = text.IndexOf("\"" + key + "\":", StringComparison.Ordinal);
            int version = text.IndexOf("\"version\":\"" + from + "\"", at, StringComparison.Ordinal);
            Assert.True(at >= 0 && version > at);
            return text.Substring(0, version) + "\"version\":\"" + to + "\"" + text.Substring(version + "\"version\":\"".Length + from.Length + 1);
        }
    }
}
