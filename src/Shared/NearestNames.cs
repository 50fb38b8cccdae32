using System;
using System.Collections.Generic;
using System.Linq;

namespace SpecGen.Format
{
    /// <summary>"Did you mean": the known names nearest to an unknown one by edit distance (case-insensitive), close enough to be a typo; the tool and the analyzer both use it.</summary>
    internal static class NearestNames
    {
        /// <summary>At most <paramref name="count"/> names within a third of the name's length (at least 2 edits) or that start with it, nearest first, then ordinal.</summary>
        public static IReadOnlyList<string> Of(string name, IEnumerable<string> known, int count = 3)
        {
            int limit = Math.Max(2, name.Length / 3);
            return known
                .Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant(), limit)))
                .Where(p => p.Distance <= limit || (name.Length > 0 && p.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(p => p.Distance)
                .ThenBy(p => p.Name, StringComparer.Ordinal)
                .Take(count)
                .Select(p => p.Name)
                .ToArray();
        }

        /// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent transpositions); limit + 1 once it is past the limit.</summary>
        public static int Distance(string a, string b, int limit)
        {
            if (Math.Abs(a.Length - b.Length) > limit)
            {
                return limit + 1;
            }

            var previous2 = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                int best = current[0];
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        value = Math.Min(value, previous2[j - 2] + 1);
                    }

                    current[j] = value;
                    best = Math.Min(best, value);
                }

                if (best > limit)
                {
                    return limit + 1;
                }

                (previous2, previous, current) = (previous, current, previous2);
            }

            return previous[b.Length];
        }
    }
}
