extern alias Generator;

using System.IO;
using System.Text.RegularExpressions;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Integration
{
    /// <summary>
    /// `dotnet build` of a project that uses SpecGen the in-repository way (the sample's way: the package's
    /// props/targets imported, the generator and runtime as project references).
    /// </summary>
    [Collection(BuildCollection.Name)]
    [Trait("Category", "Integration")]
    public class CommandLineBuildTests
    {
        private static string Project(string repo) => $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <Import Project=""{repo}/src/Package/build/SpecGen.props"" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>Consumer</RootNamespace>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <SpackCachePage Include=""pages/**/specs.md"" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include=""{repo}/src/Generator/SpecGen.Generator.csproj"" OutputItemType=""Analyzer"" ReferenceOutputAssembly=""false"" />
    <ProjectReference Include=""{repo}/src/Runtime/SpecGen.Runtime.csproj"" />
  </ItemGroup>
  <Import Project=""{repo}/src/Package/build/SpecGen.targets"" />
</Project>";

        private const string Program = "System.Console.WriteLine(Consumer.SpackCache.Catalog.Count + \" \" + Consumer.SpackCache.Packages.Zlib);";

        /// <summary>A throw-away consumer of this repository's generator and targets: its project file and Program.cs, no page yet.</summary>
        private static TempDirectory NewConsumer()
        {
            TempDirectory dir = DotNet.TempDirectory("specgen-build");
            dir.Write("Consumer.csproj", Project(TestPaths.RepositoryRoot));
            dir.Write("Program.cs", Program);
            return dir;
        }

        [Fact]
        public void Pages_become_additional_files_and_up_to_date_inputs_when_targets_run_not_at_evaluation()
        {
            // At evaluation every AdditionalFiles item goes through the SDK's Link update (0.9 s of each build at
            // 6,000 pages): pages become additional files in SpecGenWriteInputs, and up-to-date inputs in a target
            // too, so a page a Directory.Build.targets adds after SpecGen.targets counts as well.
            using TempDirectory dir = NewConsumer();
            string page = dir.Write("pages/develop-2025-04-20/zlib/specs.md", PageEdit.Zlib.Text);
            string late = dir.Write("late/develop-2025-04-20/zlib-b/specs.md", PageEdit.Zlib.Text);
            dir.Write("Directory.Build.targets", "<Project><ItemGroup><SpackCachePage Include=\"late/*/*/specs.md\" /></ItemGroup></Project>");

            (int code, string output) = DotNet.Run(dir.Path, "msbuild", "-nologo", "-getItem:AdditionalFiles", "-getItem:UpToDateCheckInput");
            Assert.True(code == 0, output);
            Assert.DoesNotContain("specs.md", output);

            (code, output) = DotNet.Run(dir.Path, "msbuild", "-nologo", "-t:SpecGenWriteInputs;SpecGenUpToDateCheckInputs", "-getItem:AdditionalFiles", "-getItem:UpToDateCheckInput");
            Assert.True(code == 0, output);
            string escaped(string path) => path.Replace("\\", "\\\\", System.StringComparison.Ordinal);
            Assert.Contains($"\"Identity\": \"{escaped(page)}\"", output);
            Assert.Contains($"\"Identity\": \"{escaped(late)}\"", output);
            Assert.Contains("\"Identity\": \"late/develop-2025-04-20/zlib-b/specs.md\"", output.Replace("\\\\", "/", System.StringComparison.Ordinal));
            Assert.Contains("SpecGen.inputs", output);
        }

        [Fact]
        public void Pages_are_stamped_in_builds_that_compile_and_never_in_design_time_builds()
        {
            using TempDirectory dir = NewConsumer();
            string page = dir.Write("pages/develop-2025-04-20/zlib/specs.md", PageEdit.Zlib.Text);
            string stamps = System.IO.Path.Combine(dir.Path, "obj", "Debug", "net10.0", "SpecGen.stamps");

            (int code, string output) = DotNet.Run(dir.Path, "msbuild", "-nologo", "-t:SpecGenWriteInputs", "-getItem:AdditionalFiles");
            Assert.True(code == 0, output);
            Assert.Contains("SpecGen.stamps", output);
            string written = System.IO.File.ReadAllText(stamps);
            string stamp = System.IO.File.GetLastWriteTime(page).ToString("yyyy-MM-dd HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("# SpecGen stamps: each page's last write time, in command-line builds only\n" + stamp + "|" + page + "\n", written.Replace("\r\n", "\n", System.StringComparison.Ordinal));

            // An IDE's design-time build (its unsaved edits change no stamp), or a project that opts out: no stamps.
            foreach (string property in new[] { "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:SpecGenPageStamps=false" })
            {
                (code, output) = DotNet.Run(dir.Path, "msbuild", "-nologo", "-t:SpecGenWriteInputs", "-getItem:AdditionalFiles", property);
                Assert.True(code == 0, output);
                Assert.Contains("SpecGen.inputs", output);
                Assert.DoesNotContain("SpecGen.stamps", output);
            }
        }

        [Fact]
        public void A_malformed_page_fails_the_build_with_file_line_column_and_id()
        {
            using TempDirectory dir = NewConsumer();
            string text = PageEdit.Replace(PageEdit.Zlib.Text, "\"num_specs\": 3", "\"num_specs\": 4");
            string page = dir.Write("pages/develop-2025-04-20/zlib/specs.md", text);
            (int line, int column) = PageEdit.Position(text, text.IndexOf("\"num_specs\": 4", System.StringComparison.Ordinal) + "\"num_specs\": ".Length);

            // Two copies of a page under other names in one tag: each hash of the second is a duplicate, and the message names the first's place.
            string copy = PageEdit.Zlib.Text.Replace("title: \"zlib\"", "title: \"zlib-a\"", System.StringComparison.Ordinal);
            string first = dir.Write("pages/develop-2025-04-20/zlib-a/specs.md", copy);
            dir.Write("pages/develop-2025-04-20/zlib-b/specs.md", copy.Replace("zlib-a", "zlib-b", System.StringComparison.Ordinal));
            string hash = "\"n5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"";
            (int hashLine, int hashColumn) = PageEdit.Position(copy, copy.IndexOf(hash, System.StringComparison.Ordinal));

            (int code, string output) = DotNet.Run(dir.Path, "build", "-nologo", "-v:q");

            Assert.NotEqual(0, code);
            Assert.Contains($"{page}({line},{column}): error SPG0009: meta.num_specs is 4 but spec_details lists 3 specs", output);
            Assert.Contains($"error SPG0008: Hash 'n5mtx7tcrev5nt4dbzvbri2q63mt6d3f' is listed more than once in snapshot 'develop-2025-04-20'; also at {first}({hashLine},{hashColumn})", output);
            Assert.DoesNotContain("CS8785", output);
            Assert.DoesNotContain("AD0001", output);
        }

        [Fact]
        public void Severity_follows_a_global_config_and_a_valid_catalog_runs()
        {
            using TempDirectory dir = NewConsumer();
            string text = PageEdit.Replace(PageEdit.Zlib.Text, "layout: cache", "layout: cache\npermalink: /zlib/");
            string page = dir.Write("pages/develop-2025-04-20/zlib/specs.md", text);

            (int code, string output) = DotNet.Run(dir.Path, "run", "-nologo", "-v:q");
            Assert.True(code == 0, output);
            Assert.Contains($"{page}(4,1): warning SPG0005: Unknown key 'permalink' is ignored", output);
            Assert.Contains("3 zlib", output);

            dir.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.SPG0005.severity = error\n");
            (code, output) = DotNet.Run(dir.Path, "build", "-nologo", "-v:q");
            Assert.NotEqual(0, code);
            Assert.Contains($"{page}(4,1): error SPG0005: Unknown key 'permalink' is ignored", output);
        }
    }
}
