using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Tool.ToolRun;

namespace SpecGen.Tests.Tool
{
    /// <summary>
    /// coverage, explain and fetch --lock over the corpus pages, with lockfiles written from the pages' JSON
    /// (SyntheticLockfile) and the real ones of tests/Lockfiles; expectations from the page JSON and the lockfiles
    /// read with System.Text.Json.
    /// </summary>
    public sealed class LockfileCommandTests : IDisposable
    {
        private const string Develop = "develop-2025-04-20";
        private static readonly string Pages = Path.Combine(TestPaths.Corpus, "_cache");
        private static readonly OracleSpec[] Specs = TestPaths.CorpusPages().SelectMany(p => PageOracle.Read(p.Text)).ToArray();
        private readonly TempDirectory _dir = DotNet.TempDirectory("specgen-lock");

        public void Dispose() => _dir.Dispose();

        private string Write(SyntheticLockfile lockfile)
        {
            string path = Path.Combine(_dir.Path, "spack.lock");
            File.WriteAllText(path, lockfile.Json());
            return path;
        }

        private static JsonElement[] JsonLines(string output) => Lines(output).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();

        [Fact]
        public void Coverage_of_a_fully_cached_environment_exits_0()
        {
            var lockfile = new SyntheticLockfile(version: 4);
            OracleSpec[] chosen = Specs.Where(s => s.Package is "zlib" or "cmake").GroupBy(s => s.Hash).Select(g => g.First()).ToArray();
            foreach (OracleSpec spec in chosen)
            {
                lockfile.Add(spec);
            }

            (int code, string output, string error) = Run("coverage", Write(lockfile), "--pages", Pages);

            Assert.True(code == 0, error);
            string[] lines = Lines(output);
            Assert.Equal(new[] { "node", "root", "status", "tags", "nearest", "cached", "binary" }, lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(chosen.Length + 2, lines.Length);
            Assert.Equal($"{chosen.Length} nodes: {chosen.Length} cached, 0 missing, 0 external", lines[^1]);
            Assert.All(chosen, s => Assert.Contains(lines, l => l.StartsWith($"{s.Package}@{s.Versions[0]} /{s.Hash[..7]}", StringComparison.Ordinal) && l.Contains("  cached  " + s.Tag, StringComparison.Ordinal)));
            AssertNoStackTrace(error);
        }

        [Fact]
        public void Coverage_json_has_one_object_per_node_and_exits_1_when_a_node_is_missing()
        {
            OracleSpec cached = Specs.First(s => s.Package == "py-gast" && s.Tag == Develop);
            OracleSpec original = Specs.First(s => s.Package == "zlib" && s.Os == "ubuntu24.04");
            var lockfile = new SyntheticLockfile(version: 5);
            lockfile.Add(cached);
            string missing = lockfile.Add(original with { Variants = original.Variants.Select(v => v == "+shared" ? "~shared" : v).ToArray() }, lockfile.NewKey(), root: false);
            string external = lockfile.Add(Specs.First(s => s.Package == "cmake"), lockfile.NewKey(), external: true, root: false);
            string nopage = lockfile.Add(original with { Package = "no-such-package" }, lockfile.NewKey(), root: false);

            (int code, string output, string error) = Run("coverage", Write(lockfile), "--pages", Pages, "--json");

            Assert.Equal(1, code);
            Assert.Equal("4 nodes: 1 cached, 2 missing, 1 external", Lines(error).Single());
            JsonElement[] nodes = JsonLines(output);
            Assert.Equal(4, nodes.Length);
            Assert.All(nodes, n => Assert.Equal(new[] { "name", "version", "hash", "root", "status", "tags", "verified", "nearest" }, n.EnumerateObject().Select(p => p.Name)));

            Assert.Equal(cached.Hash, nodes[0].GetProperty("hash").GetString());
            Assert.True(nodes[0].GetProperty("root").GetBoolean());
            Assert.Equal("cached", nodes[0].GetProperty("status").GetString());
            Assert.Equal(Specs.Where(s => s.Hash == cached.Hash).Select(s => s.Tag).Distinct().OrderBy(t => t, StringComparer.Ordinal), nodes[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(JsonValueKind.Null, nodes[0].GetProperty("nearest").ValueKind);

            // The synthetic keys are not the content's hash: verified is false (v5), as Spack's own check would say.
            Assert.All(nodes, n => Assert.False(n.GetProperty("verified").GetBoolean()));

            Assert.Equal(missing, nodes[1].GetProperty("hash").GetString());
            Assert.Equal("missing", nodes[1].GetProperty("status").GetString());
            Assert.False(nodes[1].GetProperty("root").GetBoolean());
            Assert.Empty(nodes[1].GetProperty("tags").EnumerateArray());
            JsonElement nearest = nodes[1].GetProperty("nearest");
            Assert.Equal(original.Hash, nearest.GetProperty("hash").GetString());
            Assert.Equal(original.Tag, nearest.GetProperty("tag").GetString());
            JsonElement difference = nearest.GetProperty("differences").EnumerateArray().Single();
            Assert.Equal("variant shared", difference.GetProperty("field").GetString());
            Assert.Equal("~shared", difference.GetProperty("wanted").GetString());
            Assert.Equal("+shared", difference.GetProperty("cached").GetString());

            Assert.Equal((external, "external"), (nodes[2].GetProperty("hash").GetString(), nodes[2].GetProperty("status").GetString()));
            Assert.Equal(JsonValueKind.Null, nodes[2].GetProperty("nearest").ValueKind);
            Assert.Equal((nopage, "missing"), (nodes[3].GetProperty("hash").GetString(), nodes[3].GetProperty("status").GetString()));
            Assert.Equal(JsonValueKind.Null, nodes[3].GetProperty("nearest").ValueKind);

            (code, output, _) = Run("coverage", Write(lockfile), "--pages", Pages);
            Assert.Equal(1, code);
            Assert.Contains(Lines(output), l => l.StartsWith($"zlib@1.3.1 /{missing[..7]}", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, @"\s+missing\s+" + System.Text.RegularExpressions.Regex.Escape($"/{original.Hash[..7]} in {original.Tag}, differs in variant shared: wanted ~shared, cached +shared") + "$"));
            Assert.Contains(Lines(output), l => l.StartsWith($"no-such-package@1.3.1 /{nopage[..7]}", StringComparison.Ordinal) && l.EndsWith("no page of no-such-package", StringComparison.Ordinal));
        }

        [Fact]
        public void Coverage_of_a_tag_leaves_out_the_other_tags()
        {
            OracleSpec bc = Specs.First(s => s.Package == "bc");
            var lockfile = new SyntheticLockfile(version: 4);
            lockfile.Add(bc);

            Assert.Equal(0, Run("coverage", Write(lockfile), "--pages", Pages, "--tag", bc.Tag).Code);
            (int code, string output, _) = Run("coverage", Write(lockfile), "--pages", Pages, "--tag", Develop, "--json");
            Assert.Equal(1, code);
            Assert.Equal("missing", JsonLines(output).Single().GetProperty("status").GetString());

            (code, _, string error) = Run("coverage", Write(lockfile), "--pages", Pages, "--tag", "develop-2025-04-21");
            Assert.Equal(2, code);
            Assert.Equal($"The tag 'develop-2025-04-21' has no pages under {Pages}; did you mean {Develop}?", Lines(error).Single());
        }

        [Theory]
        [InlineData("real/e4s-ppc64-gcc-cpu-v5-large")]
        [InlineData("real/spack-tutorial-v7")]
        [InlineData("real/miniqmc-v2")]
        public void Coverage_of_a_real_lockfile_lists_every_node(string name)
        {
            string path = TestPaths.Lockfile(name);
            (int version, List<OracleNode> expected) = LockfileOracle.Read(path);

            (int code, string output, string error) = Run("coverage", path, "--pages", Pages, "--json");

            JsonElement[] nodes = JsonLines(output);
            Assert.Equal(expected.Select(n => n.Hash), nodes.Select(n => n.GetProperty("hash").GetString()));
            Assert.Equal(expected.Select(n => n.Name + "@" + n.Version), nodes.Select(n => n.GetProperty("name").GetString() + "@" + n.GetProperty("version").GetString()));
            Assert.Equal(expected.Select(n => n.Root), nodes.Select(n => n.GetProperty("root").GetBoolean()));
            Assert.Equal(expected.Select(n => n.External ? "external" : Specs.Any(s => s.Hash == n.Hash) ? "cached" : "missing"), nodes.Select(n => n.GetProperty("status").GetString()));
            Assert.Equal(expected.Select(n => version >= 5 ? (bool?)(n.RecomputedHash == n.Key) : null), nodes.Select(n => n.GetProperty("verified").ValueKind == JsonValueKind.Null ? (bool?)null : n.GetProperty("verified").GetBoolean()));
            Assert.Equal(nodes.Any(n => n.GetProperty("status").GetString() == "missing") ? 1 : 0, code);
            AssertNoStackTrace(error);
        }

        [Fact]
        public void Coverage_of_an_unreadable_lockfile_exits_2_with_one_line()
        {
            string yaml = Path.Combine(_dir.Path, "spack.yaml");
            File.WriteAllText(yaml, "spack:\n  specs: [zlib]\n");

            foreach ((string path, string message) in new[]
            {
                (yaml, yaml + ": JSON syntax error: Expected a JSON value (an object, an array, a string, a number, true, false or null) at $, found 's' (this is not JSON: YAML, such as a spack.yaml?) (line 1, column 1)"),
                (Path.Combine(_dir.Path, "none.lock"), "No file '" + Path.Combine(_dir.Path, "none.lock") + "'."),
            })
            {
                (int code, string output, string error) = Run("coverage", path, "--pages", Pages);
                Assert.Equal(2, code);
                Assert.Empty(output);
                Assert.Equal(message, Lines(error).Single());
            }

            var lockfile = new SyntheticLockfile(version: 4);
            lockfile.Add(Specs[0]);
            (int noPages, _, string why) = Run("coverage", Write(lockfile), "--pages", Path.Combine(_dir.Path, "nowhere"));
            Assert.Equal(2, noPages);
            Assert.StartsWith("No folder of pages", why, StringComparison.Ordinal);
        }

        [Fact]
        public void Explain_ranks_the_binaries_of_a_package_and_exits_1_without_a_match()
        {
            OracleSpec[] zlib = Specs.Where(s => s.Package == "zlib").ToArray();
            (int code, string output, string error) = Run("explain", "zlib@1.3.1 os=ubuntu22.04", "--pages", Pages, "--json");

            Assert.True(code == 0, error);
            JsonElement[] rows = JsonLines(output);
            Assert.Equal(zlib.Select(s => s.Hash).Distinct().Count(), rows.Length);
            Assert.Equal(
                zlib.Where(s => s.Os == "ubuntu22.04" && s.Versions[0] == "1.3.1").Select(s => s.Hash).ToHashSet(),
                rows.Where(r => r.GetProperty("match").GetBoolean()).Select(r => r.GetProperty("hash").GetString()!).ToHashSet());
            Assert.All(rows.Where(r => !r.GetProperty("match").GetBoolean()), r => Assert.Equal("os", r.GetProperty("differences").EnumerateArray().Single().GetProperty("field").GetString()));
            Assert.All(rows, r => Assert.Equal(zlib.First(s => s.Hash == r.GetProperty("hash").GetString()).Os, r.GetProperty("os").GetString()));

            (code, output, _) = Run("explain", "zlib@1.3.1 os=centos4", "--pages", Pages);
            Assert.Equal(1, code);
            Assert.Equal(new[] { "hash", "spec", "compiler", "arch", "tags", "differences" }, Lines(output)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal($"{zlib.Select(s => s.Hash).Distinct().Count()} cached binaries of zlib, 0 matching", Lines(output)[^1]);
            Assert.All(Lines(output)[1..^1], l => Assert.Contains("os: wanted centos4, cached ", l, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(2, "The query 'target=zen3' names no package: explain compares the binaries of one package", "target=zen3")]
        [InlineData(2, "The query 'zlib@@1' is malformed at position", "zlib@@1")]
        [InlineData(2, "Give a target in the query or --host, not both.", "zlib target=zen3", "--host")]
        [InlineData(1, "No page of 'zlbi' under", "zlbi")]
        public void Explain_errors_are_one_line(int exit, string message, params string[] args)
        {
            (int code, string output, string error) = Run(new[] { "explain" }.Concat(args).Concat(new[] { "--pages", Pages }).ToArray());

            Assert.Equal(exit, code);
            Assert.Empty(output);
            Assert.StartsWith(message, Lines(error).Single(), StringComparison.Ordinal);
        }

        [Fact]
        public void Explain_host_wants_this_machine()
        {
            SpackArch here = SpackArch.Current;
            (int code, string output, string error) = Run("explain", "zlib", "--pages", Pages, "--host", "--json");

            JsonElement[] rows = JsonLines(output);
            var runs = Specs.Where(s => s.Package == "zlib" && s.Os == here.Os && s.Platform == here.Platform && ArchspecOracle.Instance.RunsOn(s.Target, here.Target.Name)).Select(s => s.Hash).ToHashSet();
            Assert.Equal(runs, rows.Where(r => r.GetProperty("match").GetBoolean()).Select(r => r.GetProperty("hash").GetString()!).ToHashSet());
            Assert.Equal(runs.Count > 0 ? 0 : 1, code);
            AssertNoStackTrace(error);
        }

        [Fact]
        public void Fetch_lock_fetches_the_pages_of_the_packages_a_lockfile_names()
        {
            var lockfile = new SyntheticLockfile(version: 4);
            lockfile.Add(Specs.First(s => s.Package == "zlib"));
            lockfile.Add(Specs.First(s => s.Package == "cmake"), lockfile.NewKey());
            lockfile.Add(Specs.First(s => s.Package == "zlib") with { Package = "no-such-package" }, lockfile.NewKey());
            lockfile.Add(Specs.First(s => s.Package == "bc"), lockfile.NewKey());
            string outDir = Path.Combine(_dir.Path, "spack");

            (int code, string output, string error) = Run("fetch", "--lock", Write(lockfile), "--tag", Develop, "--source", TestPaths.Corpus, "--out", outDir);

            Assert.True(code == 0, error);
            Assert.Contains($"2 packages of the lockfile have no page in {Develop} (nothing of them is cached): bc, no-such-package", output, StringComparison.Ordinal);
            Assert.Equal(new[] { "cmake", "zlib" }, Directory.GetDirectories(Path.Combine(outDir, Develop)).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Equal(TestPaths.CorpusPage(Develop, "zlib").Text, File.ReadAllText(Path.Combine(outDir, Develop, "zlib", "specs.md")));

            (code, _, error) = Run("fetch", "--lock", Path.Combine(_dir.Path, "none.lock"), "--tag", Develop, "--source", TestPaths.Corpus, "--out", outDir);
            Assert.Equal(2, code);
            Assert.Equal("No file '" + Path.Combine(_dir.Path, "none.lock") + "'.", Lines(error).Single());
        }
    }
}
