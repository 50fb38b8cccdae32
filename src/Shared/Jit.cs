using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>
    /// How the runtime compiles the generator's hot methods. A compiler runs the generator once in a fresh process
    /// (every build without the compiler server), where tiered compilation would run the page reader's and the
    /// encoder's loops as unoptimized, then instrumented code for most of that one run; <see cref="Hot"/> has them
    /// compiled optimized at their first call instead. In the runtime library it is no flag: an application's first
    /// answer is better served by the quick first tier.
    /// </summary>
    internal static class Jit
    {
#if SPECGEN_GENERATOR
        /// <summary><c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name; runtimes that do not know it ignore it.</summary>
        public const MethodImplOptions Hot = (MethodImplOptions)512;
#else
        /// <summary>No flag: the runtime library's methods take the runtime's tiers.</summary>
        public const MethodImplOptions Hot = 0;
#endif
    }
}
