using System.Collections.Generic;

namespace SpecGen
{
    /// <summary>
    /// Compiler flags a query asks for (<c>cflags="-O2 -g"</c>): a spec satisfies them when its flags of that type hold
    /// every one (spack/spack lib/spack/spack/spec.py, FlagMap.satisfies). Both sides are split into flags as Spack's
    /// tokenize_flags splits a value (compilers/flags.py): a word not starting with '-' stays with the flag before it
    /// (<c>-I /opt/include</c> is one flag). A cache page lists a binary's flags among its variants, when it has any.
    /// </summary>
    public sealed class FlagPattern
    {
        internal FlagPattern(string type, string[] flags)
        {
            Type = type;
            Values = flags;
        }

        /// <summary>The flag type: <c>cflags</c>, <c>cxxflags</c>, <c>fflags</c>, <c>cppflags</c>, <c>ldflags</c> or <c>ldlibs</c>.</summary>
        public string Type { get; }

        /// <summary>The flags, as tokenize_flags splits the value: <c>'-I /opt/include -O2'</c> is <c>-I /opt/include</c> and <c>-O2</c>.</summary>
        public IReadOnlyList<string> Values { get; }

        internal bool IsSatisfiedBy(VariantList variants)
        {
            if (!variants.TryGet(Type, out Variant listed))
            {
                return false;
            }

            return IsSatisfiedBy(listed.Values);
        }

        /// <summary>The same rule on a setting as a page or a lockfile writes it (null: the spec has no such flags).</summary>
        internal bool IsSatisfiedBy(Format.VariantSyntax? setting) => setting is not null && IsSatisfiedBy(setting.Values);

        private bool IsSatisfiedBy<TList>(TList values)
            where TList : IReadOnlyList<string>
        {
            foreach (string flag in Values)
            {
                if (!Format.FlagTokens.Contains(values, flag))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
