using System;
using System.IO;
using System.Linq;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Integration
{
    /// <summary>Packs SpecGen once, with a version of its own, into a folder that consumer projects use as a feed.</summary>
    public sealed class PackageFixture : IDisposable
    {
        private readonly TempDirectory _feed = DotNet.TempDirectory("specgen-feed");

        public PackageFixture()
        {
            Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N").Substring(0, 6);
            (int code, string output) = DotNet.Run(
                TestPaths.RepositoryRoot,
                "pack", "src/Runtime", "-c", "Release", "-o", _feed.Path, "-p:Version=" + Version, "-nologo", "-v:q");
            Assert.True(code == 0, output);
            Package = Directory.GetFiles(_feed.Path, "SpecGen." + Version + ".nupkg").Single();
        }

        public string Version { get; }

        public string Feed => _feed.Path;

        public string Package { get; }

        /// <summary>A nuget.config whose sources are the feed plus the normal one.</summary>
        public string NuGetConfig(params string[] extraFeeds) => @"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <clear />
    <add key=""specgen"" value=""" + Feed + @""" />
" + string.Concat(extraFeeds.Select((f, i) => "    <add key=\"extra" + i + "\" value=\"" + f + "\" />\n")) + @"    <add key=""nuget.org"" value=""https://api.nuget.org/v3/index.json"" />
  </packageSources>
</configuration>";

        public void Dispose() => _feed.Dispose();
    }
}
