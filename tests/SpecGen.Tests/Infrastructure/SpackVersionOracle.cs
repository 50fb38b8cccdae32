using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text.RegularExpressions;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// A second implementation of Spack's order of standard versions, written from spack/spack
    /// lib/spack/spack/version/version_types.py (parse_string_components, VersionStrComponent) and not from SpecGen:
    /// a version is its segments <c>(\d+|[a-zA-Z]+)[_.-]*</c>; a trailing alpha/beta/rc (optionally numbered) is
    /// the pre-release, else it is final; numbers compare as integers, of any size; names in infinity_versions are
    /// above every number, in their list order; other words are below every number and compare as strings; the
    /// tuples (release, pre-release) compare as Python tuples do.
    /// </summary>
    internal static class SpackVersionOracle
    {
        private static readonly Regex Segment = new Regex("([0-9]+)|([a-zA-Z]+)");
        private static readonly string[] Infinity = { "stable", "nightly", "trunk", "head", "master", "main", "develop" };
        private static readonly Dictionary<string, int> Prerelease = new Dictionary<string, int> { ["alpha"] = 0, ["beta"] = 1, ["rc"] = 2, ["final"] = 3 };

        public static int Compare(string a, string b)
        {
            (object[] releaseA, BigInteger[] preA) = Parse(a);
            (object[] releaseB, BigInteger[] preB) = Parse(b);
            int release = CompareTuples(releaseA, releaseB, CompareComponent);
            return release != 0 ? release : CompareTuples(preA, preB, (x, y) => x.CompareTo(y));
        }

        private static (object[] Release, BigInteger[] Prerelease) Parse(string text)
        {
            var segments = Segment.Matches(text.Trim()).Select(m => m.Value).ToList();
            BigInteger[] pre;
            if (segments.Count >= 3 && Prerelease.TryGetValue(segments[^2], out int numbered) && char.IsDigit(segments[^1][0]))
            {
                pre = new[] { (BigInteger)numbered, BigInteger.Parse(segments[^1], System.Globalization.CultureInfo.InvariantCulture) };
                segments.RemoveRange(segments.Count - 2, 2);
            }
            else if (segments.Count >= 2 && Prerelease.TryGetValue(segments[^1], out int bare))
            {
                pre = new[] { (BigInteger)bare };
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                pre = new[] { (BigInteger)3 };
            }

            object[] release = segments.Select(s => char.IsDigit(s[0]) ? (object)BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : s).ToArray();
            return (release, pre);
        }

        /// <summary>Numbers as integers; an infinity name above any number and below a later one; other words below numbers.</summary>
        private static int CompareComponent(object x, object y)
        {
            int rankX = Rank(x);
            int rankY = Rank(y);
            if (rankX != rankY)
            {
                return rankX.CompareTo(rankY);
            }

            return x switch
            {
                BigInteger n => n.CompareTo((BigInteger)y),
                string s when Array.IndexOf(Infinity, s) >= 0 => Array.IndexOf(Infinity, s).CompareTo(Array.IndexOf(Infinity, (string)y)),
                _ => string.CompareOrdinal((string)x, (string)y),
            };
        }

        private static int Rank(object component) => component is BigInteger ? 1 : Array.IndexOf(Infinity, (string)component) >= 0 ? 2 : 0;

        private static int CompareTuples<T>(T[] a, T[] b, Func<T, T, int> compare)
        {
            for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                int c = compare(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
