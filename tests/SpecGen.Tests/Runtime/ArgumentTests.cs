using System;
using Xunit;

namespace SpecGen.Tests.Runtime
{
    /// <summary>The runtime's parsers and matchers refuse null clearly (found open by mutation testing).</summary>
    public class ArgumentTests
    {
        [Fact]
        public void Target_constraints_refuse_null()
        {
            Assert.Throws<ArgumentNullException>("text", () => TargetConstraint.Parse(null!));
            Assert.False(TargetConstraint.TryParse(null, out TargetConstraint? none, out string? error));
            Assert.Null(none);
            Assert.Equal("The target constraint is null.", error);

            TargetConstraint constraint = TargetConstraint.Parse("x86_64_v3:");
            Assert.Throws<ArgumentNullException>("target", () => constraint.Contains((string)null!));
            Assert.Throws<ArgumentNullException>("target", () => constraint.Contains((Microarchitecture)null!));
            Assert.True(constraint.Contains("zen3"));
            Assert.False(constraint.Contains(Microarchitecture.Parse("x86_64_v2")));
        }

        [Fact]
        public void A_version_compares_only_with_a_version()
        {
            IComparable version = SpackVersion.Parse("1.2");
            Assert.Equal("Not a SpackVersion. (Parameter 'obj')", Assert.Throws<ArgumentException>("obj", () => version.CompareTo("1.2")).Message);
            Assert.True(version.CompareTo(SpackVersion.Parse("1.10")) < 0);
        }

        [Fact]
        public void Patterns_and_version_constraints_refuse_null_without_throwing_from_TryParse()
        {
            Assert.False(SpecPattern.TryParse(null, out SpecPattern? pattern, out string? error));
            Assert.Null(pattern);
            Assert.False(string.IsNullOrEmpty(error));

            Assert.False(VersionConstraint.TryParse(null, out VersionConstraint? constraint));
            Assert.Null(constraint);
            Assert.True(VersionConstraint.TryParse("1.2:", out constraint));
            Assert.NotNull(constraint);
        }
    }
}
