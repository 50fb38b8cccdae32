using System;
using Xunit;

namespace SpecGen.Tests.Spack
{
    /// <summary>
    /// The whole reason a query is refused with, word for word: where the pages cannot decide a query, the message is
    /// what the user reads instead of an answer (the query vectors check the position and key words; these pin the
    /// rest, which mutation testing found free to change).
    /// </summary>
    public class RefusalMessageTests
    {
        [Theory]
        [InlineData("zlib %", 5, "'%' must be followed by a compiler, as in '%gcc@11:'.")]
        [InlineData("zlib cmake", 5, "the query holds more than one spec: 'cmake' starts another one (query each separately).")]
        [InlineData("zlib %[foo] gcc", 7, "unexpected token in edge attributes.")]
        [InlineData("zlib %[virtuals=c foo=bar] gcc", 18, "the only edge attributes that are currently accepted are \"deptypes\", \"virtuals\", and \"when\".")]
        [InlineData("zlib %gcc@1.6:1.4", 9, "'@1.6:1.4': the range is empty (its upper bound is below its lower bound).")]
        [InlineData("zlib %c@1.0", 5, "'%c@1.0' asks for a compiler that provides c in that version, which Spack reads from the package repository (Spec._provides_virtual); cache pages do not record it.")]
        [InlineData("zlib %mpi", 5, "'mpi' is a virtual package: '%mpi' asks for a direct dependency that provides it, and cache pages record a binary's compiler but no other dependency; '%' takes a compiler (gcc, llvm, oneapi...) or a language (c, cxx, fortran).")]
        [InlineData("zlib %cmake", 5, "'cmake' is not a compiler: in Spack 1.x (which SpecGen follows) '%cmake' asks for a direct dependency on cmake (Spack 0.22 and 0.23 read it as a compiler named cmake), and cache pages record a binary's compiler but no other dependency; '%' takes a compiler (gcc, llvm, oneapi...) or a language (c, cxx, fortran).")]
        [InlineData("zlib %a.gcc %b.gcc", 13, "'%a.gcc' and '%b.gcc' name one direct dependency in two namespaces, which Spack refuses when it merges them (Spec.constrain).")]
        [InlineData("zlib %gcc@12 %gcc@13", 17, "'%gcc@13' does not intersect the versions given before for gcc; Spack keeps one direct dependency of a name, so it merges them and fails (Spec.constrain).")]
        [InlineData("zlib %gcc+foo", 9, "cache pages record a binary's compiler by name and version only, not its variants ('foo'); to constrain the package, write it before '%'.")]
        [InlineData("zlib %gcc cflags=-O2", 5, "cache pages record a binary's compiler by name and version only, not its compiler flags ('cflags'); to constrain the package, write it before '%'.")]
        [InlineData("zlib %gcc arch=linux-rhel8-x86_64", 5, "cache pages record a binary's compiler by name and version only, not its platform, operating system or target; to constrain the package, write it before '%'.")]
        [InlineData("zlib %gcc/abc", 5, "cache pages record a binary's compiler by name and version only, not its hash; to constrain the package, write it before '%'.")]
        [InlineData("zlib %[virtuals=c]", 5, "'%[' must be followed by a compiler, as in '%gcc@11:'.")]
        [InlineData("./x.yaml", 0, "'./x.yaml' is a spec file; a query is written in spec syntax.")]
        [InlineData("zlib +arch", 5, "'arch' is an architecture, which takes a value ('arch=linux-ubuntu22.04-x86_64_v3'), not a sign (spec.py _add_flag: architecture have a string value).")]
        [InlineData("zlib ~cflags", 5, "'cflags' holds compiler flags, which take a value ('cflags=-O2'), not a sign (spec.py _add_flag: cflags must have a string value).")]
        [InlineData("zlib ++x", 5, "'++x' propagates to dependencies; propagation is not part of cache pages (use '+x', '~x' or 'x=v').")]
        [InlineData("zlib x==1", 5, "'x==1' propagates to dependencies; propagation is not part of cache pages (use '+x', '~x' or 'x=v').")]
        [InlineData("zlib foo=a,*", 5, "cannot use reserved value '*' (variant.py: '*' alone means any value, and it cannot be one of several).")]
        [InlineData("zlib foo=TRUE,*", 5, "cannot use reserved value '*' (variant.py: '*' alone means any value, and it cannot be one of several).")]
        [InlineData("zlib target=fe", 5, "'fe' (deprecated in Spack for 'default_target') stands for this machine's microarchitecture, which SpecPattern.Parse(string) and SpecCatalog.Query(string) do not know; use SpecPattern.Parse(query, host) or SpecCatalog.Query(query, host) with a SpackArch (SpackArch.Current is this machine).")]
        [InlineData("zlib os=frontend", 5, "'frontend' (deprecated in Spack for 'default_os') stands for this machine's operating system, which SpecPattern.Parse(string) and SpecCatalog.Query(string) do not know; use SpecPattern.Parse(query, host) or SpecCatalog.Query(query, host) with a SpackArch (SpackArch.Current is this machine).")]
        [InlineData("zlib target=backend", 5, "'backend' (deprecated in Spack for 'default_target') stands for this machine's microarchitecture, which SpecPattern.Parse(string) and SpecCatalog.Query(string) do not know; use SpecPattern.Parse(query, host) or SpecCatalog.Query(query, host) with a SpackArch (SpackArch.Current is this machine).")]
        [InlineData("zlib os=be", 5, "'be' (deprecated in Spack for 'default_os') stands for this machine's operating system, which SpecPattern.Parse(string) and SpecCatalog.Query(string) do not know; use SpecPattern.Parse(query, host) or SpecCatalog.Query(query, host) with a SpackArch (SpackArch.Current is this machine).")]
        [InlineData("zlib os=default_os", 5, "'default_os' stands for this machine's operating system, which SpecPattern.Parse(string) and SpecCatalog.Query(string) do not know; use SpecPattern.Parse(query, host) or SpecCatalog.Query(query, host) with a SpackArch (SpackArch.Current is this machine).")]
        [InlineData("zlib target=default_target", 5, "'default_target' stands for this machine's microarchitecture, which SpecPattern.Parse(string) and SpecCatalog.Query(string) do not know; use SpecPattern.Parse(query, host) or SpecCatalog.Query(query, host) with a SpackArch (SpackArch.Current is this machine).")]
        [InlineData("zlib %gcc ^cmake", 10, "dependencies ('^') are not part of cache pages and cannot be queried.")]
        [InlineData("zlib %[when='+x'] gcc", 7, "the edge attribute 'when' makes the dependency conditional; cache pages record only a binary's compiler, so a condition on it is not answered.")]
        [InlineData("zlib arch=linux-rhel8-x86_64 platform=linux", 29, "Spec cannot have two architectures. (spec.py _set_architecture: platform, os and a single target are already given).")]
        [InlineData("zlib os=ubuntu22.04 arch=x86_64", 20, "Cannot specify 'os' twice.")]
        [InlineData("zlib platform=linux arch=x86_64", 20, "Cannot specify 'platform' twice.")]
        [InlineData("zlib arch=linux-ubuntu22.04-:x86_64_v3 target=x86_64", 39, "Cannot specify 'target' twice.")]
        [InlineData("zlib arch=linux-ubuntu22.04-,x86_64_v3 target=x86_64", 39, "Cannot specify 'target' twice.")]
        [InlineData("zlib arch=linux-ubuntu22.04-x86_64_v3 target=x86_64", 38, "Spec cannot have two architectures. (spec.py _set_architecture: platform, os and a single target are already given).")]
        [InlineData("zlib %[virtuals=c", 17, "unexpected token in edge attributes: the '[' is not closed.")]
        [InlineData("zlib %mpi=gcc", 5, "'mpi' is a virtual dependency; cache pages record only the compiler (the provider of c, cxx and fortran).")]
        [InlineData("zlib %[virtuals=c] mpi=gcc", 5, "'mpi' is a virtual dependency; cache pages record only the compiler (the provider of c, cxx and fortran).")]
        [InlineData("zlib %gcc@", 9, "unexpected character '@'.")]
        [InlineData("zlib @1.2 @1.3", 10, "a spec has one version list, and this gives a second.")]
        [InlineData("zlib %c=cxx", 5, "'cxx' is a virtual package: '%cxx' asks for a direct dependency that provides it, and cache pages record a binary's compiler but no other dependency; '%' takes a compiler (gcc, llvm, oneapi...) or a language (c, cxx, fortran).")]
        [InlineData("zlib %[virtuals=c] cxx", 5, "'cxx' is a virtual package: '%cxx' asks for a direct dependency that provides it, and cache pages record a binary's compiler but no other dependency; '%' takes a compiler (gcc, llvm, oneapi...) or a language (c, cxx, fortran).")]
        [InlineData("zlib arch==x", 5, "Propagation with '==' is not supported for 'arch' (spec.py _add_flag: it is a reserved name).")]
        [InlineData("zlib target==x", 5, "Propagation with '==' is not supported for 'target' (spec.py _add_flag: it is a reserved name).")]
        public void A_refused_query_says_where_and_why_in_full(string query, int position, string reason)
        {
            string expected = "The query '" + query + "' is malformed at position " + position + ": " + reason;
            Assert.False(SpecPattern.TryParse(query, out SpecPattern? pattern, out string? error));
            Assert.Null(pattern);
            Assert.Equal(expected, error);
            Assert.Equal(expected, Assert.Throws<FormatException>(() => SpecPattern.Parse(query)).Message);
        }

        [Theory]
        [InlineData("zlib %gcc@10:14 %gcc@12:16 %gcc@15", false)]
        [InlineData("zlib %gcc@12:16 %gcc@10:14 %gcc@15", false)]
        [InlineData("zlib %gcc@10:14 %gcc@12:16 %gcc@11", false)]
        [InlineData("zlib %gcc@12:16 %gcc@10:14 %gcc@11", false)]
        [InlineData("zlib %gcc@10:14 %gcc@12:16 %gcc@13", true)]
        [InlineData("zlib %gcc@12 %gcc@=12.1,=14.1 %gcc@12", true)]
        [InlineData("zlib %gcc@12 %gcc@=12.1,=14.1 %gcc@14", false)]
        [InlineData("zlib %gcc@13: %gcc@:12,13.5 %gcc@13.5", true)]
        [InlineData("zlib %gcc@13: %gcc@:12,13.5 %gcc@12", false)]
        [InlineData("zlib %gcc@10: %gcc@:14 %gcc@15", false)]
        [InlineData("zlib %gcc@:14 %gcc@10: %gcc@9", false)]
        public void A_third_compiler_node_must_meet_the_versions_the_first_two_share(string query, bool accepted)
        {
            // Spec.constrain merges the nodes of one name: the third meets the intersection of the first two, whichever
            // order they come in and whichever end of it it misses.
            Assert.Equal(accepted, SpecPattern.TryParse(query, out _, out string? error));
            if (!accepted)
            {
                // At the third node's versions.
                Assert.StartsWith("The query '" + query + "' is malformed at position " + query.LastIndexOf('@') + ": '%gcc@", error, StringComparison.Ordinal);
                Assert.Contains("' does not intersect the versions given before for gcc", error, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void A_namespace_given_once_holds_for_every_node_of_that_name()
        {
            // '%a.gcc %gcc' merges to a.gcc, which '%b.gcc' then contradicts, however many unqualified nodes come between.
            Assert.False(SpecPattern.TryParse("zlib %a.gcc %gcc %b.gcc", out _, out string? error));
            Assert.Equal("The query 'zlib %a.gcc %gcc %b.gcc' is malformed at position 18: '%a.gcc' and '%b.gcc' name one direct dependency in two namespaces, which Spack refuses when it merges them (Spec.constrain).", error);
            Assert.True(SpecPattern.TryParse("zlib %a.gcc %gcc %a.gcc", out _, out _));
        }
    }
}
