using System;
using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>
    /// Spack's current names for compilers whose old names pages and specs may still use (spack/spack
    /// lib/spack/spack/aliases.py, LEGACY_COMPILER_TO_BUILTIN): queries, explanations and coverage compare names
    /// through it, so <c>oneapi</c> and <c>intel-oneapi-compilers</c> are one compiler.
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

        /// <summary>Spack's current name for a compiler: <c>oneapi</c> is <c>intel-oneapi-compilers</c>, <c>clang</c> is <c>llvm</c>.</summary>
        public static string Builtin(string name) => LegacyToBuiltin.TryGetValue(name, out string? builtin) ? builtin : name;
    }
}
