using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using SpecGen.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace SpecGen.Tests.Properties
{
    /// <summary>
    /// Mutates real lockfiles (JSON tokens deleted, duplicated, swapped, retyped; truncation; random text) and checks
    /// that SpackLockfile.Parse either reads the result or throws FormatException, never another exception. The cases
    /// are the same on every run (case k is seed k of a fixed stream); SPECGEN_MUTATIONS sets their number (default
    /// 2000) and SPECGEN_SEED replays one.
    /// </summary>
    public class LockfileMutationTests
    {
        private const uint SeedStream = 20260519;

        private static readonly Regex Tokens = new Regex("\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|[{}\\[\\],:]|true|false|null|\\s+|.", RegexOptions.Compiled);

        private static readonly string[] Replacements = { "[]", "{}", "null", "true", "\"\"", "0", "-1", "1e999", "\"x\"", "[\"a\"]", "{\"k\":1}", "\"\\u0000\"", "\"\\ud800\"", ",", ":", "}", "]", "{", "[", "\"", "\\", "\uFEFF", "9", "\"patches\"", "\"hash\"", "\"dependencies\"" };

        /// <summary>The real lockfiles under 200 KB (the large ones add time, not shapes), each split into tokens.</summary>
        private static readonly string[][] Files = TestPaths.LockfileNames()
            .Select(TestPaths.Lockfile)
            .Where(p => new FileInfo(p).Length < 200_000)
            .Select(p => Tokens.Matches(File.ReadAllText(p)).Select(m => m.Value).ToArray())
            .ToArray();

        private readonly ITestOutputHelper _output;

        public LockfileMutationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private sealed record Mutation(int Kind, int A, int B, string Text);

        [Fact]
        public void Mutated_lockfiles_are_read_or_refused_with_a_FormatException()
        {
            int iterations = int.TryParse(Environment.GetEnvironmentVariable("SPECGEN_MUTATIONS"), out int n) ? n : 2000;
            string? replay = Environment.GetEnvironmentVariable("SPECGEN_SEED");
            Gen<Mutation> mutation = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], Gen.OneOf(Gen.OneOfConst(Replacements), Gen.Char.Array[1, 4].Select(c => new string(c))))
                .Select((kind, a, b, text) => new Mutation(kind, a, b, text));
            Gen<(int File, Mutation[] Mutations)> cases = Gen.Select(Gen.Int[0, Files.Length - 1], mutation.Array[1, 3]);
            IEnumerable<string> seeds = replay is not null ? new[] { replay } : Enumerable.Range(0, iterations).Select(k => new PCG(SeedStream, (ulong)k).ToString());
            int read = 0;
            int refused = 0;
            foreach (string seed in seeds)
            {
                (int file, Mutation[] mutations) = cases.Generate(PCG.Parse(seed), null, out _);
                string text = Apply(Files[file], mutations);
                try
                {
                    SpackLockfile lockfile = SpackLockfile.Parse(text);
                    Assert.All(lockfile.Nodes, node => Assert.NotNull(node.ToString()));
                    read++;
                }
                catch (FormatException ex) when (ex.GetType() == typeof(FormatException))
                {
                    Assert.Matches(@"\(line \d+, column \d+(; lockfile version \d)?\)$", ex.Message);
                    refused++;
                }
                catch (Exception ex)
                {
                    throw new Xunit.Sdk.XunitException("SPECGEN_SEED=" + seed + " (file " + file + ": " + string.Join(", ", mutations.Select(m => m.ToString())) + ") throws " + ex);
                }
            }

            _output.WriteLine($"{read} mutated lockfiles read, {refused} refused with a FormatException");
            if (replay is null)
            {
                Assert.True(read >= iterations / 50, "too few mutated lockfiles were still readable: " + read);
                Assert.True(refused >= iterations / 2, "too few mutated lockfiles were refused: " + refused);
            }
        }

        private static string Apply(string[] tokens, Mutation[] mutations)
        {
            var list = new List<string>(tokens);
            foreach (Mutation m in mutations)
            {
                int a = m.A % list.Count;
                int b = m.B % list.Count;
                switch (m.Kind)
                {
                    case 0:
                        list.RemoveAt(a);
                        break;
                    case 1:
                        list.Insert(a, list[a]);
                        break;
                    case 2:
                        list[a] = m.Text;
                        break;
                    case 3:
                        // Another token of the same file: often still JSON, now with a value of another type or name.
                        list[a] = list[b];
                        break;
                    case 4:
                        (list[a], list[b]) = (list[b], list[a]);
                        break;
                    case 5:
                        list.RemoveRange(a, list.Count - a);
                        list.Add(string.Empty);
                        break;
                    default:
                        list.Insert(a, m.Text);
                        break;
                }
            }

            return string.Concat(list);
        }
    }
}
