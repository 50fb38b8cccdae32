using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Properties
{
    /// <summary>
    /// Properties of queries: a spec's own text (Spec.ToString) finds it whatever its variant values hold; and a query
    /// selects exactly the specs its pattern's Matches accepts, whatever the query is made of.
    /// </summary>
    public class QueryPropertyTests
    {
        /// <summary>Punctuation inside a value (a ',' separates values, so the values are joined with it instead).</summary>
        private const string Punctuation = "+~:=%^/*.-_\\@#!()[]{}<>&|;?$ '\"";

        /// <summary>Characters of variant values: letters, digits, Spack's value punctuation, others that need quotes, non-ASCII.</summary>
        private static readonly Gen<char> ValueChar = Gen.OneOf(
            Gen.Char['a', 'z'],
            Gen.Char['0', '9'],
            Gen.OneOfConst(Punctuation.ToCharArray()),
            Gen.OneOfConst('é', '日', '\u2028', '\t'));

        /// <summary>
        /// A variant setting as a page may write it. Spack's syntax cannot write a value with a line feed, or a quoted
        /// value ending in a backslash (spec_parser.py QUOTED_VALUE, strip_quotes_and_unescape), so none is made.
        /// </summary>
        private static readonly Gen<string> PageVariant = Gen.Select(
            Gen.Int[0, 4],
            Gen.String[Gen.Char['a', 'z'], 1, 6],
            ValueChar.Array[1, 8].Select(c => new string(c)).Array[1, 3])
            .Where(t => t.Item3.All(v => !v.EndsWith('\\')))
            .Select((kind, name, values) => Render(kind, "v" + name, values))
            .Where(text => text is not null)
            .Select(text => text!);

        private static string? Render(int kind, string name, string[] values)
        {
            switch (kind)
            {
                case 0:
                    return "+" + name;
                case 1:
                    return "~" + name;
            }

            string joined = string.Join(",", values);
            string[] parts = joined.Split(',');
            if (parts.Length > 1 && parts.Contains("*"))
            {
                // variant.py OptionValue.set: '*' is reserved, so Spack reads no spec with it among several values.
                return null;
            }

            string sigil = kind == 4 ? ":=" : "=";
            if (joined.All(c => c is not (' ' or '\t' or '\'' or '"' or '\u2028' or '\u0085') && !char.IsControl(c) && !char.IsWhiteSpace(c)))
            {
                return name + sigil + joined;
            }

            // A quoted value holds no quote of its own kind (the page format's rule).
            char quote = joined.Contains('\'') ? '"' : '\'';
            return joined.Contains(quote) ? null : name + sigil + quote + joined + quote;
        }

        [Fact]
        public void A_spec_is_found_by_its_own_text_whatever_its_variant_values_hold()
        {
            var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            PageVariant.Array[1, 6].Sample(
                variants =>
                {
                    // Names repeat only if the generator repeats them; a page lists each variant once.
                    string[] distinct = variants.GroupBy(v => v.TrimStart('+', '~').Split('=', ':')[0]).Select(g => g.First()).ToArray();
                    string text = PageEdit.Replace(PageEdit.Zlib.Text, "[\"build_system=makefile\", \"+optimize\", \"+pic\", \"+shared\"]", JsonSerializer.Serialize(distinct, options));
                    SpecCatalog catalog = InMemoryCatalog.From(new[] { PageEdit.Zlib with { Text = text } });
                    foreach (Spec spec in catalog)
                    {
                        string own = spec.ToString();
                        Assert.Contains(spec.Index, catalog.Query(own).Select(s => s.Index));
                    }
                },
                iter: 400,
                threads: 1,
                print: v => string.Join(" | ", v));
        }

        [Fact]
        public void A_query_selects_what_its_pattern_matches()
        {
            SpecCatalog catalog = InMemoryCatalog.From(TestPaths.CorpusPages());
            Spec[] all = catalog.ToArray();
            OracleSpec[] oracle = TestPaths.CorpusPages().Select(p => PageOracle.Read(p.Text))
                .OrderBy(specs => specs[0].Tag, StringComparer.Ordinal).ThenBy(specs => specs[0].Package, StringComparer.Ordinal)
                .SelectMany(specs => specs).ToArray();
            Assert.Equal(all.Select(s => s.Hash), oracle.Select(s => s.Hash));
            string[] names = catalog.Packages.Concat(new[] { "*", "nosuch" }).ToArray();
            string[] versions = { "@3:", "@:3.9", "@1.2:1.14", "@=3.13.2", "@2", "@ 0.5,1.3", "@1.5:1.4" };
            string[] compilers = { "%gcc", "%gcc@11:", "% gcc@=13.2.0", "%oneapi", "%intel-oneapi-compilers@2024", "%cce@18", "%clang", "%c=gcc", "%apple-clang @16" };
            string[] variants = all.SelectMany(s => s.Variants).Select(v => v.ToString()).Distinct().Take(60)
                .Concat(new[] { "+shared", "~ipo", "- ipo", "shared=TRUE", "build_system=*", "patches=a4", "fabrics:=tcp,udp,tcp", "cflags=-O2" }).ToArray();
            string[] arch = catalog.Targets.Select(t => "target=" + t).Concat(catalog.OperatingSystems.Select(o => "os=" + o))
                .Concat(catalog.Platforms.Select(p => "platform=" + p)).Concat(new[] { "arch=linux-ubuntu22.04-x86_64_v3", "arch=aarch64", "operating_system=rhel8" }).ToArray();
            string[] hashes = { "/a", "/7u33", "/n5mtx7t", "/zz" };

            Gen<string> query = Gen.Select(
                Gen.OneOfConst(names).Array[0, 1],
                Gen.OneOfConst(versions).Array[0, 1],
                Gen.OneOfConst(variants).Array[0, 2],
                Gen.OneOfConst(arch).Array[0, 2].Where(a => a.Select(x => x.Split('=')[0]).Distinct().Count() == a.Length && !(a.Any(x => x.StartsWith("arch", StringComparison.Ordinal)) && a.Length > 1)),
                Gen.OneOfConst(hashes).Array[0, 1],
                Gen.OneOfConst(compilers).Array[0, 2],
                Gen.Bool)
                .Select((n, v, vars, ar, h, c, tight) =>
                {
                    string node = string.Concat(n) + string.Concat(v);
                    IEnumerable<string> parts = new[] { node }.Concat(vars.Distinct()).Concat(ar).Concat(h).Concat(c);
                    return string.Join(tight ? " " : "  ", parts.Where(p => p.Length > 0));
                });

            int nonEmpty = 0;
            query.Sample(
                q =>
                {
                    if (!SpecPattern.TryParse(q, out SpecPattern? pattern, out _))
                    {
                        return;
                    }

                    // The expectation comes from the independent reading of Spack's rules over the pages' JSON, in catalog order.
                    int[] expected = Enumerable.Range(0, all.Length).Where(i => SpackQueryOracle.Matches(q, oracle[i])).ToArray();
                    Assert.Equal(expected, catalog.Query(pattern!).Select(s => s.Index).ToArray());
                    Assert.Equal(expected.Length, catalog.Query(pattern!).Count());
                    nonEmpty += expected.Length > 0 ? 1 : 0;
                },
                iter: 3000,
                threads: 1,
                print: q => q);
            Assert.True(nonEmpty > 150, nonEmpty + " generated queries matched something");
        }
    }
}
