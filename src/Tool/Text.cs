using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SpecGen.Tool
{
    /// <summary>Counts with their nouns, "did you mean" suggestions and aligned tables: the tool's wording in one place.</summary>
    internal static class Text
    {
        /// <summary><c>1 page</c>, <c>2 pages</c>; <paramref name="many"/> for irregular plurals (<c>entry</c>, <c>entries</c>).</summary>
        public static string Count(int n, string one, string? many = null)
        {
            return n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");
        }

        /// <summary>The known names nearest to <paramref name="name"/> by edit distance (case-insensitive), closest first, at most three.</summary>
        public static IReadOnlyList<string> Nearest(string name, IEnumerable<string> known) => SpecGen.Format.NearestNames.Of(name, known);

        /// <summary><c>; did you mean zlib or zlib-ng?</c>, or nothing when no known name is near.</summary>
        public static string DidYouMean(string name, IEnumerable<string> known)
        {
            IReadOnlyList<string> nearest = Nearest(name, known);
            return nearest.Count == 0 ? string.Empty : "; did you mean " + string.Join(" or ", nearest) + "?";
        }


        /// <summary>Rows as columns two spaces apart; the columns in <paramref name="rightAligned"/> are numbers, aligned right.</summary>
        public static void Table(IReadOnlyList<string[]> rows, TextWriter output, params int[] rightAligned)
        {
            if (rows.Count == 0)
            {
                return;
            }

            int[] widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
            foreach (string[] row in rows)
            {
                output.WriteLine(string.Join("  ", row.Select((cell, c) => Array.IndexOf(rightAligned, c) >= 0 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
            }
        }

        public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
