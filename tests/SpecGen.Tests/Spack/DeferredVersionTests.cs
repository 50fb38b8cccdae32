extern alias Generator;

using System.Linq;
using CsCheck;
using Generator::SpecGen.Format;
using Xunit;

namespace SpecGen.Tests.Spack
{
    /// <summary>
    /// A catalog's versions are made deferred (<see cref="VersionValue.Deferred"/>: parsed on first use, so a version
    /// only shown costs no parse). Through the generator's copy of the shared file, which SpecGen.Runtime compiles too.
    /// </summary>
    public class DeferredVersionTests
    {
        private static readonly Gen<string> Versions = Gen.OneOf(
            Gen.String[Gen.Char["0123456789.-_=abcrgitlphdevomasn"], 0, 14],
            Gen.OneOfConst("1.2.3", "1.2rc1", "2.0-beta", "develop", "main", "git.abc=1.2", "git.abc", "3.0a", "1.2$", " 1.2 ", "=1", "a" + new string('0', 39)));

        [Fact]
        public void A_deferred_version_is_the_version_its_text_parses_to_in_every_way()
        {
            Gen.Select(Versions, Versions).Sample((text, other) =>
            {
                VersionValue parsed = VersionValue.Parse(text, out _) ?? VersionValue.Opaque(text);
                VersionValue deferred = VersionValue.Deferred(text);
                VersionValue otherParsed = VersionValue.Parse(other, out _) ?? VersionValue.Opaque(other);

                Assert.Equal(parsed.Text, deferred.Text);
                Assert.Equal(parsed.Kind, deferred.Kind);
                Assert.Equal(parsed.GitRef, deferred.GitRef);
                Assert.Equal(parsed.Prerelease, deferred.Prerelease);
                Assert.Equal(parsed.PrereleaseNumber?.Text, deferred.PrereleaseNumber?.Text);
                Assert.Equal(parsed.Parts.Select(p => (p.Kind, p.Text, p.Rank)), deferred.Parts.Select(p => (p.Kind, p.Text, p.Rank)));
                Assert.Equal(parsed.Assigned?.Text, deferred.Assigned?.Text);
                Assert.Equal(parsed.HashCode, deferred.HashCode);
                Assert.Equal(parsed.IsDevelop, deferred.IsDevelop);
                Assert.Equal(0, VersionValue.Compare(parsed, deferred));
                Assert.Equal(System.Math.Sign(VersionValue.Compare(parsed, otherParsed)), System.Math.Sign(VersionValue.Compare(deferred, VersionValue.Deferred(other))));
                Assert.Equal(System.Math.Sign(VersionValue.Compare(otherParsed, parsed)), System.Math.Sign(VersionValue.Compare(VersionValue.Deferred(other), deferred)));
            });
        }

        [Fact]
        public void Threads_that_first_use_a_deferred_version_at_once_all_see_the_same_parse()
        {
            // A long version, so the parse takes long enough for threads started together to overlap in it.
            string text = string.Join(".", Enumerable.Range(1, 400)) + "rc4";
            for (int round = 0; round < 300; round++)
            {
                VersionValue deferred = VersionValue.Deferred(text);
                var seen = new VersionValue.Part[2][];
                using var start = new System.Threading.Barrier(seen.Length);
                System.Threading.Thread[] threads = Enumerable.Range(0, seen.Length).Select(i => new System.Threading.Thread(() =>
                {
                    start.SignalAndWait();
                    seen[i] = deferred.Parts;
                })).ToArray();
                foreach (System.Threading.Thread thread in threads)
                {
                    thread.Start();
                }

                foreach (System.Threading.Thread thread in threads)
                {
                    thread.Join();
                }

                Assert.Same(seen[0], seen[1]);
                Assert.Same(seen[0], deferred.Parts);
                Assert.Equal(400, seen[0].Length);
                Assert.Equal(VersionValue.Rc, deferred.Prerelease);
            }
        }
    }
}
