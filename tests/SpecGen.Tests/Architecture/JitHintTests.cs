extern alias Generator;

using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace SpecGen.Tests.Architecture
{
    /// <summary>
    /// The generator's hot methods are compiled optimized at their first call (<c>Jit.Hot</c> is
    /// <c>AggressiveOptimization</c> in the generator), since a compiler without its server runs them once in a fresh
    /// process; the runtime library compiles the same shared sources with no flag, so an application's start-up keeps
    /// the runtime's quick first tier. Losing the generator's define constant, or giving the runtime the flag, fails here.
    /// </summary>
    public class JitHintTests
    {
        private static readonly Assembly GeneratorAssembly = typeof(Generator::SpecGen.Generator.SpecGenGenerator).Assembly;
        private static readonly Assembly RuntimeAssembly = typeof(SpecGen.Spec).Assembly;

        [Theory]
        [InlineData("SpecGen.Generator.Pages.PageReader", "Read")]
        [InlineData("SpecGen.Generator.Parsing.FlowLineReader", "TryRead")]
        [InlineData("SpecGen.Generator.Pages.SpecReader", "Read")]
        [InlineData("SpecGen.Generator.Model.SharedValues", "ShareText")]
        [InlineData("SpecGen.Format.ValueGrammar", "CheckHash")]
        [InlineData("SpecGen.Format.NameChars", "IsDigits")]
        public void The_generators_hot_methods_are_compiled_optimized_at_once(string type, string method)
        {
            Assert.True(IsOptimizedAtOnce(GeneratorAssembly, type, method), type + "." + method + " has no AggressiveOptimization in the generator");
        }

        [Theory]
        [InlineData("SpecGen.Format.ValueGrammar", "CheckHash")]
        [InlineData("SpecGen.Format.NameChars", "IsDigits")]
        [InlineData("SpecGen.Format.CatalogLayout", "HashCharRank")]
        public void The_runtime_compiles_the_same_shared_methods_without_the_flag(string type, string method)
        {
            Assert.True(IsOptimizedAtOnce(GeneratorAssembly, type, method), type + "." + method + " is not hot in the generator, so this case proves nothing");
            Assert.False(IsOptimizedAtOnce(RuntimeAssembly, type, method), type + "." + method + " has AggressiveOptimization in the runtime library");
        }

        private static bool IsOptimizedAtOnce(Assembly assembly, string typeName, string methodName)
        {
            Type type = assembly.GetType(typeName, throwOnError: true)!;
            MethodInfo[] methods = type
                .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name == methodName)
                .ToArray();
            Assert.NotEmpty(methods);
            return methods.Any(m => (m.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0);
        }
    }
}
