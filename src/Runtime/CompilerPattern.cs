using System;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A constraint written after <c>%</c>: the compiler's name, in Spack's current name for it, and a version
    /// constraint. Old compiler names map to the packages that replaced them (spack/spack lib/spack/spack/aliases.py,
    /// LEGACY_COMPILER_TO_BUILTIN), on the query and on the page alike, so <c>%oneapi</c> and
    /// <c>%intel-oneapi-compilers</c> find pages that say either.
    /// </summary>
    public sealed class CompilerPattern
    {
        internal CompilerPattern(string? name, VersionConstraint? versions)
        {
            Name = name is null ? null : BuiltinName(name);
            Versions = versions;
        }

        /// <summary>The compiler's name (a legacy name given in the query is already mapped), or null for any compiler.</summary>
        public string? Name { get; }

        /// <summary>The compiler's version constraint, or null for any version.</summary>
        public VersionConstraint? Versions { get; }

        /// <summary>Spack's current name for a compiler: <c>oneapi</c> is <c>intel-oneapi-compilers</c>, <c>clang</c> is <c>llvm</c>.</summary>
        public static string BuiltinName(string name) => CompilerNames.Builtin(name);

        /// <summary>True when <paramref name="compiler"/> is this compiler in a version the constraint holds; a spec built with no compiler never is.</summary>
        public bool IsSatisfiedBy(Compiler compiler) => !compiler.IsNone && IsSatisfiedBy(compiler.Name, compiler.Version);

        /// <summary>True when the compiler <paramref name="name"/> in <paramref name="version"/> satisfies this constraint.</summary>
        internal bool IsSatisfiedBy(string name, SpackVersion version)
        {
            return (Name is null || string.Equals(BuiltinName(name), Name, StringComparison.Ordinal))
                && (Versions is null || Versions.Contains(version));
        }
    }
}
