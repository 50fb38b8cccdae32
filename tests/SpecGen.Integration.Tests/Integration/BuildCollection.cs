using Xunit;

namespace SpecGen.Tests.Integration
{
    /// <summary>
    /// The tests that run `dotnet pack` or `dotnet build` on the repository's projects: one collection, so they run
    /// one at a time and never write the same obj/ and bin/ folders at once, and one packed package for all of them.
    /// They restore the packed SpecGen from a local folder and its dependencies from the NuGet registry.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class BuildCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "Builds of the repository's projects";
    }
}
