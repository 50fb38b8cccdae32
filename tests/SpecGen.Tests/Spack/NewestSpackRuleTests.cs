using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Format;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Spack
{
    /// <summary>
    /// Issue 21's rules that the vector file cannot hold: the host's reserved names with a constructed host
    /// (platforms/_platform.py and ArchSpec's os/target setters), languages asked of Spack 1.x pages (refused when the
    /// query is made, on one catalog or a combined one, and by Matches and Explain), compiler flags as tokenize_flags
    /// reads them, and Python's whitespace and the escaping of invisible characters in messages.
    /// </summary>
    public class NewestSpackRuleTests : IClassFixture<CorpusCatalogFixture>
    {
        private static readonly SpackArch UbuntuV3 = new SpackArch("linux", "ubuntu22.04", Microarchitecture.Parse("x86_64_v3"));
        private static readonly SpackArch UbuntuZen3 = new SpackArch("linux", "ubuntu22.04", Microarchitecture.Parse("zen3"));
        private static readonly SpackArch Sequoia = new SpackArch("darwin", "sequoia", Microarchitecture.Parse("m1"));

        private readonly SpecCatalog _catalog;

        public NewestSpackRuleTests(CorpusCatalogFixture corpus)
        {
            _catalog = corpus.Catalog;
        }

        // ArchSpec's setters: a reserved os or target is the host's, and sets the platform to the host's when none is
        // set; the target is the host's exact microarchitecture, compared by name (a zen3 host finds no x86_64_v3 page).
        [Theory]
        [InlineData("os=default_os", "linux-ubuntu22.04-x86_64_v3", 215)]
        [InlineData("os=frontend", "linux-ubuntu22.04-x86_64_v3", 215)]
        [InlineData("os=be", "linux-ubuntu22.04-x86_64_v3", 215)]
        [InlineData("target=default_target", "linux-ubuntu22.04-x86_64_v3", 294)]
        [InlineData("target=fe", "linux-ubuntu22.04-x86_64_v3", 294)]
        [InlineData("arch=linux-default_os-default_target", "linux-ubuntu22.04-x86_64_v3", 177)]
        [InlineData("python os=backend target=backend", "linux-ubuntu22.04-x86_64_v3", 10)]
        [InlineData("target=default_target", "linux-ubuntu22.04-zen3", 0)]
        [InlineData("target=default_target:", "linux-ubuntu22.04-x86_64_v3", 0)]
        [InlineData("os=default_os", "darwin-sequoia-m1", 17)]
        [InlineData("platform=darwin os=default_os", "darwin-sequoia-m1", 17)]
        public void Reserved_names_resolve_to_the_host_given(string query, string host, int count)
        {
            SpackArch arch = host switch
            {
                "linux-ubuntu22.04-zen3" => UbuntuZen3,
                "darwin-sequoia-m1" => Sequoia,
                _ => UbuntuV3,
            };
            Assert.Equal(host, arch.ToString());

            Assert.Equal(count, _catalog.Query(query, arch).Count());
            SpecPattern pattern = SpecPattern.Parse(query, arch);
            Assert.Equal(count, _catalog.Count(pattern.Matches));
            Assert.Throws<FormatException>(() => _catalog.Query(query.Replace("default_target:", "default_target")));
        }

        [Fact]
        public void A_resolved_pattern_names_the_host_and_is_never_literal()
        {
            SpecPattern pattern = SpecPattern.Parse("zlib os=default_os target=fe", UbuntuZen3);
            Assert.Equal("ubuntu22.04", pattern.Os);
            Assert.Equal("linux", pattern.Platform);
            Assert.Equal("zen3", pattern.Target);
            Assert.Equal("zen3", pattern.Targets!.ExactName);

            // Without a host the names are refused, naming the API that resolves them; never taken as names.
            FormatException error = Assert.Throws<FormatException>(() => SpecPattern.Parse("zlib os=default_os"));
            Assert.Contains("malformed at position 5", error.Message, StringComparison.Ordinal);
            Assert.Contains("SpecPattern.Parse(query, host)", error.Message, StringComparison.Ordinal);
            Assert.False(SpecPattern.TryParse("target=be", out _, out string? problem));
            Assert.Contains("deprecated in Spack for 'default_target'", problem, StringComparison.Ordinal);
            Assert.Throws<ArgumentNullException>(() => SpecPattern.Parse("zlib", null!));
            Assert.Throws<ArgumentNullException>(() => SpecPattern.Parse(null!, UbuntuV3));
        }

        // ArchSpec.os setter: "Can't set arch spec OS to reserved value ... when the arch platform (...) isn't the current
        // platform (...)"; a reserved os sets the platform, so a later one is a second platform.
        [Theory]
        [InlineData("platform=darwin os=default_os", 16, "Can't set arch spec OS to reserved value 'default_os' when the arch platform (darwin) isn't the current platform (linux)")]
        [InlineData("arch=darwin-default_os-x86_64", 0, "isn't the current platform (linux)")]
        [InlineData("platform=darwin target=default_target", 16, "Can't set arch spec target to reserved value 'default_target'")]
        [InlineData("os=default_os platform=darwin", 14, "Cannot specify 'platform' twice")]
        [InlineData("target=x86_64_v3 target=default_target", 17, "Cannot specify 'target' twice")]
        public void A_reserved_name_with_another_platform_is_refused(string query, int position, string message)
        {
            FormatException error = Assert.Throws<FormatException>(() => _catalog.Query(query, UbuntuV3));
            Assert.Contains("malformed at position " + position + ":", error.Message, StringComparison.Ordinal);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
        }

        // spec.py _satisfying_edges: only a v0.2x page's compiler is known to provide c, cxx and fortran. A query that
        // reaches a Spack 1.x page with a compiler is refused when it is made, whatever the catalog.
        [Fact]
        public void A_language_asked_of_a_page_that_does_not_record_it_is_refused_when_the_query_is_made()
        {
            SpecCatalog zlib = InMemoryCatalog.From(new[] { PageEdit.Zlib });
            FormatException error = Assert.Throws<FormatException>(() => zlib.Query("%cxx"));
            Assert.Contains("malformed at position 0:", error.Message, StringComparison.Ordinal);
            Assert.Contains("not the languages it provided", error.Message, StringComparison.Ordinal);
            Assert.Contains("'gcc@", error.Message, StringComparison.Ordinal);

            // The rest of the query decides which pages are asked: none of zlib's three is v0.2x, bc's is.
            Assert.Throws<FormatException>(() => SpecCatalog.Combine(_catalog, zlib).Query("zlib %c"));
            Assert.Equal(1, SpecCatalog.Combine(_catalog, zlib).Query("bc %c").Count());
            Assert.Empty(zlib.Query("zlib@:1.0 %c"));
            Assert.Equal(2, zlib.Query("%c=gcc").Count());

            // Matches and Explain refuse the same spec; a v0.2x one they answer.
            Spec first = zlib.First();
            Assert.Throws<FormatException>(() => SpecPattern.Parse("zlib %fortran").Matches(first));
            Assert.Throws<FormatException>(() => SpecPattern.Parse("%c").Matches(first));
            Assert.Throws<FormatException>(() => zlib.Explain(SpecPattern.Parse("zlib %c")));
            Assert.False(SpecPattern.Parse("zlib@:1.0 %c").Matches(first));
            Spec bc = _catalog.Query("bc").First();
            Assert.True(SpecPattern.Parse("%cxx").Matches(bc));
            Assert.True(SpecPattern.Parse("bc %c").Compilers[0].IsSatisfiedBy(bc.Compiler));
            Assert.Equal("c", SpecPattern.Parse("bc %c").Compilers[0].Language);
            Assert.Null(SpecPattern.Parse("bc %c=gcc").Compilers[0].Language);
            Assert.Throws<FormatException>(() => SpecPattern.Parse("%c").Compilers[0].IsSatisfiedBy(first.Compiler));
        }

        [Fact]
        public void Compiler_packages_and_virtuals_are_the_tables_of_the_research()
        {
            foreach (string compiler in new[] { "acfl", "aocc", "apple-clang", "atfl", "cce", "fj", "gcc", "intel-oneapi-compilers", "intel-oneapi-compilers-classic", "llvm", "llvm-amdgpu", "msvc", "nag", "nvhpc", "xl", "clang", "oneapi", "rocmcc", "intel", "arm", "intel-oneapi-compiler-classic", "dpcpp", "pgi", "xl_r" })
            {
                Assert.True(CompilerNames.IsCompiler(compiler), compiler);
                Assert.True(SpecPattern.TryParse("%" + compiler, out _, out string? error), error);
            }

            foreach (string other in new[] { "none", "cmake", "python", "gcc-runtime", "compiler-wrapper", "mpi", "aotriton-llvm" })
            {
                Assert.False(CompilerNames.IsCompiler(other), other);
                Assert.False(SpecPattern.TryParse("zlib %" + other, out _, out _));
            }

            Assert.Equal(52, VirtualPackages.Count);
            Assert.True(VirtualPackages.Contains("fortran-rt"));
            Assert.False(VirtualPackages.Contains("openmpi"));
        }

        /// <summary>The zlib page with flags: the first spec has cflags "-I /opt/include -O2", the others none.</summary>
        private static SpecCatalog FlagCatalog()
        {
            string text = PageEdit.Replace(PageEdit.Zlib.Text, "\"variants\": [\"build_system=makefile\"", "\"variants\": [\"build_system=makefile\", \"cflags='-I /opt/include -O2'\", \"ldflags='-Wl,-rpath,/x -s'\"", 0);
            return InMemoryCatalog.From(new[] { PageEdit.Zlib with { Text = text } });
        }

        // compilers/flags.py tokenize_flags on both sides: '-I /opt/include' is one flag; an empty value is no flag.
        [Theory]
        [InlineData("cflags='-I /opt/include'", "0")]
        [InlineData("cflags='-I   /opt/include'", "0")]
        [InlineData("cflags='-O2\f-I\u001c/opt/include'", "0")]
        [InlineData("cflags==-O2", "0")]
        [InlineData("cflags=-I", "")]
        [InlineData("cflags=/opt/include", "")]
        [InlineData("cflags='-I /opt'", "")]
        [InlineData("cflags=''", "0,1,2")]
        [InlineData("cflags=' '", "0,1,2")]
        [InlineData("ldflags=-Wl,-rpath,/x", "0")]
        [InlineData("ldflags='-s -Wl,-rpath,/x'", "0")]
        [InlineData("ldflags=-rpath", "")]
        public void Flags_are_compared_as_tokenize_flags_splits_them(string query, string expected)
        {
            SpecCatalog catalog = FlagCatalog();
            Assert.Equal(expected, string.Join(",", catalog.Query(query).Select(s => s.Index)));
            Assert.Equal(expected, string.Join(",", catalog.Where(SpecPattern.Parse(query).Matches).Select(s => s.Index)));
        }

        [Theory]
        [InlineData("-I /opt/include -O2", "-I /opt/include|-O2")]
        [InlineData("-I   /x", "-I /x")]
        [InlineData("O3 -g", "O3|-g")]
        [InlineData("-g\f-O2", "-g|-O2")]
        [InlineData("-a\u00a0-b\u001d-c", "-a|-b|-c")]
        [InlineData("-g -g", "-g|-g")]
        [InlineData("", "")]
        [InlineData(" \t ", "")]
        public void Tokenize_flags_joins_words_that_do_not_start_with_a_dash(string value, string flags)
        {
            Assert.Equal(flags, string.Join("|", FlagTokens.Tokenize(value)));
            Assert.Equal(flags, string.Join("|", SpecPattern.Parse("cflags='" + value + "'").Flags.SelectMany(f => f.Values)));
        }

        [Fact]
        public void Whitespace_is_pythons_str_isspace()
        {
            // Python 3.11: [c for c in range(0x10000) if chr(c).isspace()].
            int[] python =
            {
                0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
                0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
            };
            int[] ours = Enumerable.Range(0, 0x10000).Where(c => PythonText.IsSpace((char)c)).ToArray();
            Assert.Equal(python, ours);
            Assert.Equal(new[] { "a", "b" }, PythonText.Split("\u001ca\u2028 b\u0085"));
            Assert.Equal("a b", PythonText.Strip("\u001f\u3000a b\u00a0"));
        }

        // Messages write control and invisible characters as U+XXXX (Spack prints them raw; SpecGen does not).
        [Theory]
        [InlineData("zlib\u0007", "U+0007", "\u0007")]
        [InlineData("zlib\u200b", "U+200B", "\u200b")]
        [InlineData("zlib\u0000", "U+0000", "\u0000")]
        [InlineData("zlib ^x\u001c", "zlib ^xU+001C", "\u001c")]
        [InlineData("zlib %cmake\u2029", "U+2029", "\u2029")]
        [InlineData("zlib\n^x", "zlibU+000A^x", "\n")]
        public void Messages_escape_invisible_characters(string query, string shown, string raw)
        {
            Assert.False(SpecPattern.TryParse(query, out _, out string? error));
            Assert.Contains(shown, error, StringComparison.Ordinal);
            Assert.DoesNotContain(raw, error, StringComparison.Ordinal);
        }

        [Fact]
        public void Escape_keeps_visible_text_and_pairs_and_marks_lone_surrogates()
        {
            Assert.Equal("zlib é 𝐀 ok", PythonText.Escape("zlib é 𝐀 ok"));
            Assert.Equal("aU+D800b", PythonText.Escape("a\ud800b"));
            Assert.Equal("U+E0001", PythonText.Escape("\U000E0001"));
            Assert.Equal("U+00A0", PythonText.Escape("\u00a0"));

            // The other parsers of query parts escape too.
            Assert.Contains("'1.2U+0007'", Assert.Throws<FormatException>(() => VersionConstraint.Parse("1.2\u0007")).Message, StringComparison.Ordinal);
            Assert.Contains("'1U+001B'", Assert.Throws<FormatException>(() => SpackVersion.Parse("1\u001b")).Message, StringComparison.Ordinal);
            Assert.Contains("'zenU+0000'", Assert.Throws<FormatException>(() => Microarchitecture.Parse("zen\u0000")).Message, StringComparison.Ordinal);
        }

        /// <summary>Two constraints on one direct dependency merge (Spec.constrain); the merged versions are kept.</summary>
        [Theory]
        [InlineData("%gcc@11: %gcc@:12", true)]
        [InlineData("%gcc@11,13 %gcc@13:", true)]
        [InlineData("%gcc@=13.2.0 %gcc@13", true)]
        [InlineData("%gcc@=13.2.0 %gcc@12", false)]
        [InlineData("%gcc@2:1 %gcc", true)]
        [InlineData("%gcc@2:1 %gcc@1.5:3", true)]
        [InlineData("%gcc@1,3 %gcc@1:2 %gcc@3:4", false)]
        [InlineData("%llvm@15 %clang@15.0.1", true)]
        [InlineData("%c=gcc@11 %cxx=gcc@12", false)]
        [InlineData("%builtin.gcc %other.gcc", false)]
        [InlineData("%gcc@11 %cce@13", true)]
        public void Direct_dependencies_of_one_name_must_intersect(string query, bool accepted)
        {
            Assert.Equal(accepted, SpecPattern.TryParse(query, out _, out string? error));
            if (!accepted)
            {
                Assert.Contains("%", error, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Namespaces_and_git_versions_are_read_as_spack_reads_them()
        {
            SpecPattern pattern = SpecPattern.Parse("builtin.zlib@git.main=1.3.1");
            Assert.Equal("zlib", pattern.Name);
            Assert.Equal("builtin", pattern.Namespace);
            Assert.Equal("True", SpecPattern.Parse("+namespace").Namespace);
            Assert.Equal("False", SpecPattern.Parse("~namespace").Namespace);
            Assert.Equal("a.b", SpecPattern.Parse("a.b.zlib").Namespace);

            // StandardVersion.satisfies(GitVersion) is False: a git version selects no standard version, with no lookup.
            Assert.Empty(_catalog.Query("zlib@git.main=1.3.1"));
            Assert.Equal(3, _catalog.Query("zlib@1.3.1").Count());
            Assert.False(VersionConstraint.Parse("git.abc=1.3").Contains(SpackVersion.Parse("1.3")));
            Assert.True(VersionConstraint.Parse("git.abc=1.3").Contains(SpackVersion.Parse("git.abc=1.3")));
        }

        [Fact]
        public void Architecture_values_keep_what_spack_keeps()
        {
            // The first attribute reads 'None' and empty parts as unset; a later one keeps them as names.
            SpecPattern first = SpecPattern.Parse("os=None platform=None");
            Assert.Null(first.Os);
            Assert.Equal("None", first.Platform);
            SpecPattern star = SpecPattern.Parse("os=* target=*");
            Assert.Equal("*", star.Os);
            Assert.True(star.Targets!.Contains("anything"));
            Assert.Equal("True", SpecPattern.Parse("+os").Os);
            Assert.Null(SpecPattern.Parse("~os").Os);
            Assert.Null(SpecPattern.Parse("target='' os=x").Target);
            Assert.Equal("linux-ubuntu22.04", SpecPattern.Parse("arch=linux-ubuntu22.04").Target);
            Assert.False(SpecPattern.TryParse("os=x +os", out _, out string? error));
            Assert.Contains("Cannot specify 'os' twice", error, StringComparison.Ordinal);
        }
    }
}
