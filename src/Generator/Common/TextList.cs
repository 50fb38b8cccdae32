using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SpecGen.Generator.Common
{
    /// <summary>Lists of values in messages and docs: sorted ordinally, the first few shown, the rest counted.</summary>
    internal static class TextList
    {
        /// <summary><c>'a', 'b' and 3 more</c> (quoted) or <c>a, b and 3 more</c>.</summary>
        public static string Join(IEnumerable<string> values, int max, bool quote)
        {
            string[] all = values.ToArray();
            Array.Sort(all, StringComparer.Ordinal);
            string joined = string.Join(", ", all.Take(max).Select(v => quote ? "'" + v + "'" : v));
            return all.Length > max ? joined + " and " + (all.Length - max).ToString(CultureInfo.InvariantCulture) + " more" : joined;
        }

        /// <summary><c>1 spec</c>, <c>3 specs</c>.</summary>
        public static string Count(int n, string noun)
        {
            return n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
        }
    }
}
