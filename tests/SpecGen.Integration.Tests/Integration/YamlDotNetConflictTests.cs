using System.IO;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Integration
{
    /// <summary>
    /// Another analyzer in the same build ships a different YamlDotNet. The .NET SDK passes the compiler only the
    /// highest version of analyzer DLLs that share a file name, so without care one generator runs on the other's
    /// YamlDotNet. SpecGen ships its copy renamed (SpecGen.YamlDotNet.dll), so both keep their own.
    /// </summary>
    [Collection(BuildCollection.Name)]
    [Trait("Category", "Integration")]
    public class YamlDotNetConflictTests
    {
        private const string OtherProject = @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <PackageId>OtherYamlAnalyzer</PackageId>
    <IncludeBuildOutput>false</IncludeBuildOutput>
    <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
    <NoWarn>$(NoWarn);NU5128;RS1035</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""Microsoft.CodeAnalysis.CSharp"" Version=""4.3.1"" PrivateAssets=""all"" />
    <PackageReference Include=""YamlDotNet"" Version=""13.7.1"" PrivateAssets=""all"" GeneratePathProperty=""true"" />
    <None Include=""$(OutputPath)\$(AssemblyName).dll"" Pack=""true"" PackagePath=""analyzers/dotnet/cs"" Visible=""false"" />
    <None Include=""$(PKGYamlDotNet)\lib\netstandard2.0\YamlDotNet.dll"" Pack=""true"" PackagePath=""analyzers/dotnet/cs"" Visible=""false"" />
  </ItemGroup>
</Project>";

        private const string OtherGenerator = @"
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using YamlDotNet.Serialization;

[Generator]
public sealed class OtherYamlGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        context.RegisterPostInitializationOutput(c =>
        {
            var map = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(""answer: yes"");
            string version = typeof(IDeserializer).Assembly.GetName().Version.ToString();
            c.AddSource(""OtherYaml.g.cs"", ""namespace OtherYaml { public static class Probe { public const string Answer = \"""" + map[""answer""] + ""\""; public const string YamlDotNet = \"""" + version + ""\""; } }"");
        });
    }
}";

        private readonly PackageFixture _package;

        public YamlDotNetConflictTests(PackageFixture package)
        {
            _package = package;
        }

        /// <summary>A fake YamlDotNet of a higher version, with none of the API: it wins any conflict by name.</summary>
        private const string FakeYamlProject = @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <AssemblyName>YamlDotNet</AssemblyName>
    <AssemblyVersion>99.0.0.0</AssemblyVersion>
    <PackageId>FakeYamlDotNetAnalyzer</PackageId>
    <IncludeBuildOutput>false</IncludeBuildOutput>
    <NoWarn>$(NoWarn);NU5128</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <None Include=""$(OutputPath)\YamlDotNet.dll"" Pack=""true"" PackagePath=""analyzers/dotnet/cs"" Visible=""false"" />
  </ItemGroup>
</Project>";

        private readonly string _version = "1.0.0-t" + System.Guid.NewGuid().ToString("N").Substring(0, 10);

        [Fact]
        public void Both_generators_work_each_with_its_own_yamldotnet()
        {
            using TempDirectory root = DotNet.TempDirectory("specgen-yaml");
            string feed = Pack(root, "other", OtherProject, "OtherYamlGenerator.cs", OtherGenerator);
            string output = BuildAndRun(root, feed, "OtherYamlAnalyzer", "$\"specgen={App.SpackCache.Catalog.Count} other={OtherYaml.Probe.Answer} yaml={OtherYaml.Probe.YamlDotNet}\"");

            // Each kept its own: the other analyzer runs on 13.7.1, SpecGen (built on 16.x) on its renamed copy.
            Assert.Contains("specgen=24 other=yes yaml=13.0.0.0", output);
        }

        [Fact]
        public void A_higher_yamldotnet_from_another_package_cannot_replace_specgens()
        {
            using TempDirectory root = DotNet.TempDirectory("specgen-yaml");
            string feed = Pack(root, "fake", FakeYamlProject, "Empty.cs", "namespace Fake { internal static class Empty { } }");
            string output = BuildAndRun(root, feed, "FakeYamlDotNetAnalyzer", "$\"specgen={App.SpackCache.Catalog.Count}\"");

            Assert.Contains("specgen=24", output);
        }

        private string Pack(TempDirectory root, string name, string project, string file, string source)
        {
            root.Write(name + "/" + name + ".csproj", project);
            root.Write(name + "/" + file, source);
            string feed = Path.Combine(root.Path, "feed");
            (int code, string output) = DotNet.Run(Path.Combine(root.Path, name), "pack", "-c", "Release", "-o", feed, "-p:Version=" + _version, "-nologo", "-v:q");
            Assert.True(code == 0, output);
            return feed;
        }

        private string BuildAndRun(TempDirectory root, string feed, string otherPackage, string print)
        {
            root.Write("app/nuget.config", _package.NuGetConfig(feed));
            root.Write("app/App.csproj", $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><RootNamespace>App</RootNamespace></PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""{otherPackage}"" Version=""{_version}"" />
    <PackageReference Include=""SpecGen"" Version=""{_package.Version}"" />
    <SpackCachePage Include=""pages/**/specs.md"" />
  </ItemGroup>
</Project>");
            root.Write("app/Program.cs", "System.Console.WriteLine(" + print + ");");
            root.Write("app/pages/develop-2025-04-20/py-gast/specs.md", TestPaths.CorpusPage("develop-2025-04-20", "py-gast").Text);

            (int code, string output) = DotNet.Run(Path.Combine(root.Path, "app"), "run", "-nologo", "-v:q");
            Assert.True(code == 0, output);
            Assert.DoesNotContain("CS8785", output);
            Assert.DoesNotContain("CS8784", output);
            return output;
        }
    }
}
