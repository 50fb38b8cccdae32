using System;
using Xunit;

namespace SpecGen.Tests.Spack
{
    public class VersionConstraintTests
    {
        [Theory]
        // A range holds its bounds' series.
        [InlineData("1.3", "1.2:1.4")]
        [InlineData("1.2.5", "1.2:1.4")]
        [InlineData("1.3.5", "1.2:1.4")]
        [InlineData("1.3.5-7", "1.2:1.4")]
        [InlineData("1.4.2", "1.2:1.4")]
        [InlineData("1.2.8", "1.2.7:1.4")]
        [InlineData("1.4.1", "1.2.7:1.4")]
        [InlineData("4.7b6", "4.3:4.7")]
        [InlineData("4.3.0", "4.3:4.7")]
        // A bare version is its series.
        [InlineData("1.6.5", "1.6")]
        [InlineData("1.6", "1.6")]
        [InlineData("4.7.3", "4.7")]
        [InlineData("4.7.3v2", "4.7")]
        [InlineData("4.7v6", "4")]
        [InlineData("4.7.3", "4")]
        [InlineData("11.2", "11")]
        // Open ranges.
        [InlineData("1.6.5", ":1.6")]
        [InlineData("0.1", ":1.6")]
        [InlineData("2.0", "1.2:")]
        [InlineData("develop", "1.2:")]
        [InlineData("0.0.1", ":")]
        [InlineData("develop", ":")]
        // Exact versions.
        [InlineData("1.6", "=1.6")]
        [InlineData("1-6", "=1.6")]
        // Lists.
        [InlineData("4.7", "4.3, 4.6, 4.7")]
        [InlineData("4.6.5.2", "4.3,4.6,4.7")]
        [InlineData("4.8.2", "4.2,4.3:4.8")]
        [InlineData("1.5", "1.2,1.5:1.6")]
        [InlineData("1.2.9", "1.2,1.5:1.6")]
        // Pre-releases at range bounds.
        [InlineData("1.2.1alpha1", "1.2.0:")]
        [InlineData("1.2.1rc3", "1.2.0:")]
        [InlineData("1.2.0alpha1", "1.2:")]
        [InlineData("1.2.0rc3", "1.2:")]
        [InlineData("1.2.0rc3", ":1.2")]
        [InlineData("1.2.0", "1.2.0alpha1:")]
        [InlineData("1.5rc1", "1.2:1.4")]
        // Git versions by their assigned version.
        [InlineData("git.abc=1.3", "1.2:1.4")]
        [InlineData("git.abc", ":")]
        [InlineData("git.abc=1.3", "git.abc=1.3")]
        public void Contains(string version, string constraint)
        {
            Assert.True(VersionConstraint.Parse(constraint).Contains(SpackVersion.Parse(version)), version + " in " + constraint);
        }

        [Theory]
        [InlineData("1.1", "1.2:1.4")]
        [InlineData("1.5", "1.2:1.4")]
        [InlineData("1.5", "1.5.1:1.6")]
        [InlineData("1.5", "1.5.1:")]
        [InlineData("1.4.2", "1.2:1.4.0")]
        [InlineData("1.2.5", "1.2.7:1.4")]
        [InlineData("1.4.1", "1.2.7:1.4.0")]
        [InlineData("4.8.0", "4.9")]
        [InlineData("4.8", "4.9")]
        [InlineData("4", "4.9")]
        [InlineData("4.8.0", "4.3:4.7")]
        [InlineData("4.3", "4.4:4.7")]
        [InlineData("1.7", "1.6")]
        [InlineData("1.6.5", "=1.6")]
        [InlineData("1.6.0", "=1.6")]
        [InlineData("4", "4.3, 4.6, 4.7")]
        [InlineData("4.8.0", "4.2, 4.3:4.7")]
        [InlineData("1.2.1alpha1", "1.2.1:")]
        [InlineData("1.2.1beta2", "1.2.1:")]
        [InlineData("1.2.1rc3", "1.2.1:")]
        [InlineData("1.2.0alpha1", ":1.1")]
        [InlineData("1.2.0rc3", ":1.1")]
        [InlineData("1.2.0", ":1.2.0rc345")]
        [InlineData("develop", ":1.6")]
        [InlineData("git.abc=1.5", "1.2:1.4")]
        [InlineData("git.abc", "1.2:")]
        [InlineData("git.abc=1.3", "=1.3")]
        public void Does_not_contain(string version, string constraint)
        {
            Assert.False(VersionConstraint.Parse(constraint).Contains(SpackVersion.Parse(version)), version + " not in " + constraint);
        }

        [Theory]
        [InlineData("")]
        [InlineData("1.2::1.4")]
        [InlineData("1.4:1.2")]
        [InlineData("1.2,")]
        [InlineData("=")]
        [InlineData("1.2 ~ 3")]
        [InlineData("git.a=1:git.b=2")]
        public void Malformed_constraints_do_not_parse(string text)
        {
            Assert.False(VersionConstraint.TryParse(text, out _));
            Assert.Throws<FormatException>(() => VersionConstraint.Parse(text));
        }

        [Fact]
        public void Text_round_trips_and_any_holds_everything()
        {
            Assert.Equal("1.2:1.4, 1.6", VersionConstraint.Parse("1.2:1.4, 1.6").ToString());
            Assert.True(VersionConstraint.Any.Contains(SpackVersion.Parse("0")));
            Assert.True(VersionConstraint.Any.Contains(SpackVersion.Parse("develop")));
        }
    }
}
