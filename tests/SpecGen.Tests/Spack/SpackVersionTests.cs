using System;
using System.Linq;
using Xunit;

namespace SpecGen.Tests.Spack
{
    /// <summary>Spack's version order, case by case (written from Spack's rules, lib/spack/spack/version/).</summary>
    public class SpackVersionTests
    {
        [Theory]
        // Numbers compare as numbers, part by part.
        [InlineData("1.0", "2.0")]
        [InlineData("0.9", "0.10")]
        [InlineData("1.9", "1.10")]
        [InlineData("4.999.9", "5.0")]
        [InlineData("2.0", "2.0.1")]
        [InlineData("1.2", "1.2.0")]
        [InlineData("20101121", "20101122")]
        [InlineData("10.0001", "10.0039")]
        [InlineData("1.2.3", "1.10.0")]
        [InlineData("0.5.4", "0.5.10")]
        [InlineData("99999999999999999999", "100000000000000000000")]
        [InlineData("3.12.9", "3.13.2")]
        // Letter parts sort below numbers; among themselves, ordinally.
        [InlineData("xyz.4", "2")]
        [InlineData("xyz.4", "8")]
        [InlineData("1.mydevelopmentnightmare", "1.1")]
        [InlineData("mydevelopmentnightmare", "1.1")]
        [InlineData("2.0.1", "2.0.1a")]
        [InlineData("1.0a", "1.0aa")]
        [InlineData("1b.fc17", "1.fc17")]
        [InlineData("1.fc17", "1g.fc17")]
        [InlineData("10a2", "10b2")]
        [InlineData("10a1", "10b2")]
        [InlineData("5.5p1", "5.5p2")]
        [InlineData("5.5p1", "5.5p10")]
        [InlineData("5.5p2", "5.6p1")]
        [InlineData("5.6p1", "6.5p1")]
        [InlineData("10xyz", "10.1xyz")]
        [InlineData("xyz10", "xyz10.1")]
        [InlineData("xsdk-0.2.0", "xsdk-0.3")]
        [InlineData("system", "9.0")]
        [InlineData("2.18.0", "2.18.0-rocm-enhanced")]
        [InlineData("2.26-t9b_atlas", "2.26.1")]
        [InlineData("02.02.03", "2.2.4")]
        // Develop-like names are newer than any number, in their own order.
        [InlineData("1.0", "develop")]
        [InlineData("9.0", "master")]
        [InlineData("9.0", "head")]
        [InlineData("9.0", "trunk")]
        [InlineData("9.0", "stable")]
        [InlineData("trunk", "head")]
        [InlineData("head", "master")]
        [InlineData("master", "main")]
        [InlineData("main", "develop")]
        [InlineData("stable", "nightly")]
        [InlineData("nightly", "trunk")]
        [InlineData("1.1", "1.develop")]
        [InlineData("1.develop", "2.1")]
        [InlineData("0.5", "0.5.develop")]
        [InlineData("1.develop.1", "1.develop.2")]
        [InlineData("develop.1", "develop.2")]
        [InlineData("99999", "develop")]
        // Pre-releases sort below the release: alpha < beta < rc, a bare one below a numbered one.
        [InlineData("6.0alpha", "6.0alpha0")]
        [InlineData("6.0alpha0", "6.0alpha1")]
        [InlineData("6.0alpha1", "6.0alpha2")]
        [InlineData("6.0alpha2", "6.0beta")]
        [InlineData("6.0beta", "6.0beta0")]
        [InlineData("6.0beta1", "6.0beta2")]
        [InlineData("6.0beta2", "6.0rc")]
        [InlineData("6.0rc", "6.0rc0")]
        [InlineData("6.0rc1", "6.0rc2")]
        [InlineData("6.0rc2", "6.0")]
        [InlineData("1.2.0rc3", "1.2.0")]
        [InlineData("1.2", "1.2.0rc3")]
        [InlineData("1.2.1rc3", "1.2.1")]
        [InlineData("1.2.0", "1.2.1alpha1")]
        [InlineData("2.0-rc-1", "2.0")]
        [InlineData("6.0rc9", "6.0rc10")]
        // The shortest pre-releases: a release of one part before 'rc' (with and without its number).
        [InlineData("1rc", "1")]
        [InlineData("1rc1", "1")]
        [InlineData("1rc", "1rc0")]
        [InlineData("1alpha", "1beta")]
        // Git versions order by the version they are assigned.
        [InlineData("git.abc=1.2", "1.3")]
        [InlineData("1.2", "git.abc=1.2")]
        [InlineData("git.abc=1.2", "git.abd=1.2")]
        [InlineData("git.zzz=1.1", "git.aaa=1.2")]
        [InlineData("develop", "git.abc")]
        [InlineData("git.abc", "git.abd")]
        // A ref without a version after every assigned one, whatever the refs spell.
        [InlineData("git.zzz=1.2", "git.aaa")]
        [InlineData("git.abc=99", "git.abb")]
        public void Versions_order(string lower, string higher)
        {
            SpackVersion a = SpackVersion.Parse(lower);
            SpackVersion b = SpackVersion.Parse(higher);

            Assert.True(a < b, lower + " < " + higher);
            Assert.True(a <= b);
            Assert.True(b > a);
            Assert.True(b >= a);
            Assert.True(a != b);
            Assert.False(a == b);
            Assert.True(a.CompareTo(b) < 0);
            Assert.True(b.CompareTo(a) > 0);
        }

        [Theory]
        [InlineData("1.0", "1.0")]
        [InlineData("2.0", "2_0")]
        [InlineData("2_0", "2-0")]
        [InlineData("1.2.3b", "1-2_3b")]
        [InlineData("10.0001", "10.1")]
        [InlineData("develop", "develop")]
        [InlineData("develop.local", "develop.local")]
        [InlineData("1.develop", "1.develop")]
        [InlineData("5.5p10", "5.5p10")]
        [InlineData("6.0rc1", "6.0.rc.1")]
        [InlineData("2.0.1a", "2.0.1a")]
        [InlineData("git.abc=1.2", "git.abc=1.2")]
        [InlineData("abc=1.2", "abc=1.2")]
        public void Versions_equal_by_spack_rules(string left, string right)
        {
            SpackVersion a = SpackVersion.Parse(left);
            SpackVersion b = SpackVersion.Parse(right);

            Assert.True(a == b);
            Assert.Equal(0, a.CompareTo(b));
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
            Assert.Equal(left, a.ToString());
            Assert.Equal(right, b.ToString());
        }

        [Theory]
        [InlineData("")]
        [InlineData("1.2 3")]
        [InlineData("1.2@3")]
        [InlineData("=1.2")]
        [InlineData("1.2+cuda")]
        [InlineData("1:2")]
        [InlineData("1,2")]
        [InlineData("git.=1.0")]
        [InlineData("git.abc=")]
        [InlineData("a=b=c")]
        [InlineData("1.2/3")]
        public void Malformed_versions_do_not_parse(string text)
        {
            if (text.Length == 0)
            {
                Assert.True(SpackVersion.TryParse(text, out SpackVersion empty));
                Assert.Equal(string.Empty, empty.ToString());
                return;
            }

            Assert.False(SpackVersion.TryParse(text, out _));
            FormatException error = Assert.Throws<FormatException>(() => SpackVersion.Parse(text));
            Assert.Contains(text, error.Message);
        }

        [Fact]
        public void Flags_describe_the_version()
        {
            Assert.True(SpackVersion.Parse("1.2rc1").IsPrerelease);
            Assert.True(SpackVersion.Parse("6.0beta").IsPrerelease);
            Assert.False(SpackVersion.Parse("10b2").IsPrerelease);
            Assert.False(SpackVersion.Parse("rc1").IsPrerelease);
            Assert.True(SpackVersion.Parse("1.develop.2").IsDevelop);
            Assert.True(SpackVersion.Parse("master").IsDevelop);
            Assert.False(SpackVersion.Parse("1.mydevelopmentnightmare.3").IsDevelop);
            Assert.True(SpackVersion.Parse("git.abc=1.0").IsGit);
            Assert.True(SpackVersion.Parse("0123456789abcdef0123456789abcdef01234567").IsGit);
            Assert.False(SpackVersion.Parse("1.0").IsGit);
        }

        [Fact]
        public void Sorting_a_list_follows_spack()
        {
            string[] versions = { "0.10", "develop", "0.9", "1.0rc1", "1.0", "main", "0.9.1", "xyz", "1.0alpha" };
            string[] sorted = versions.Select(SpackVersion.Parse).OrderBy(v => v).Select(v => v.ToString()).ToArray();

            Assert.Equal(new[] { "xyz", "0.9", "0.9.1", "0.10", "1.0alpha", "1.0rc1", "1.0", "main", "develop" }, sorted);
        }

        [Fact]
        public void Default_is_the_empty_version()
        {
            SpackVersion empty = default;
            Assert.Equal(string.Empty, empty.ToString());
            Assert.True(empty < SpackVersion.Parse("0"));
            Assert.Equal(SpackVersion.Parse(string.Empty), empty);
        }

        // version_types.py: git.<ref>[=<version>], <ref>=<version>, and a 40-character commit (lower-case hex only) are
        // git versions; '=' belongs nowhere else, and a git version given a version needs both sides.
        [Theory]
        [InlineData("git.abc", true)]
        [InlineData("git.abc=1.2", true)]
        [InlineData("abc=1.2", true)]
        [InlineData("0123456789abcdef0123456789abcdef01234567", true)]
        [InlineData("ffffffffffffffffffffffffffffffffffffffff", true)]
        [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true)]
        [InlineData("9999999999999999999999999999999999999999", true)]
        [InlineData("0123456789abcdef0123456789abcdef0123456", false)]
        [InlineData("0123456789abcdef0123456789abcdef0123456g", false)]
        [InlineData("0123456789ABCDEF0123456789abcdef01234567", false)]
        [InlineData("gggggggggggggggggggggggggggggggggggggggg", false)]
        [InlineData("1.2", false)]
        public void Git_versions_are_told_apart_from_standard_ones(string text, bool git)
        {
            Assert.Equal(git, SpackVersion.Parse(text).IsGit);
            Assert.Equal(text, SpackVersion.Parse(text).ToString());
        }

        [Theory]
        [InlineData("git.=1.2", "a git version needs a ref and a version: git.<ref>=<version>")]
        [InlineData("git.abc=", "a git version needs a ref and a version: git.<ref>=<version>")]
        [InlineData("1.2=", "a git version needs a ref and a version: git.<ref>=<version>")]
        [InlineData("a=b=c", "'=' only belongs in a git version")]
        [InlineData("git.abc=1=2", "'=' only belongs in a git version")]
        [InlineData("a==1", "'=' only belongs in a git version")]
        [InlineData("=1.2", "it holds characters other than letters, digits, '.', '-', '_' and (after the first) '='")]
        [InlineData("1.2 3", "it holds characters other than letters, digits, '.', '-', '_' and (after the first) '='")]
        public void A_malformed_git_version_says_why(string text, string reason)
        {
            Assert.Equal("'" + text + "' is not a Spack version: " + reason, Assert.Throws<FormatException>(() => SpackVersion.Parse(text)).Message);
            if (text.IndexOf('=') > 0)
            {
                // As a constraint too, where it has a git version's '=' ('=1.2' is an exact version there, and the
                // constraint parser drops spaces, so '1.2 3' reads as 1.23).
                AssertConstraintRefused(text, reason);
            }
        }

        [Theory]
        [InlineData("", "it is empty")]
        [InlineData("=", "'=' must be followed by a version")]
        [InlineData("=a=b=c", "'=' only belongs in a git version")]
        [InlineData("git.abc:1.4", "a range bound cannot be a git version")]
        [InlineData("1.2:git.abc", "a range bound cannot be a git version")]
        [InlineData("1.2:a=b=c", "'=' only belongs in a git version")]
        [InlineData("a=b=c:1.2", "'=' only belongs in a git version")]
        [InlineData("1:2:3", "a range has one ':'")]
        [InlineData("1.2,,1.4", "the list has an empty item")]
        public void A_malformed_version_constraint_says_why(string text, string reason)
        {
            // The reason of the part that fails is kept (a bound's own reason is not replaced by the git-bound one).
            AssertConstraintRefused(text, reason);
        }

        private static void AssertConstraintRefused(string text, string reason)
        {
            Assert.Equal("'" + text + "' is not a version constraint: " + reason, Assert.Throws<FormatException>(() => VersionConstraint.Parse(text)).Message);
        }

        [Fact]
        public void A_constraint_item_loses_pythons_whitespace_at_its_ends()
        {
            // parse_string_components strips with str.strip(), whose whitespace includes U+001C-U+001F (not .NET's Trim).
            VersionConstraint constraint = VersionConstraint.Parse("\u001f1.2\u001c");
            Assert.True(constraint.Contains(SpackVersion.Parse("1.2.3")));
            Assert.False(constraint.Contains(SpackVersion.Parse("1.3")));
        }
    }
}
