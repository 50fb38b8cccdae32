using System;
using System.Reflection;

namespace SpecGen.Generator.Model
{
    /// <summary>What the page reader needs from MSBuild (ReadAhead: whether a command-line build's pages may be read on a second thread too).</summary>
    internal sealed record ReadOptions(int MaxPageSize, long MaxCatalogSize = long.MaxValue, bool ReadAhead = true)
    {
        /// <summary>The page size limit when SpecGenMaxPageSize is not set, in characters (16 MiB).</summary>
        public const int DefaultMaxPageSize = 16 * 1024 * 1024;

        /// <summary>
        /// Bytes of compiler memory one character of pages costs at most, measured (tests/Benchmarks/RESULTS.md: 15.2 at
        /// one snapshot, 10.5 at ten: the build's peak RSS above a one-page build, per page character): the page texts the compiler
        /// holds, the page models the incremental pipeline keeps, and the generated data.
        /// </summary>
        public const int MemoryPerPageCharacter = 16;

        /// <summary>The catalog size limit when SpecGenMaxCatalogSize is not set, when the memory the process may use is unknown.</summary>
        public const long FallbackMaxCatalogSize = 512L * 1024 * 1024;

        /// <summary>
        /// The total page characters this machine can compile into one catalog: the memory available to the compiler
        /// process (GC.GetGCMemoryInfo, where the runtime has it) over <see cref="MemoryPerPageCharacter"/>.
        /// </summary>
        public static long DefaultMaxCatalogSize()
        {
            try
            {
                // netstandard2.0 has no GC.GetGCMemoryInfo; the compiler runs on .NET, which does.
                MethodInfo? info = typeof(GC).GetMethod("GetGCMemoryInfo", Type.EmptyTypes);
                object? value = info?.Invoke(null, null);
                object? total = value?.GetType().GetProperty("TotalAvailableMemoryBytes")?.GetValue(value);
                if (total is long bytes && bytes > 0)
                {
                    return bytes / MemoryPerPageCharacter;
                }
            }
            catch (Exception ex) when (ex is TargetInvocationException || ex is MemberAccessException || ex is NotSupportedException)
            {
            }

            return FallbackMaxCatalogSize;
        }
    }
}
