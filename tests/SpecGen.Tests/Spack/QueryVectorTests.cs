using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SpecGen.Tests.Spack
{
    /// <summary>
    /// The query vectors of QueryVectors.txt over the corpus: each positive query selects exactly the specs a second
    /// implementation of Spack's rules selects from the pages' JSON, as many as the file says (at least one); each
    /// error line throws FormatException naming the position and the reason's key words.
    /// </summary>
    public class QueryVectorTests : IClassFixture<CorpusCatalogFixture>
    {
        private readonly SpecCatalog _catalog;
        private readonly OracleSpec[] _pages;
        private readonly ITestOutputHelper _output;

        public QueryVectorTests(CorpusCatalogFixture corpus, ITestOutputHelper output)
        {
            _catalog = corpus.Catalog;
            _pages = corpus.Pages.SelectMany(p => PageOracle.Read(p.Text)).ToArray();
            _output = output;
        }

        /// <summary>Every line of the file: (line number, expected, query, rule).</summary>
        public static IEnumerable<object[]> Vectors()
        {
            string file = Path.Combine(AppContext.BaseDirectory, "Spack", "QueryVectors.txt");
            string[] lines = File.ReadAllLines(file);
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n];
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                string[] parts = line.Split(" | ");
                Assert.Equal(3, parts.Length);
                yield return new object[] { n + 1, parts[0].Trim(), Unescape(parts[1]), parts[2] };
            }
        }

        /// <summary>A query's \uXXXX escapes as the characters (whitespace and control characters the file cannot show).</summary>
        private static string Unescape(string query)
        {
            return System.Text.RegularExpressions.Regex.Replace(query, @"\\u([0-9A-Fa-f]{4})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        }

        [Fact]
        public void The_file_holds_enough_queries_and_each_positive_one_expects_a_spec()
        {
            object[][] vectors = Vectors().ToArray();
            Assert.True(vectors.Length >= 150, vectors.Length + " vectors");
            Assert.All(vectors, v => Assert.True((string)v[1] is "none" || ((string)v[1]).StartsWith("error ", StringComparison.Ordinal) || int.Parse((string)v[1]) >= 1, "line " + v[0] + ": a positive query must expect a spec"));
            Assert.True(vectors.Count(v => int.TryParse((string)v[1], out _)) >= 130);
        }

        [Theory]
        [MemberData(nameof(Vectors))]
        public void Query_selects_what_spacks_rules_select(int line, string expected, string query, string rule)
        {
            _output.WriteLine($"line {line}: {query} ({rule})");
            if (expected.StartsWith("error ", StringComparison.Ordinal))
            {
                string[] position = expected.Substring(6).Split(' ', 2);
                Assert.True(position.Length == 2 && position[1].Trim().Length > 0, $"line {line}: an error line names the key words of its reason");
                FormatException error = Assert.Throws<FormatException>(() => _catalog.Query(query));
                string at = "malformed at position " + position[0] + ": ";
                Assert.Contains(at, error.Message);
                Assert.Contains(position[1].Trim(), error.Message.Substring(error.Message.IndexOf(at, StringComparison.Ordinal) + at.Length));
                return;
            }

            int count = expected == "none" ? 0 : int.Parse(expected);
            string[] oracle = _pages.Where(s => SpackQueryOracle.Matches(query, s)).Select(s => s.Tag + "/" + s.Hash).OrderBy(k => k, StringComparer.Ordinal).ToArray();
            Spec[] found = _catalog.Query(query).ToArray();
            Assert.True(count == oracle.Length, $"line {line}: the file expects {count}, the second implementation finds {oracle.Length}");
            Assert.Equal(oracle, found.Select(s => s.Tag + "/" + s.Hash).OrderBy(k => k, StringComparer.Ordinal));
            Assert.Equal(found.Select(s => s.Index).OrderBy(i => i), found.Select(s => s.Index));
            Assert.Equal(count, _catalog.Query(query).Count());
        }

        [Fact]
        public void A_language_a_1x_page_cannot_decide_is_refused_with_the_whole_reason()
        {
            FormatException error = Assert.Throws<FormatException>(() => _catalog.Query("zlib %cxx").ToList());
            Assert.Equal(
                "The query 'zlib %cxx' is malformed at position 5: '%cxx' asks for binaries whose compiler provided cxx; a page written by Spack 1.x records the compiler ('gcc@13.2.0') but not the languages it provided, so this cannot be answered (pages of Spack 0.22 and 0.23, whose compilers read 'name@=version', can: each such compiler provided c, cxx and fortran). Name the compiler instead ('%cxx=gcc' or '%gcc').",
                error.Message);
        }
    }
}
