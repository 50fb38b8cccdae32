extern alias Generator;

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Infrastructure.PageEdit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>
    /// SPG0026 to SPG0028: lockfiles listed as SpackLockfile items, checked against the catalog of the pages. Each at
    /// its exact span, next to a clean twin with no diagnostic at all and the pages in the catalog. The lockfiles are
    /// written from the pages' JSON (version 4: keys are not recomputed, so SPG0028 stays out of the SPG0026 tests).
    /// </summary>
    public class LockfileDiagnosticTests
    {
        private const string LockPath = "/env/spack.lock";

        private static readonly OracleSpec[] ZlibSpecs = PageOracle.Read(Zlib.Text).ToArray();

        private static TestPage Lock(string text) => new TestPage(LockPath, text);

        /// <summary>The span of a node's key in <c>concrete_specs</c> (not its mention in <c>roots</c> or a dependency): the quoted key before ':'.</summary>
        private static (int Line, int Column, int EndLine, int EndColumn) KeySpan(string text, string key)
        {
            int at = IndexOf(text, "\"" + key + "\":");
            (int line, int column) = Position(text, at);
            (int endLine, int endColumn) = Position(text, at + key.Length + 2);
            return (line, column, endLine, endColumn);
        }

        private static IEnumerable<Diagnostic> Of(GeneratorOutput output, string id) => output.Diagnostics.Where(d => d.Id == id);

        [Fact]
        public void A_lockfile_whose_nodes_are_all_cached_has_no_diagnostics()
        {
            var lockfile = new SyntheticLockfile(version: 4);
            foreach (OracleSpec spec in ZlibSpecs)
            {
                lockfile.Add(spec);
            }

            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, Lock(lockfile.Json()) });

            Assert.Empty(output.Diagnostics);
            Assert.Equal(ZlibSpecs.Length, GeneratorHarness.LoadCatalog(output.Compilation).Count);
        }

        [Fact]
        public void SPG0026_a_node_with_one_variant_changed_is_at_its_key_and_names_the_nearest_binary()
        {
            OracleSpec original = ZlibSpecs[0];
            var lockfile = new SyntheticLockfile(version: 4);
            lockfile.Add(ZlibSpecs[1]);
            string key = lockfile.Add(original with { Variants = original.Variants.Select(v => v == "+optimize" ? "~optimize" : v).ToArray() }, lockfile.NewKey());
            TestPage lockPage = Lock(lockfile.Json());

            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, lockPage });

            Diagnostic d = Assert.Single(output.Diagnostics);
            Assert.Equal("SPG0026", d.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal(LockPath, d.Location.GetLineSpan().Path);
            Assert.Equal(KeySpan(lockPage.Text, key), SpanOf(d.Location));
            Assert.Equal(
                $"zlib@{original.Versions[0]} /{key[..7]} is not in the catalog, so it builds from source: the nearest cached binary, /{original.Hash[..7]} in {original.Tag}, differs in variant optimize: wanted ~optimize, cached +optimize",
                d.GetMessage());
            Assert.Equal(ZlibSpecs.Length, GeneratorHarness.LoadCatalog(output.Compilation).Count);
        }

        [Fact]
        public async Task SPG0026_exact_span_and_arguments_through_the_testing_harness()
        {
            OracleSpec original = ZlibSpecs[2];
            var lockfile = new SyntheticLockfile(version: 4);
            string key = lockfile.Add(original with { Compiler = "gcc@99.1.0" }, lockfile.NewKey());
            string text = lockfile.Json();
            var at = KeySpan(text, key);

            await GeneratorHarness.Verify(Zlib).WithLockfile(LockPath, text).DiagnosticsOnly()
                .Expect(new DiagnosticResult("SPG0026", DiagnosticSeverity.Warning).WithSpan(LockPath, at.Line, at.Column, at.EndLine, at.EndColumn).WithArguments(
                    $"zlib@{original.Versions[0]} /{key[..7]}",
                    $"the nearest cached binary, /{original.Hash[..7]} in {original.Tag}, differs in compiler: wanted gcc@99.1.0, cached {original.Compiler}"))
                .RunAsync();
        }

        [Fact]
        public void SPG0026_a_target_that_runs_on_the_wanted_one_is_said_and_a_package_without_a_page_is_named()
        {
            OracleSpec original = ZlibSpecs.Single(s => s.Target == "x86_64_v3" && s.Os == "ubuntu24.04");
            var lockfile = new SyntheticLockfile(version: 4);
            string runs = lockfile.Add(original with { Target = "zen4" }, lockfile.NewKey());
            string none = lockfile.Add(original with { Package = "no-such-package" }, lockfile.NewKey());

            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, Lock(lockfile.Json()) });

            Assert.Equal(
                new[]
                {
                    $"zlib@1.3.1 /{runs[..7]} is not in the catalog, so it builds from source: the nearest cached binary, /{original.Hash[..7]} in {original.Tag}, differs in nothing a cache page records (its dependencies or the package's source differ); its target x86_64_v3 runs on zen4",
                    $"no-such-package@1.3.1 /{none[..7]} is not in the catalog, so it builds from source: no page of no-such-package is in the catalog",
                },
                Of(output, "SPG0026").Select(d => d.GetMessage()).ToArray());
        }

        [Fact]
        public void SPG0026_an_external_is_not_reported()
        {
            var lockfile = new SyntheticLockfile(version: 4);
            lockfile.Add(ZlibSpecs[0] with { Os = "centos4" }, lockfile.NewKey(), external: true);

            Assert.Empty(GeneratorHarness.Run(new[] { Zlib, Lock(lockfile.Json()) }).Diagnostics);
        }

        [Fact]
        public void SPG0026_as_an_error_through_WarningsAsErrors_keeps_the_catalog()
        {
            var lockfile = new SyntheticLockfile(version: 4);
            lockfile.Add(ZlibSpecs[0] with { Versions = new[] { "1.2.13" } }, lockfile.NewKey());

            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, Lock(lockfile.Json()) }, severities: new Dictionary<string, ReportDiagnostic> { ["SPG0026"] = ReportDiagnostic.Error });

            Assert.Equal(DiagnosticSeverity.Error, Assert.Single(output.Diagnostics).Severity);
            Assert.Equal(ZlibSpecs.Length, GeneratorHarness.LoadCatalog(output.Compilation).Count);
        }

        [Theory]
        [InlineData(200)]
        [InlineData(0)]
        public void SPG0027_a_truncated_lockfile_is_reported_where_it_ends(int after)
        {
            // Cut after a comma: the text ends where the next member or item should start.
            string full = File.ReadAllText(TestPaths.Lockfile("real/chronolog-v5"));
            int length = full.IndexOf(',', after) + 1;
            string text = full.Substring(0, length);
            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, Lock(text) });

            Diagnostic d = Assert.Single(output.Diagnostics);
            Assert.Equal("SPG0027", d.Id);
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.StartsWith("This lockfile cannot be read: JSON syntax error: ", d.GetMessage(), System.StringComparison.Ordinal);
            FileLinePositionSpan span = d.Location.GetLineSpan();
            Assert.Equal(LockPath, span.Path);
            Assert.Equal(new LinePosition(0, length), span.StartLinePosition);
            Assert.Equal(span.StartLinePosition, span.EndLinePosition);

            // The pages are unaffected.
            Assert.Equal(ZlibSpecs.Length, GeneratorHarness.LoadCatalog(output.Compilation).Count);
        }

        [Fact]
        public void SPG0027_a_lockfile_that_cannot_be_read_from_disk()
        {
            GeneratorOutput output = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new AdditionalText[] { new global::SpecGen.Scale.MemoryAdditionalText(Zlib.Path, Zlib.Text), new DiagnosticTests.UnreadableText("/env/gone.lock", new IOException("Permission denied")) }),
                GeneratorHarness.NewCompilation());

            Diagnostic d = Assert.Single(output.Diagnostics);
            Assert.Equal("SPG0027", d.Id);
            Assert.Equal("/env/gone.lock", d.Location.GetLineSpan().Path);
            Assert.Equal("This lockfile cannot be read: the file could not be read: Permission denied", d.GetMessage());
        }

        [Fact]
        public void SPG0027_once_for_a_listed_lockfile_the_build_did_not_hand_over()
        {
            // SpecGen.targets lists every SpackLockfile item and leaves one whose file does not exist out of AdditionalFiles.
            TestPage present = Lock("spack:\n  specs:\n  - zlib\n");
            string list = GeneratorHarness.InputListText(new[] { Zlib.Path }, new[] { "/env/missing/spack.lock", LockPath });
            GeneratorOutput output = GeneratorHarness.Run(
                GeneratorHarness.CreateDriver(new AdditionalText[]
                {
                    new global::SpecGen.Scale.MemoryAdditionalText(Zlib.Path, Zlib.Text),
                    new global::SpecGen.Scale.MemoryAdditionalText(present.Path, present.Text),
                    new global::SpecGen.Scale.MemoryAdditionalText("/obj/" + Generator::SpecGen.Generator.Model.InputList.FileName, list),
                }),
                GeneratorHarness.NewCompilation());

            Diagnostic absent = Assert.Single(output.Diagnostics, d => d.Location.GetLineSpan().Path == "/env/missing/spack.lock");
            Assert.Equal("SPG0027", absent.Id);
            Assert.Equal(DiagnosticSeverity.Error, absent.Severity);
            Assert.Equal("This lockfile cannot be read: the file does not exist", absent.GetMessage());
            Assert.Equal(new LinePosition(0, 0), absent.Location.GetLineSpan().StartLinePosition);

            // The lockfile handed over is read as ever (its own SPG0027: a spack.yaml), and not reported as absent.
            Diagnostic read = Assert.Single(output.Diagnostics, d => d.Location.GetLineSpan().Path == LockPath);
            Assert.DoesNotContain("does not exist", read.GetMessage(), System.StringComparison.Ordinal);
            Assert.Equal(2, output.Diagnostics.Length);
        }

        [Fact]
        public void SPG0027_a_spack_yaml_listed_as_a_lockfile()
        {
            TestPage yaml = Lock("spack:\n  specs:\n  - zlib\n");
            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, yaml });

            Diagnostic d = Assert.Single(output.Diagnostics);
            Assert.Equal("SPG0027", d.Id);
            Assert.Equal(SpanOf(yaml.Text, "s"), SpanOf(d.Location));
            Assert.Contains("this is not JSON: YAML, such as a spack.yaml?", d.GetMessage(), System.StringComparison.Ordinal);
        }

        [Fact]
        public void SPG0027_a_malformed_node_is_reported_at_the_value()
        {
            string text = File.ReadAllText(TestPaths.Lockfile("real/chronolog-v5")).Replace("\"version\":\"2.11.1\"", "\"version\":211", System.StringComparison.Ordinal);
            TestPage lockPage = Lock(text);

            Diagnostic d = Assert.Single(GeneratorHarness.Run(new[] { Zlib, lockPage }).Diagnostics);

            Assert.Equal("SPG0027", d.Id);
            Assert.Equal(SpanOf(text, "211"), SpanOf(d.Location));
            Assert.Equal("This lockfile cannot be read: $.concrete_specs.lhwpu7qahqztyfrr3ux6l4xqfccmqufm.version is 211, expected a string (the package version) (line 1, column " + (text.IndexOf("211", System.StringComparison.Ordinal) + 1) + "; lockfile version 5)", d.GetMessage());
        }

        [Fact]
        public void SPG0028_a_node_edited_by_hand_is_at_its_key_and_its_unedited_twin_is_clean()
        {
            string text = File.ReadAllText(TestPaths.Lockfile("real/chronolog-v5"));
            SpackLockfile parsed = SpackLockfile.Parse(text);
            LockNode victim = parsed.Nodes[3];
            string edited = Lockfiles.LockfileTests.EditVersion(text, victim.Key, victim.Version.ToString(), "99.0");
            var quiet = new Dictionary<string, ReportDiagnostic> { ["SPG0026"] = ReportDiagnostic.Suppress };

            GeneratorOutput clean = GeneratorHarness.Run(new[] { Zlib, Lock(text) }, severities: quiet);
            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, Lock(edited) }, severities: quiet);

            Assert.Empty(clean.Diagnostics);
            Diagnostic d = Assert.Single(output.Diagnostics);
            Assert.Equal("SPG0028", d.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal(KeySpan(edited, victim.Key), SpanOf(d.Location));
            Assert.Equal($"{victim.Name}@99.0 /{victim.Key[..7]} does not hash to its key {victim.Key}: its content was edited after Spack wrote it, or Spack reused it from an older install that hashed it another way", d.GetMessage());
            Assert.Equal(ZlibSpecs.Length, GeneratorHarness.LoadCatalog(output.Compilation).Count);
        }

        [Fact]
        public void Every_node_of_a_real_lockfile_that_the_pages_lack_is_reported_once()
        {
            string path = TestPaths.Lockfile("real/icesee-v5");
            SpackLockfile lockfile = SpackLockfile.Load(path);

            GeneratorOutput output = GeneratorHarness.Run(new[] { Zlib, Lock(File.ReadAllText(path)) });

            Assert.Equal(lockfile.Nodes.Count(n => !n.IsExternal), Of(output, "SPG0026").Count());
            Assert.Empty(output.Diagnostics.Where(d => d.Id != "SPG0026"));
            Assert.Equal(
                lockfile.Nodes.Where(n => !n.IsExternal).Select(n => (n.Line - 1, n.Column - 1)),
                Of(output, "SPG0026").Select(d => (d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character)));
        }
    }
}
