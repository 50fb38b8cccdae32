using System;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A constraint written after <c>%</c>: a compiler's name, in Spack's current name for it, and a version constraint;
    /// or a language (<c>%c</c>, <c>%cxx</c>, <c>%fortran</c>), which a binary's compiler must provide. Old compiler names
    /// map to the packages that replaced them (spack/spack lib/spack/spack/aliases.py, LEGACY_COMPILER_TO_BUILTIN), on the
    /// query and on the page alike, so <c>%oneapi</c> and <c>%intel-oneapi-compilers</c> find pages that say either.
    /// </summary>
    public sealed class CompilerPattern
    {
        internal CompilerPattern(string? name, VersionConstraint? versions, bool isLanguage = false, string? space = null, int start = 0)
        {
            Name = name is null || isLanguage ? name : BuiltinName(name);
            Versions = versions;
            Language = isLanguage ? name : null;
            Namespace = space;
            Start = start;
        }

        /// <summary>The compiler's name (a legacy name given in the query is already mapped), the language for <c>%c</c>, or null for any compiler.</summary>
        public string? Name { get; }

        /// <summary>The compiler's version constraint, or null for any version.</summary>
        public VersionConstraint? Versions { get; }

        /// <summary>
        /// For <c>%c</c>, <c>%cxx</c> and <c>%fortran</c>: the language the binary's compiler must provide; null for a
        /// constraint that names a compiler. Pages record it only for compilers written <c>name@=version</c> (Spack 0.22
        /// and 0.23), each of which provided c, cxx and fortran.
        /// </summary>
        public string? Language { get; }

        /// <summary>The namespace written (<c>%builtin.gcc</c>), or null.</summary>
        internal string? Namespace { get; }

        /// <summary>Where the constraint starts in the query (its '%').</summary>
        internal int Start { get; }

        /// <summary>Spack's current name for a compiler: <c>oneapi</c> is <c>intel-oneapi-compilers</c>, <c>clang</c> is <c>llvm</c>.</summary>
        public static string BuiltinName(string name) => CompilerNames.Builtin(name);

        /// <summary>
        /// True when <paramref name="compiler"/> is this compiler in a version the constraint holds (a spec built with no
        /// compiler never is). For a language: a compiler written <c>name@=version</c> provides it; throws
        /// <see cref="FormatException"/> for a compiler written in Spack 1.x form, whose languages pages do not record.
        /// </summary>
        public bool IsSatisfiedBy(Compiler compiler)
        {
            if (IsUndecided(compiler.IsNone, compiler.IsExact))
            {
                throw new FormatException(PythonText.Escape(LanguageMessage(Language!, compiler.Text)));
            }

            return IsSatisfiedBy(compiler.Name, compiler.Version, compiler.IsExact, compiler.IsNone);
        }

        /// <summary>True when a page's compiler (its name, version, form) satisfies this constraint; an undecided language is false (callers refuse it first).</summary>
        internal bool IsSatisfiedBy(string name, SpackVersion version, bool isExact, bool isNone)
        {
            if (isNone)
            {
                return false;
            }

            if (Language is not null)
            {
                // spec.py _satisfying_edges: a v0.2x compiler is an edge providing c, cxx and fortran.
                return isExact && Namespace is null;
            }

            // spec.py _satisfies_node: a namespace must be equal; the compiler node of a v0.2x page has none, and a
            // Spack 1.x compiler is a builtin package.
            if (Namespace is not null && (isExact || Namespace != "builtin"))
            {
                return false;
            }

            return (Name is null || string.Equals(BuiltinName(name), Name, StringComparison.Ordinal))
                && (Versions is null || Versions.Contains(version));
        }

        /// <summary>True for a language constraint on a compiler whose languages the page does not record (with a namespace it is decided: no edge to a virtual has one).</summary>
        internal bool IsUndecided(bool isNone, bool isExact) => Language is not null && Namespace is null && !isNone && !isExact;

        internal static string LanguageMessage(string language, string compiler)
        {
            return "'%" + language + "' asks for binaries whose compiler provided " + language + "; a page written by Spack 1.x records the compiler ('"
                + compiler + "') but not the languages it provided, so this cannot be answered (pages of Spack 0.22 and 0.23, whose compilers read 'name@=version', can: "
                + "each such compiler provided c, cxx and fortran). Name the compiler instead ('%" + language + "=gcc' or '%gcc')";
        }
    }
}
