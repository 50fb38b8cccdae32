using System;
using System.IO;
using System.Linq;
using System.Text;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Lockfiles
{
    /// <summary>Input that is not a readable lockfile: each a FormatException whose message says what, where (JSON path, line, column) and, once known, the version.</summary>
    public class LockfileErrorTests
    {
        private static readonly string V5 = File.ReadAllText(TestPaths.Lockfile("real/chronolog-v5"));

        private static string Fails(string json)
        {
            FormatException ex = Assert.Throws<FormatException>(() => SpackLockfile.Parse(json));
            return ex.Message;
        }

        [Fact]
        public void An_empty_file()
        {
            Assert.Equal("JSON syntax error: The document is empty: expected a JSON value (line 1, column 1)", Fails(string.Empty));
            Assert.StartsWith("JSON syntax error: The document holds only whitespace", Fails(" \n\t"), StringComparison.Ordinal);
        }

        [Fact]
        public void A_spack_yaml()
        {
            const string Yaml = "spack:\n  specs:\n  - zlib\n  view: true\n";
            Assert.Equal("JSON syntax error: Expected a JSON value (an object, an array, a string, a number, true, false or null) at $, found 's' (this is not JSON: YAML, such as a spack.yaml?) (line 1, column 1)", Fails(Yaml));
        }

        [Fact]
        public void A_spack_yaml_that_opens_with_comments()
        {
            // Many spack.yaml files start with comment lines; past them the file is YAML, and the hint says so.
            const string Yaml = "# Written by a tool: do not edit\n#\n\nspack:\n  specs:\n  - zlib\n";
            Assert.Equal("JSON syntax error: Expected a JSON value (an object, an array, a string, a number, true, false or null) at $, found '#' (this is not JSON: YAML, such as a spack.yaml?) (line 1, column 1)", Fails(Yaml));

            // A comment before JSON, or comments alone, are still what JSON does not allow.
            Assert.EndsWith("found '#' (JSON has no comments) (line 1, column 1)", Fails("# pinned\n{\"_meta\": {}}"), StringComparison.Ordinal);
            Assert.EndsWith("found '#' (JSON has no comments) (line 1, column 1)", Fails("# nothing else\n"), StringComparison.Ordinal);
        }

        [Fact]
        public void Json_that_is_not_a_lockfile()
        {
            Assert.Equal("Not a Spack lockfile: the document is an array; a spack.lock is a JSON object with _meta, roots and concrete_specs (line 1, column 1)", Fails("[1, 2]"));
            Assert.Equal("Not a Spack lockfile: the object $ has no _meta; a spack.lock is a JSON object with _meta, roots and concrete_specs (line 1, column 1)", Fails("{\"spack\": {\"specs\": [\"zlib\"]}}"));
            Assert.Equal("Not a Spack lockfile: $._meta['file-type'] is the string 'spack-spec', not 'spack-lockfile' (line 1, column 25)", Fails("{\"_meta\": {\"file-type\": \"spack-spec\", \"lockfile-version\": 5}}"));
        }

        [Theory]
        [InlineData(9, "Lockfile version 9 is newer than SpecGen knows: it reads versions 2 to 8 (8 is Spack 1.3's)")]
        [InlineData(100000000, "Lockfile version 100000000 is newer than SpecGen knows: it reads versions 2 to 8 (8 is Spack 1.3's)")]
        [InlineData(1, "Lockfile version 1 (Spack 0.12) is not read: SpecGen reads versions 2 to 8; concretize the environment again with a newer Spack to rewrite it")]
        [InlineData(0, "$._meta['lockfile-version'] is 0, which is no lockfile version (Spack's run from 1 to 8)")]
        public void An_unknown_version(int version, string message)
        {
            string json = V5.Replace("\"lockfile-version\":5", "\"lockfile-version\":" + version, StringComparison.Ordinal);
            Assert.StartsWith(message + " (line 1, column ", Fails(json), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("\"lockfile-version\":5", "\"lockfile-version\":\"5\"", "$._meta['lockfile-version'] is the string '5', expected a whole number from 2 to 8")]
        [InlineData("\"lockfile-version\":5", "\"lockfile-version\":5.0", "$._meta['lockfile-version'] is 5.0, expected a whole number from 2 to 8")]
        [InlineData("\"name\":\"py-pybind11\"", "\"name\":7", "$.concrete_specs.lhwpu7qahqztyfrr3ux6l4xqfccmqufm.name is 7, expected a string (the package name)")]
        [InlineData("\"platform_os\":\"ubuntu24.04\"", "\"platform_os\":null", "$.concrete_specs.lhwpu7qahqztyfrr3ux6l4xqfccmqufm.arch.platform_os is null, expected a string (the operating system)")]
        [InlineData("\"target\":\"aarch64\"", "\"target\":[\"aarch64\"]", "$.concrete_specs.lhwpu7qahqztyfrr3ux6l4xqfccmqufm.arch.target is an array, expected a target name or an object with name")]
        [InlineData("\"build_system\":\"cmake\"", "\"build_system\":{}", "$.concrete_specs.lhwpu7qahqztyfrr3ux6l4xqfccmqufm.parameters.build_system is an object, expected true, false, a string or a list of strings")]
        [InlineData("\"version\":\"2.11.1\"", "\"version\":\"2 11\"", "$.concrete_specs.lhwpu7qahqztyfrr3ux6l4xqfccmqufm.version '2 11' is not a Spack version")]
        [InlineData("{\"name\":\"cmake\",\"hash\"", "{\"name\":\"cmake\",\"hash\":5,\"x\"", "$.concrete_specs.lhwpu7qahqztyfrr3ux6l4xqfccmqufm.dependencies[0].hash is a number, expected the dependency's hash as a string")]
        [InlineData("\"compiler\":{\"name\":\"gcc\",\"version\":\"13.3.0\"}", "\"compiler\":\"gcc@13.3.0\"", "$.concrete_specs.lhwpu7qahqztyfrr3ux6l4xqfccmqufm.compiler is a string, expected an object with name and version")]
        public void A_value_of_the_wrong_type_names_its_path_and_the_version(string find, string replace, string message)
        {
            int at = V5.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, find);
            string json = V5.Substring(0, at) + replace + V5.Substring(at + find.Length);

            string actual = Fails(json);

            Assert.StartsWith(message, actual, StringComparison.Ordinal);
            if (!message.Contains("lockfile-version", StringComparison.Ordinal))
            {
                Assert.EndsWith("; lockfile version 5)", actual, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Concrete_specs_that_are_not_an_object()
        {
            Assert.Equal("$.concrete_specs is an array, expected an object (the nodes of the environment, by hash) (line 1, column 61; lockfile version 5)", Fails("{\"_meta\":{\"lockfile-version\":5},\"roots\":[],\"concrete_specs\":[]}"));
            Assert.Equal("$ has no roots (the environment's root specs) (line 1, column 1; lockfile version 5)", Fails("{\"_meta\":{\"lockfile-version\":5},\"concrete_specs\":{}}"));
            Assert.Empty(SpackLockfile.Parse("{\"_meta\":{\"lockfile-version\":5},\"roots\":[],\"concrete_specs\":{}}").Nodes);
        }

        [Fact]
        public void A_dependency_that_is_not_a_node()
        {
            SpackLockfile lockfile = SpackLockfile.Parse(V5);
            LockNode dependency = lockfile.Nodes.First(n => n.Dependencies.Count > 0).Dependencies[0];
            string json = V5.Replace("\"" + dependency.Key + "\":{", "\"gone" + dependency.Key.Substring(4) + "\":{", StringComparison.Ordinal);

            Assert.Contains("/" + dependency.Key + " at $.concrete_specs.", Fails(json), StringComparison.Ordinal);
            Assert.Contains("is not a key of concrete_specs", Fails(json), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(100)]
        [InlineData(5000)]
        [InlineData(65963 - 1)]
        public void Truncated_json_says_where_it_ends(int length)
        {
            string message = Fails(V5.Substring(0, length));
            Assert.StartsWith("JSON syntax error: ", message, StringComparison.Ordinal);
            Assert.Contains("the end of the document", message, StringComparison.Ordinal);

            // At the end, or where the string the end cut starts.
            int column = int.Parse(System.Text.RegularExpressions.Regex.Match(message, @"\(line 1, column (\d+)\)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(column == length + 1 || (message.Contains("is not closed", StringComparison.Ordinal) && V5[column - 1] == '"'), message);
        }

        [Fact]
        public void A_truncated_string_is_reported_where_it_starts()
        {
            Assert.Equal("JSON syntax error: The string at $._meta['file-type'] is not closed: the end of the document comes first (line 2, column 14)", Fails("{\"_meta\": {\n\"file-type\": \"spack-lo"));
        }

        [Theory]
        [InlineData(100_000, '[', ']')]
        [InlineData(100_000, '{', '}')]
        [InlineData(257, '[', ']')]
        public void Deep_nesting_is_an_error_not_a_stack_overflow(int depth, char open, char close)
        {
            var json = new StringBuilder();
            for (int i = 0; i < depth; i++)
            {
                json.Append(open == '{' ? "{\"a\":" : "[");
            }

            json.Append("1").Append(close, depth);

            string message = Fails(json.ToString());

            Assert.StartsWith("JSON syntax error: Objects and arrays nest more than 256 levels deep at $" + (open == '{' ? ".a.a.a" : "[0][0][0]") + "... (depth 256) (line 1, column ", message, StringComparison.Ordinal);
            Assert.Contains("(depth 256)", message, StringComparison.Ordinal);
        }

        [Fact]
        public void Depth_256_is_read()
        {
            string json = new string('[', 256) + new string(']', 256);
            Assert.StartsWith("Not a Spack lockfile: the document is an array", Fails(json), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("{\"a\": 1,}", "JSON syntax error: A trailing comma in the object $: expected a member name after ',' (line 1, column 9)")]
        [InlineData("[1, 2,]", "JSON syntax error: A trailing comma in the array $: expected a value after ',' (line 1, column 7)")]
        [InlineData("{'a': 1}", "JSON syntax error: Expected a member name in double quotes in the object $, found ''' (line 1, column 2)")]
        [InlineData("{\"a\": 01}", "JSON syntax error: A number at $.a has a leading zero, which JSON does not allow (line 1, column 8)")]
        [InlineData("{\"a\": NaN}", "JSON syntax error: Expected a JSON value (an object, an array, a string, a number, true, false or null) at $.a, found 'N' (line 1, column 7)")]
        [InlineData("{\"a\": 1} // note", "JSON syntax error: Unexpected '/' after the JSON value: a document holds one value (line 1, column 10)")]
        [InlineData("{\"a\": \"x\ny\"}", "JSON syntax error: The string at $.a holds a line feed (write it as \\n; is the string missing its closing quote?), which JSON strings must escape (line 1, column 9)")]
        [InlineData("{\"a\": \"\\x\"}", "JSON syntax error: Unknown escape '\\x' in the string at $.a (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX) (line 1, column 9)")]
        [InlineData("{\"a\": \"\\u12\"}", "JSON syntax error: The escape \\u in the string at $.a needs four hexadecimal digits, found '\"' (line 1, column 12)")]
        [InlineData("{\"a\": 1, \"a\": 2}", "JSON syntax error: The object $ has two members named 'a' (line 1, column 10)")]
        [InlineData("{\"a\" 1}", "JSON syntax error: Expected ':' after the member name 'a' in the object $, found '1' (line 1, column 6)")]
        [InlineData("{\"a\": [1 2]}", "JSON syntax error: Expected ',' or ']' after an item of the array $.a, found '2' (line 1, column 10)")]
        [InlineData("{\"a\": tru}", "JSON syntax error: Expected a JSON value (an object, an array, a string, a number, true, false or null) at $.a, found 't' (line 1, column 7)")]
        public void Strict_json_errors_say_what_was_expected(string json, string message)
        {
            Assert.Equal(message, Fails(json).Replace("JSON syntax error: JSON syntax error: ", "JSON syntax error: ", StringComparison.Ordinal));
        }

        [Fact]
        public void Load_names_the_file_and_refuses_text_that_is_not_utf8()
        {
            using TempDirectory dir = DotNet.TempDirectory("specgen-lock");
            string path = Path.Combine(dir.Path, "spack.lock");
            File.WriteAllBytes(path, new byte[] { (byte)'{', 0xff, (byte)'}' });
            FormatException ex = Assert.Throws<FormatException>(() => SpackLockfile.Load(path));
            Assert.StartsWith(path + ": not UTF-8 text", ex.Message, StringComparison.Ordinal);

            File.WriteAllText(path, "{}");
            ex = Assert.Throws<FormatException>(() => SpackLockfile.Load(path));
            Assert.StartsWith(path + ": Not a Spack lockfile: the object $ has no _meta", ex.Message, StringComparison.Ordinal);

            Assert.Throws<FileNotFoundException>(() => SpackLockfile.Load(Path.Combine(dir.Path, "missing.lock")));

            IOException folder = Assert.Throws<IOException>(() => SpackLockfile.Load(dir.Path));
            Assert.Equal(dir.Path + " is a folder, not a lockfile (give the spack.lock inside it)", folder.Message);
        }

        [Fact]
        public void A_byte_order_mark_is_skipped()
        {
            Assert.Equal(66, SpackLockfile.Parse("\uFEFF" + V5).Nodes.Count);
        }

        [Fact]
        public void A_v2_node_that_is_not_name_wrapped()
        {
            string v2 = File.ReadAllText(TestPaths.Lockfile("real/taso-v2"));
            string json = v2.Replace("\"cuda\": {", "\"cuda\": 1, \"other\": {", StringComparison.Ordinal);
            Assert.StartsWith("The node $.concrete_specs.y6tcifwio2nidaoydwa2hjaw2xuzezc2 is an object with 2 members: lockfile version 2 writes each node as an object with one member", Fails(json), StringComparison.Ordinal);
        }
    }
}
