using System.Collections.Generic;

namespace SpecGen
{
    /// <summary>
    /// Compiler flags a query asks for (<c>cflags="-O2 -g"</c>): a spec satisfies them when its flags of that type hold
    /// every one (spack/spack lib/spack/spack/spec.py, FlagMap.satisfies). A cache page lists a binary's flags among
    /// its variants, when it has any.
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

        /// <summary>The flags, split at blanks.</summary>
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
                if (!HasFlag(values, flag))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the page's value (its comma-separated parts joined again) holds <paramref name="flag"/> between blanks. Allocates nothing.</summary>
        private static bool HasFlag<TList>(TList values, string flag)
            where TList : IReadOnlyList<string>
        {
            // Walk the text values[0] + "," + values[1] + ... one blank-separated token at a time.
            int matched = 0;
            bool inToken = false;
            bool failed = false;
            for (int v = 0; v < values.Count; v++)
            {
                string part = values[v];
                for (int i = 0; i <= part.Length; i++)
                {
                    char c = i < part.Length ? part[i] : (v + 1 < values.Count ? ',' : ' ');
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                    {
                        if (inToken && !failed && matched == flag.Length)
                        {
                            return true;
                        }

                        inToken = false;
                        failed = false;
                        matched = 0;
                        continue;
                    }

                    inToken = true;
                    if (!failed && matched < flag.Length && flag[matched] == c)
                    {
                        matched++;
                    }
                    else
                    {
                        failed = true;
                    }
                }
            }

            return false;
        }
    }
}
