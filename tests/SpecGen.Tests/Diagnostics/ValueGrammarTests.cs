extern alias Generator;

using System.Linq;
using CsCheck;
using Generator::SpecGen.Format;
using Xunit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>
    /// The value grammar of the page checks, function by function, with the exact reasons it gives. Tested through the
    /// generator's copy (the page checks' own; SpecGen.Runtime compiles the same file), so mutation testing of the
    /// generator sees these tests.
    /// </summary>
    public class ValueGrammarTests
    {
        [Theory]
        [InlineData("1.3.1", null)]
        [InlineData("", "it is empty")]
        [InlineData("1.2 3", "it contains U+0020 (a version holds letters, digits, '.', '-', '_' and, after its first character, '=')")]
        [InlineData("1.2$", "it contains '$' (a version holds letters, digits, '.', '-', '_' and, after its first character, '=')")]
        public void Versions(string version, string? reason)
        {
            Assert.Equal(reason, ValueGrammar.CheckVersion(version));
        }

        [Fact]
        public void A_version_of_valid_characters_can_still_be_refused_by_the_version_rules()
        {
            string? reason = ValueGrammar.CheckVersion("git.abc=");
            Assert.NotNull(reason);
            Assert.DoesNotContain("it contains", reason!, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_version_is_refused_exactly_when_the_full_version_rules_refuse_it()
        {
            // CheckVersion parses only versions with '=' (the only way valid characters can fail to parse): the same answer as parsing every one.
            Gen.String[Gen.Char["0123456789.-_=abgit"], 1, 12]
                .Sample(version =>
                {
                    if (!Enumerable.Range(0, version.Length).All(i => NameChars.IsVersionChar(version[i], i)))
                    {
                        // Characters outside a version: refused by the character check, with its own reason (tested above).
                        Assert.StartsWith("it contains ", ValueGrammar.CheckVersion(version), System.StringComparison.Ordinal);
                        return;
                    }

                    string? expected = VersionValue.Parse(version, out string? error) is null ? error : null;
                    Assert.Equal(expected, ValueGrammar.CheckVersion(version));
                });
        }

        [Theory]
        [InlineData("n5mtx7tcrev5nt4dbzvbri2q63mt6d3f", null)]
        [InlineData("n5mtx7tcrev5nt4dbzvbri2q63mt6d3", "it has 31 characters, not 32")]
        [InlineData("n5mtx7tcrev5nt4dbzvbri2q63mt6d3fa", "it has 33 characters, not 32")]
        [InlineData("N5mtx7tcrev5nt4dbzvbri2q63mt6d3f", "it contains 'N' (a hash is 32 characters of 'a'-'z' and '2'-'7')")]
        [InlineData("n5mtx7tcrev5nt4dbzvbri2q63mt6d31", "it contains '1' (a hash is 32 characters of 'a'-'z' and '2'-'7')")]
        public void Hashes(string hash, string? reason)
        {
            Assert.Equal(reason, ValueGrammar.CheckHash(hash));
        }

        [Theory]
        [InlineData("zlib", null)]
        [InlineData("py-gast_1.x", null)]
        [InlineData("", "it is empty")]
        [InlineData("zlib ng", "it contains U+0020 (only letters, digits, '-', '_' and '.' are allowed)")]
        [InlineData("zlib@1", "it contains '@' (only letters, digits, '-', '_' and '.' are allowed)")]
        public void Names(string name, string? reason)
        {
            Assert.Equal(reason, ValueGrammar.CheckName(name));
        }

        [Fact]
        public void Compilers()
        {
            CompilerSyntax none = ValueGrammar.ParseCompiler("none", out string error)!;
            Assert.True(none.IsNone);
            Assert.False(none.IsExact);
            Assert.Equal(string.Empty, error);

            CompilerSyntax gcc = ValueGrammar.ParseCompiler("gcc@=11.4.0", out error)!;
            Assert.Equal(("gcc", "11.4.0", true, false), (gcc.Name, gcc.Version, gcc.IsExact, gcc.IsNone));
            Assert.Equal(string.Empty, error);
            CompilerSyntax range = ValueGrammar.ParseCompiler("gcc@11.4.0", out error)!;
            Assert.Equal(("gcc", "11.4.0", false, false), (range.Name, range.Version, range.IsExact, range.IsNone));
            Assert.Equal(string.Empty, error);

            Assert.Null(ValueGrammar.ParseCompiler("gcc", out error));
            Assert.Equal("expected 'name@version', 'name@=version' or 'none'", error);
            Assert.Null(ValueGrammar.ParseCompiler("@11", out error));
            Assert.Equal("the compiler name is empty", error);
            Assert.Null(ValueGrammar.ParseCompiler("g cc@11", out error));
            Assert.Equal("the compiler name contains U+0020 (only letters, digits, '-', '_' and '.' are allowed)", error);
            Assert.Null(ValueGrammar.ParseCompiler("gcc@1 1", out error));
            Assert.Equal("the compiler version it contains U+0020 (a version holds letters, digits, '.', '-', '_' and, after its first character, '=')", error);
        }

        [Fact]
        public void Bool_variants()
        {
            VariantSyntax on = ValueGrammar.ParseVariant("+shared", out string error)!;
            Assert.Equal(("shared", false, false, 0), (on.Name, on.IsExact, on.IsQuoted, on.Values.Count));
            Assert.Equal(string.Empty, error);
            Assert.Null(ValueGrammar.ParseVariant("+sha red", out error));
            Assert.Equal("the variant name contains U+0020 (only letters, digits, '-', '_' and '.' are allowed)", error);
            Assert.NotEqual(on.Kind, ValueGrammar.ParseVariant("~shared", out _)!.Kind);
            Assert.Equal(ValueGrammar.ParseVariant("~shared", out _)!.Kind, ValueGrammar.ParseVariant("-shared", out _)!.Kind);
        }

        [Fact]
        public void Valued_variants()
        {
            VariantSyntax single = ValueGrammar.ParseVariant("build_system=cmake", out _)!;
            VariantSyntax multi = ValueGrammar.ParseVariant("languages=c,c++", out _)!;
            VariantSyntax exact = ValueGrammar.ParseVariant("cuda_arch:=80", out _)!;
            VariantSyntax quoted = ValueGrammar.ParseVariant("text='a b'", out _)!;
            VariantSyntax plain = ValueGrammar.ParseVariant("text=ab", out _)!;

            Assert.Equal(("build_system", false, false), (single.Name, single.IsExact, single.IsQuoted));
            Assert.Equal(new[] { "cmake" }, single.Values.AsSpan().ToArray());
            Assert.Equal(new[] { "c", "c++" }, multi.Values.AsSpan().ToArray());
            Assert.NotEqual(single.Kind, multi.Kind);
            Assert.Equal(multi.Kind, exact.Kind);
            Assert.Equal(("cuda_arch", true), (exact.Name, exact.IsExact));
            Assert.Equal(("text", true), (quoted.Name, quoted.IsQuoted));
            Assert.Equal(new[] { "a b" }, quoted.Values.AsSpan().ToArray());
            Assert.Equal(single.Kind, quoted.Kind);
            Assert.Equal(single.Kind, plain.Kind);
            Assert.False(plain.IsQuoted);
        }

        [Theory]
        [InlineData("", "it is empty")]
        [InlineData("shared", "expected '+name', '~name', 'name=value' or 'name:=value'")]
        [InlineData("a=", "the value is empty")]
        [InlineData("a=b,,c", "the value list has an empty item")]
        [InlineData("a=b c", "the value contains U+0020; quote the value to allow it")]
        [InlineData("a=b\"c", "the value contains '\"'; quote the value to allow it")]
        [InlineData("a='b", "the quoted value is not closed by a single '")]
        [InlineData("a='", "the quoted value is not closed by a single '")]
        [InlineData("a='x'y'", "the quoted value is not closed by a single '")]
        [InlineData("a=\"x'", "the quoted value is not closed by a single \"")]
        [InlineData("a=''", "the value is empty")]
        public void Variant_errors(string text, string reason)
        {
            Assert.Null(ValueGrammar.ParseVariant(text, out string error));
            Assert.Equal(reason, error);
        }

        [Theory]
        [InlineData("=x")]
        [InlineData(":=x")]
        public void A_variant_without_a_name_is_refused_for_its_name(string text)
        {
            Assert.Null(ValueGrammar.ParseVariant(text, out string error));
            Assert.Equal("the variant name is empty", error);
        }

        [Theory]
        [InlineData("-", null)]
        [InlineData("0", null)]
        [InlineData("9223372036854775807", null)]
        [InlineData("9223372036854775808", "more bytes than a size can hold (at most 9223372036854775807)")]
        [InlineData("12a", "neither '-' nor a non-negative whole number of bytes")]
        [InlineData("-1", "neither '-' nor a non-negative whole number of bytes")]
        [InlineData("", "neither '-' nor a non-negative whole number of bytes")]
        public void Sizes(string size, string? reason)
        {
            Assert.Equal(reason, ValueGrammar.CheckSize(size));
        }

        [Theory]
        [InlineData("https://binaries.spack.io/a.spack", null)]
        [InlineData("s3://bucket/a.spack", null)]
        [InlineData("ab://host/a.spack", null)]
        [InlineData("https://x/a b", "it contains U+0020")]
        [InlineData("https://x/a\u0001b", "it contains U+0001")]
        [InlineData("c:/a.spack", "it is not an absolute URL such as https://binaries.spack.io/...")]
        [InlineData("/a.spack", "it is not an absolute URL such as https://binaries.spack.io/...")]
        public void Tarballs(string url, string? reason)
        {
            Assert.Equal(reason, ValueGrammar.CheckTarball(url));
        }

        [Fact]
        public void Lone_surrogates()
        {
            // Built in code: a theory's strings with lone surrogates do not survive test discovery.
            char high = (char)0xD83D, low = (char)0xDE00;
            Assert.False(ValueGrammar.HasLoneSurrogate("a" + high + low));
            Assert.False(ValueGrammar.HasLoneSurrogate(string.Empty + high + low));
            Assert.False(ValueGrammar.HasLoneSurrogate("plain"));
            Assert.True(ValueGrammar.HasLoneSurrogate(high.ToString()));
            Assert.True(ValueGrammar.HasLoneSurrogate(low.ToString()));
            Assert.True(ValueGrammar.HasLoneSurrogate(high + "x"));
            Assert.True(ValueGrammar.HasLoneSurrogate("x" + high));
            Assert.True(ValueGrammar.HasLoneSurrogate(string.Empty + low + high));
            Assert.True(ValueGrammar.HasLoneSurrogate(string.Empty + high + high + low));
        }

        [Theory]
        [InlineData('a', "'a'")]
        [InlineData('!', "'!'")]
        [InlineData('~', "'~'")]
        [InlineData(' ', "U+0020")]
        [InlineData('\u007f', "U+007F")]
        [InlineData('\u00e9', "U+00E9")]
        public void Characters_in_messages(char c, string described)
        {
            Assert.Equal(described, ValueGrammar.Describe(c));
        }

        [Fact]
        public void Bare_value_characters_are_spacks_value_token()
        {
            // spec_parser.py's VALUE: letters, digits and these; every other character makes a value quoted.
            const string Punctuation = "_-+*.,:=%^~/\\";
            for (char c = (char)0; c < 256; c++)
            {
                bool expected = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || Punctuation.Contains(c);
                Assert.True(expected == ValueGrammar.IsBareValueChar(c), "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.Equal(26 + 26 + 10 + 13, Enumerable.Range(0, 256).Count(c => ValueGrammar.IsBareValueChar((char)c)));
        }
    }
}
