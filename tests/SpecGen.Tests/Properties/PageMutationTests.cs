extern alias Generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Generator::SpecGen.Generator.Emit;
using Generator::SpecGen.Generator.Diagnostics;
using Generator::SpecGen.Generator.Model;
using Generator::SpecGen.Generator.Parsing;
using Generator::SpecGen.Generator.Catalog;
using Generator::SpecGen.Generator.Pages;
using SpecGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SpecGen.Tests.Properties
{
    /// <summary>
    /// Mutates every real page of the corpus (tokens deleted, duplicated, swapped and retyped; truncation; random
    /// bytes; invalid UTF-8; BOMs; CRLF; tabs; NUL) and checks that SpecGen never throws; that every error has a
    /// location inside the page and, after one local mutation, at or after the damage; and that a page without errors
    /// reads back field by field as an independent YAML reader (SharpYaml) reads it. Each outcome must be a minimum
    /// share of the run. The cases are the same on every run; SPECGEN_MUTATIONS sets their number (default 3000), for
    /// a long run: SPECGEN_MUTATIONS=200000 dotnet test SpecGen.sln --filter PageMutationTests; a failure prints
    /// SPECGEN_SEED=..., which replays it alone.
    /// </summary>
    public class PageMutationTests
    {
        private static readonly Regex Tokens = new Regex("\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.]*|[{}\\[\\],:]|[A-Za-z_][A-Za-z0-9_.@=+~-]*|\\s+|.", RegexOptions.Compiled);
        private static readonly string[] Replacements = { "[]", "{}", "null", "\"\"", "42", "-1", "\"x\"", "[\"a\", \"b\"]", "{\"k\": 1}", "~", "&a", "*a", "!!str", "'q'", "---", "...", "#", "\t", "\r\n", "\0", "\u2028", "\uFEFF", "\\", "\"\\u0000\"" };

        private static readonly string[] Pages = TestPaths.CorpusPages().Select(p => p.Text).ToArray();

        /// <summary>The cases of a default run.</summary>
        private const int DefaultIterations = 3000;

        /// <summary>The outcomes of the default run's fixed cases: round-tripped without diagnostics, with errors, round-tripped with warnings only.</summary>
        private static readonly int[] ExpectedOutcomes = { 261, 2720, 19 };

        /// <summary>The PCG stream the cases are drawn from: case k is seed k of it.</summary>
        private const uint SeedStream = 20261202;

        /// <summary>How far before the damage a location may end: an empty value sits at the ': ' just before the token that replaced it.</summary>
        private const int Slack = 2;

        /// <summary>Kinds of mutation whose damage is one place in the text, so errors must be reported there or later.</summary>
        private static readonly HashSet<int> LocalKinds = new HashSet<int> { 0, 1, 3, 5, 6, 9, 10 };

        /// <summary>
        /// Diagnostics documented to point at a summary place rather than at the damage: the opening line (SPG0001), the
        /// mapping that lacks a key (SPG0003), the meta entry that disagrees (SPG0009 to SPG0011). An unclosed list or
        /// mapping is also reported where it opens, before the bracket that went missing.
        /// </summary>
        private static readonly HashSet<string> SummaryLocated = new HashSet<string> { "SPG0001", "SPG0003", "SPG0009", "SPG0010", "SPG0011" };

        private readonly ITestOutputHelper _output;

        public PageMutationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>One random edit of a page's tokens or bytes.</summary>
        internal sealed record Mutation(int Kind, int At, int Other, int Length, string Payload)
        {
            public static readonly Gen<Mutation> Gen =
                CsCheck.Gen.Select(CsCheck.Gen.Int[0, 12], CsCheck.Gen.Int[0, 1_000_000], CsCheck.Gen.Int[0, 1_000_000], CsCheck.Gen.Int[1, 8],
                    CsCheck.Gen.OneOf(CsCheck.Gen.OneOfConst(Replacements), CsCheck.Gen.Char.Array[1, 6].Select(c => new string(c))))
                .Select((kind, at, other, length, payload) => new Mutation(kind, at, other, length, payload));

            public override string ToString() => $"{Names[Kind]}@{At}/{Other} len {Length} '{Escape(Payload)}'";

            private static readonly string[] Names = { "delete", "duplicate", "swap", "retype", "truncate", "insert", "invalid-utf8", "bom", "crlf", "tabs", "nul", "replace-chars", "delete-line" };
        }

        [Fact]
        public void Mutated_pages_never_throw_and_report_errors_inside_the_page()
        {
            int iterations = int.TryParse(Environment.GetEnvironmentVariable("SPECGEN_MUTATIONS"), out int n) ? n : DefaultIterations;
            string? replay = Environment.GetEnvironmentVariable("SPECGEN_SEED");
            var outcomes = new int[3];
            int locallyChecked = 0;
            int whitespaceOnly = 0;
            Gen<(int Page, Mutation[] Mutations)> cases = Gen.Select(Gen.Int[0, Pages.Length - 1], Mutation.Gen.Array[1, 3]);

            // The same cases on every run: case k comes from seed k of a fixed stream. A failure names its seed;
            // SPECGEN_SEED=<seed> replays that one case.
            IEnumerable<string> seeds = replay is not null
                ? new[] { replay }
                : Enumerable.Range(0, iterations).Select(k => new PCG(SeedStream, (ulong)k).ToString());
            foreach (string seed in seeds)
            {
                (int page, Mutation[] mutations) = cases.Generate(PCG.Parse(seed), null, out _);
                bool local = mutations.Length == 1 && LocalKinds.Contains(mutations[0].Kind);
                try
                {
                    (SourceText text, int damage) = Apply(Pages[page], mutations);
                    int outcome = Check(text, local ? damage : -1);
                    outcomes[outcome]++;
                    if (outcome == 1 && mutations.All(m => m.Kind is 8 or 9) && ReadsAsTheOriginal(Pages[page], text.ToString()))
                    {
                        // Whitespace YAML allows (line ends, tabs as separators): what SharpYaml reads as the page, SpecGen must accept.
                        PageResult refused = PageReader.Read(Path, text, new ReadOptions(ReadOptions.DefaultMaxPageSize), CancellationToken.None);
                        throw new Xunit.Sdk.XunitException("SpecGen refuses a page that SharpYaml reads as the original: " + string.Join("; ", refused.Diagnostics.Select(d => d.Id + " " + d.Message + " at " + d.Location?.LineSpan)));
                    }

                    whitespaceOnly += mutations.All(m => m.Kind is 8 or 9) ? 1 : 0;
                }
                catch (Exception ex)
                {
                    throw new Xunit.Sdk.XunitException(
                        "SPECGEN_SEED=" + seed + " (page " + page + ": " + string.Join(", ", mutations.Select(m => m.ToString())) + ") fails: " + ex.Message);
                }

                locallyChecked += local ? 1 : 0;
            }

            _output.WriteLine($"{outcomes.Sum()} mutated pages: {outcomes[0]} without diagnostics (round-tripped), {outcomes[1]} with errors, {outcomes[2]} with only warnings (round-tripped); {locallyChecked} with one local mutation, their errors checked to be at or after the damage");
            if (replay is not null)
            {
                return;
            }

            // Each outcome must be a real share of the run, or the test proves little about it.
            Assert.True(outcomes[0] >= iterations / 20, "too few mutated pages round-tripped: " + outcomes[0]);
            Assert.True(outcomes[1] >= iterations / 2, "too few mutated pages had errors: " + outcomes[1]);
            Assert.True(outcomes[2] >= iterations / 400, "too few mutated pages had only warnings: " + outcomes[2]);
            Assert.True(locallyChecked >= iterations / 10, "too few local mutations: " + locallyChecked);
            Assert.True(whitespaceOnly >= iterations / 100, "too few whitespace-only mutations: " + whitespaceOnly);
            if (iterations == DefaultIterations)
            {
                // The cases are fixed, so the outcomes are too: a reader that starts refusing (or accepting) pages it did not changes them.
                Assert.Equal(ExpectedOutcomes, outcomes);
            }
        }

        /// <summary>The path every mutated page is read under (not specs.md, so no folder rule applies).</summary>
        private const string Path = "/pages/mutated-page.md";

        /// <summary>True when SharpYaml reads the mutated text as the specs it reads from the original page.</summary>
        private static bool ReadsAsTheOriginal(string original, string mutated)
        {
            try
            {
                return YamlOracle.Read(original).Select(s => s.ToString()).SequenceEqual(YamlOracle.Read(mutated).Select(s => s.ToString()));
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                return false;
            }
        }

        [Fact]
        public void Every_corpus_page_round_trips_through_the_independent_reader()
        {
            foreach (TestPage page in TestPaths.CorpusPages())
            {
                Assert.Equal(0, Check(SourceText.From(page.Text), -1));
            }
        }

        /// <summary>
        /// 0: no diagnostics, round-tripped; 1: errors; 2: warnings only, round-tripped. With <paramref name="damage"/> (the
        /// offset of a local mutation, or -1), no error may lie wholly before it unless it is documented to point elsewhere.
        /// </summary>
        private static int Check(SourceText text, int damage)
        {
            PageResult result = PageReader.Read(Path, text, new ReadOptions(ReadOptions.DefaultMaxPageSize), CancellationToken.None);
            foreach (DiagnosticInfo diagnostic in result.Diagnostics)
            {
                Assert.NotEqual("SPG0000", diagnostic.Id);
                Assert.NotNull(diagnostic.Location);
                Assert.Equal(Path, diagnostic.Location!.FilePath);
                Assert.InRange(diagnostic.Location.Span.Start, 0, text.Length);
                Assert.InRange(diagnostic.Location.Span.End, diagnostic.Location.Span.Start, text.Length);
                Assert.Equal(text.Lines.GetLinePositionSpan(diagnostic.Location.Span), diagnostic.Location.LineSpan);
                Diagnostic reported = diagnostic.ToDiagnostic();
                Assert.False(string.IsNullOrWhiteSpace(reported.GetMessage()));
                bool unclosed = diagnostic.Message.Contains("is never closed", StringComparison.Ordinal);
                if (damage >= 0 && diagnostic.IsErrorByDefault && !SummaryLocated.Contains(diagnostic.Id) && !unclosed)
                {
                    Assert.True(
                        diagnostic.Location.Span.End >= damage - Slack,
                        $"{diagnostic.Id} at {diagnostic.Location.Span} lies before the damage at {damage}: {reported.GetMessage()}");
                }
            }

            bool errors = result.Diagnostics.Any(d => d.IsErrorByDefault);
            Assert.True(errors || result.Page is not null, "A page without errors must be read.");
            if (errors)
            {
                return 1;
            }

            CatalogResult catalog = CatalogBuilder.Build(ImmutableArray.Create(result.Page!), EffectiveSeverities.Default, CancellationToken.None);
            Assert.DoesNotContain(catalog.Diagnostics, d => d.IsErrorByDefault);
            EncodedCatalog encoded = CatalogEncoder.Encode(catalog.Data, CancellationToken.None);
            SpecCatalog runtime = SpecCatalog.FromArrays(encoded.Tables, Encoding.UTF8.GetBytes(encoded.Strings));
            List<OracleSpec> expected = YamlOracle.Read(text.ToString());
            Assert.Equal(expected.Count, runtime.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Null(PageOracle.Difference(expected[i], PageOracle.FromCatalog(runtime[i])));
                Assert.True(runtime.TryFindByHash(expected[i].Hash, out Spec byHash));
                Assert.Equal(expected[i].Hash, byHash.Hash);
            }

            return result.Diagnostics.Count == 0 ? 0 : 2;
        }

        /// <summary>Applies the mutations in order; returns the text and where the last one changed it (the first offset that differs).</summary>
        internal static (SourceText Text, int Damage) Apply(string page, Mutation[] mutations)
        {
            string text = page;
            string before = page;
            foreach (Mutation m in mutations)
            {
                before = text;
                List<string> tokens = Tokens.Matches(text).Select(x => x.Value).ToList();
                if (tokens.Count == 0)
                {
                    tokens.Add(string.Empty);
                }

                int i = m.At % Math.Max(1, tokens.Count);
                int j = m.Other % Math.Max(1, tokens.Count);
                switch (m.Kind)
                {
                    case 0:
                        tokens.RemoveRange(i, Math.Min(m.Length, tokens.Count - i));
                        break;
                    case 1:
                        tokens.InsertRange(i, tokens.Skip(i).Take(m.Length).ToList());
                        break;
                    case 2:
                        (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                        break;
                    case 3:
                        tokens[FindValue(tokens, i)] = m.Payload;
                        break;
                    case 4:
                        text = text.Substring(0, m.At % Math.Max(1, text.Length));
                        continue;
                    case 5:
                        tokens.Insert(i, m.Payload);
                        break;
                    case 6:
                        // Invalid UTF-8 bytes, decoded the way the compiler decodes a file; later mutations apply to the result.
                        byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(tokens));
                        int at = m.At % Math.Max(1, bytes.Length);
                        bytes = bytes.Take(at).Concat(new byte[] { 0xC3, 0xFF, 0x80, (byte)m.Length, 0xED, 0xA0, 0x80 }.Take(m.Length)).Concat(bytes.Skip(at)).ToArray();
                        text = SourceText.From(new MemoryStream(bytes), encoding: null, throwIfBinaryDetected: false).ToString();
                        continue;
                    case 7:
                        tokens.Insert(0, "\uFEFF");
                        break;
                    case 8:
                        text = m.Length % 2 == 0 ? text.Replace("\n", "\r\n") : text.Replace("\n", "\r");
                        continue;
                    case 9:
                        tokens[i] = tokens[i].Replace(' ', '\t');
                        if (tokens[i].Length == 0 || tokens[i][0] == '\n')
                        {
                            tokens.Insert(i, "\n\t");
                        }

                        break;
                    case 10:
                        tokens.Insert(i, "\0");
                        break;
                    case 11:
                        char[] chars = string.Concat(tokens).ToCharArray();
                        for (int k = 0; k < m.Length && chars.Length > 0; k++)
                        {
                            chars[(m.At + (k * 7919)) % chars.Length] = m.Payload[k % m.Payload.Length];
                        }

                        text = new string(chars);
                        continue;
                    case 12:
                        string[] lines = string.Concat(tokens).Split('\n');
                        text = string.Join("\n", lines.Where((_, index) => index != m.At % lines.Length));
                        continue;
                }

                text = string.Concat(tokens);
            }

            int damage = 0;
            while (damage < text.Length && damage < before.Length && text[damage] == before[damage])
            {
                damage++;
            }

            return (SourceText.From(text), damage);
        }

        /// <summary>The index of the first value-like token at or after <paramref name="start"/>.</summary>
        private static int FindValue(List<string> tokens, int start)
        {
            for (int k = start; k < tokens.Count; k++)
            {
                char c = tokens[k].Length > 0 ? tokens[k][0] : ' ';
                if (c == '"' || char.IsDigit(c) || c == '[' || c == '{')
                {
                    return k;
                }
            }

            return start;
        }

        private static string Escape(string s) => string.Concat(s.Select(c => c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("X4") : c.ToString()));
    }
}
