using System;
using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>
    /// Spack's names for compilers. Old compiler names map to the packages that replaced them (spack/spack
    /// lib/spack/spack/aliases.py, LEGACY_COMPILER_TO_BUILTIN), and the compiler packages are the builtin packages
    /// that provide a language (spack/spack-packages: every package with <c>provides("c")</c>,
    /// <c>provides("cxx")</c> or <c>provides("fortran")</c>, each a CompilerPackage). A cache page records a binary's
    /// compiler and none of its other dependencies, so <c>%name</c> can be answered only for these names. The
    /// runtime's queries and the analyzer use the one table.
    /// </summary>
    internal static class CompilerNames
    {
        private static readonly Dictionary<string, string> LegacyToBuiltin = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["clang"] = "llvm",
            ["oneapi"] = "intel-oneapi-compilers",
            ["rocmcc"] = "llvm-amdgpu",
            ["intel"] = "intel-oneapi-compiler-classic",
            ["arm"] = "acfl",
        };

        /// <summary>
        /// The 15 builtin compiler packages; <c>intel-oneapi-compiler-classic</c>, the name aliases.py gives <c>intel</c>
        /// (the package is <c>intel-oneapi-compilers-classic</c>, plural; Spack's table has the singular); and the
        /// compilers of Spack 0.22/0.23 that became no package (<c>dpcpp</c>, <c>pgi</c>, <c>xl_r</c>, from
        /// lib/spack/spack/compilers/ of those releases): a page of theirs names its compiler so, and Spack 1.x still
        /// matches <c>%pgi</c> on it (SpecfileReaderBase.legacy_compiler keeps the name; _satisfying_edges compares it).
        /// </summary>
        private static readonly HashSet<string> Packages = new HashSet<string>(StringComparer.Ordinal)
        {
            "acfl", "aocc", "apple-clang", "atfl", "cce", "fj", "gcc", "intel-oneapi-compilers", "intel-oneapi-compilers-classic",
            "llvm", "llvm-amdgpu", "msvc", "nag", "nvhpc", "xl", "intel-oneapi-compiler-classic", "dpcpp", "pgi", "xl_r",
        };

        /// <summary>The languages a compiler provides, which <c>%c</c>, <c>%cxx</c> and <c>%fortran</c> name (and <c>%c=gcc</c> assigns).</summary>
        public static bool IsLanguage(string name) => name is "c" or "cxx" or "fortran";

        /// <summary>Spack's current name for a compiler: <c>oneapi</c> is <c>intel-oneapi-compilers</c>, <c>clang</c> is <c>llvm</c>.</summary>
        public static string Builtin(string name) => LegacyToBuiltin.TryGetValue(name, out string? builtin) ? builtin : name;

        /// <summary>True for a compiler package or a legacy compiler name (<c>gcc</c>, <c>llvm</c>, <c>clang</c>, <c>oneapi</c>...).</summary>
        public static bool IsCompiler(string name) => Packages.Contains(Builtin(name));
    }
}
