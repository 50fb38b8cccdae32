using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Integration
{
    /// <summary>
    /// The user's story, from the packed package: a fresh project adds <c>PackageReference SpecGen</c> and
    /// <c>SpackCachePage</c> items, builds and runs. Everything goes through `dotnet` in a child process.
    /// </summary>
    [Collection(BuildCollection.Name)]
    [Trait("Category", "Integration")]
    public class PackageTests
    {
        private readonly PackageFixture _package;

        public PackageTests(PackageFixture package)
        {
            _package = package;
        }

        private string Project(string framework, string extra = "", string outputType = "Exe") => $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <OutputType>{outputType}</OutputType>
    <TargetFramework>{framework}</TargetFramework>
    <RootNamespace>Tool</RootNamespace>
    {extra}
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""SpecGen"" Version=""{_package.Version}"" />
    <SpackCachePage Include=""spack/**/specs.md"" />
    <SpackCachePage Include=""../shared pages #1/**/specs.md"" />
  </ItemGroup>
</Project>";

        private TempDirectory Consumer(string project, string program, out string pagePath)
        {
            TempDirectory root = DotNet.TempDirectory("specgen-consumer");
            root.Write("app/nuget.config", _package.NuGetConfig());
            root.Write("app/Tool.csproj", project);
            root.Write("app/Program.cs", program);
            pagePath = root.Write("app/spack/develop-2025-04-20/zlib/specs.md", PageEdit.Zlib.Text);
            // A folder name with a space and '#' (a comment in .editorconfig files): SpecGen.targets lists pages in a file of its own.
            root.Write("shared pages #1/develop-2025-04-20/py-gast/specs.md", TestPaths.CorpusPage("develop-2025-04-20", "py-gast").Text);
            return root;
        }

        private const string Program = @"
var catalog = Tool.SpackCache.Catalog;
catalog.TryFindByHash(""7u33aej"", out SpecGen.Spec spec);
System.Console.WriteLine($""count={catalog.Count} packages={string.Join("","", catalog.Packages)} first={spec} zlib={Tool.SpackCache.Packages.Zlib} size={catalog.Query(""zlib"").TryGetFirst(out var z) && true}:{z.SizeText}"");";

        [Fact]
        public void The_package_ships_archspecs_data_with_its_licenses()
        {
            using System.IO.Compression.ZipArchive zip = System.IO.Compression.ZipFile.OpenRead(_package.Package);
            string[] entries = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(zip.Entries, e => e.FullName));
            foreach (string file in new[] { "microarchitectures.json", "LICENSE-APACHE", "LICENSE-MIT", "COPYRIGHT", "NOTICE" })
            {
                Assert.Contains("archspec/" + file, entries);
            }

            using var notices = new StreamReader(zip.GetEntry("THIRD-PARTY-NOTICES.txt")!.Open());
            Assert.Contains("archspec", notices.ReadToEnd(), StringComparison.Ordinal);
        }

        [Fact]
        public void The_package_ships_the_generator_its_yaml_reader_and_the_code_fixes_as_analyzers()
        {
            using System.IO.Compression.ZipArchive zip = System.IO.Compression.ZipFile.OpenRead(_package.Package);
            string[] analyzers = System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Where(System.Linq.Enumerable.Select(zip.Entries, e => e.FullName), n => n.StartsWith("analyzers/", StringComparison.Ordinal)));
            Assert.Equal(new[] { "analyzers/dotnet/cs/SpecGen.CodeFixes.dll", "analyzers/dotnet/cs/SpecGen.Generator.dll", "analyzers/dotnet/cs/SpecGen.YamlDotNet.dll" }, System.Linq.Enumerable.OrderBy(analyzers, a => a, StringComparer.Ordinal));
        }

        [Fact]
        public void Pages_in_a_subfolder_and_above_the_project_build_run_and_follow_edits()
        {
            using TempDirectory root = Consumer(Project("net10.0"), Program, out string page);
            string app = Path.Combine(root.Path, "app");

            (int code, string output) = DotNet.Run(app, "run", "-nologo", "-v:q");
            Assert.True(code == 0, output);
            Assert.Contains("count=27 packages=py-gast,zlib first=py-gast@0.5.4 build_system=python_pip arch=linux-ubuntu24.04-aarch64 /7u33aej zlib=zlib size=True:-", output);
            // No warning from SpecGen, the compiler, analyzers or trimming; NuGet's own (a version resolved nearby) may appear.
            Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"warning (SPG|CS|AD|RS|IL)\d{4}"), output);

            // Edit a page and build again: the catalog follows.
            File.WriteAllText(page, PageEdit.Replace(File.ReadAllText(page), "\"size\": \"-\"", "\"size\": \"4096\""));
            (code, output) = DotNet.Run(app, "run", "-nologo", "-v:q");
            Assert.True(code == 0, output);
            Assert.Contains("size=True:4096", output);

            // Add a page: the glob finds it, the list names it, the catalog has it.
            root.Write("shared pages #1/develop-2025-04-20/vdt/specs.md", TestPaths.CorpusPage("develop-2025-04-20", "vdt").Text);
            (code, output) = DotNet.Run(app, "run", "-nologo", "-v:q");
            Assert.True(code == 0, output);
            Assert.Contains("packages=py-gast,vdt,zlib ", output);
        }

        [Fact]
        public void The_compiler_server_follows_page_edits_between_builds_by_their_stamps()
        {
            // With the server (as a developer builds) the kept generator driver knows an unchanged page by its stamp,
            // unread; a C# edit keeps the catalog, a page edit (a new stamp) is read again.
            using TempDirectory root = Consumer(Project("net10.0"), Program, out string page);
            string app = Path.Combine(root.Path, "app");
            string[] build = { "build", "-nologo", "-v:n", "-p:UseSharedCompilation=true" };
            string tool = Path.Combine(app, "bin", "Debug", "net10.0", "Tool.dll");
            try
            {
                (int code, string output) = DotNet.Run(app, build);
                Assert.True(code == 0, output);
                Assert.Contains("CompilerServer: server - server processed compilation", output);
                string stamps = File.ReadAllText(Path.Combine(app, "obj", "Debug", "net10.0", "SpecGen.stamps"));
                Assert.StartsWith("# SpecGen stamps:", stamps, StringComparison.Ordinal);
                Assert.Contains("|" + page, stamps, StringComparison.Ordinal);

                File.AppendAllText(Path.Combine(app, "Program.cs"), "\n// an edit of C#\n");
                (code, output) = DotNet.Run(app, build);
                Assert.True(code == 0, output);
                (code, output) = DotNet.Run(app, tool);
                Assert.True(code == 0, output);
                Assert.Contains("count=27 packages=py-gast,zlib ", output);
                Assert.Contains("size=True:-", output);

                File.WriteAllText(page, PageEdit.Replace(File.ReadAllText(page), "\"size\": \"-\"", "\"size\": \"4096\""));
                (code, output) = DotNet.Run(app, build);
                Assert.True(code == 0, output);
                Assert.Contains("CompilerServer: server - server processed compilation", output);
                (code, output) = DotNet.Run(app, tool);
                Assert.True(code == 0, output);
                Assert.Contains("size=True:4096", output);
            }
            finally
            {
                DotNet.Run(app, "build-server", "shutdown");
            }
        }

        [Fact]
        public void A_malformed_page_fails_the_build_at_its_line_and_column()
        {
            using TempDirectory root = Consumer(Project("net10.0"), Program, out string page);
            string text = PageEdit.Replace(PageEdit.Zlib.Text, "n5mtx7tcrev5nt4dbzvbri2q63mt6d3f", "N5mtx7tcrev5nt4dbzvbri2q63mt6d3f");
            File.WriteAllText(page, text);
            (int line, int column, _, _) = PageEdit.SpanOf(text, "\"N5mtx7tcrev5nt4dbzvbri2q63mt6d3f\"");

            (int code, string output) = DotNet.Run(Path.Combine(root.Path, "app"), "build", "-nologo", "-v:q");

            Assert.NotEqual(0, code);
            Assert.Contains($"{page}({line},{column}): error SPG0007: Hash 'N5mtx7tcrev5nt4dbzvbri2q63mt6d3f' is not a Spack hash", output);
            Assert.DoesNotContain("CS8785", output);
        }

        [Fact]
        public void The_compiler_keeps_the_generators_state_between_builds_unless_the_project_opts_out()
        {
            // The compiler server keeps a generator driver only with this feature; the package adds it to the project's own.
            string project = Project("net10.0", "<Features>$(Features);strict</Features>");
            using TempDirectory root = Consumer(project, "System.Console.WriteLine(SpackCache.Catalog.Count);", out _);
            string app = Path.Combine(root.Path, "app");
            (int code, string output) = DotNet.Run(app, "restore", "-nologo", "-v:q");
            Assert.True(code == 0, output);

            (code, output) = DotNet.Run(app, "msbuild", "-nologo", "-getProperty:Features");
            Assert.True(code == 0, output);
            Assert.Equal(new[] { "strict", "enable-generator-cache" }, output.Trim().Split(';', StringSplitOptions.RemoveEmptyEntries));

            (code, output) = DotNet.Run(app, "msbuild", "-nologo", "-getProperty:Features", "-p:SpecGenGeneratorCache=false");
            Assert.True(code == 0, output);
            Assert.Equal(new[] { "strict" }, output.Trim().Split(';', StringSplitOptions.RemoveEmptyEntries));
        }

        [Fact]
        public void A_compiler_started_for_the_compile_runs_without_tiered_pgo_unless_the_project_or_its_environment_says_otherwise()
        {
            // The SDK's Csc task gives CscEnvironment to a compiler process it starts (a build without the compiler server),
            // as a list split at its unescaped ';' (a property function's result is escaped, and would be one variable).
            // The test project lists CscEnvironment the same way as items, which MSBuild evaluates after every property,
            // so they show the variables the compiler gets. It sets CscEnvironment from a property of the test's own, so
            // each case can give it another value (a global CscEnvironment would be one no project or target can change).
            string project = Project("net10.0", "<CscEnvironment>$(TestCscEnvironment)</CscEnvironment>")
                .Replace("</Project>", "  <ItemGroup>\n    <TestCompilerVariable Include=\"$(CscEnvironment)\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal);
            using TempDirectory root = Consumer(project, "System.Console.WriteLine(SpackCache.Catalog.Count);", out _);
            string app = Path.Combine(root.Path, "app");
            (int code, string output) = DotNet.Run(app, "restore", "-nologo", "-v:q");
            Assert.True(code == 0, output);

            string[] Variables(params string[] properties)
            {
                (int exit, string text) = DotNet.Run(app, new[] { "msbuild", "-nologo", "-getItem:TestCompilerVariable" }.Concat(properties).ToArray());
                Assert.True(exit == 0, text);
                using JsonDocument json = JsonDocument.Parse(text);
                return json.RootElement.GetProperty("Items").GetProperty("TestCompilerVariable").EnumerateArray()
                    .Select(item => item.GetProperty("Identity").GetString()!).ToArray();
            }

            Assert.Equal(new[] { "DOTNET_TieredPGO=0" }, Variables());
            Assert.Equal(new[] { "MY_SETTING=1", "DOTNET_TieredPGO=0" }, Variables("-p:TestCscEnvironment=MY_SETTING=1"));
            Assert.Equal(new[] { "MY_SETTING=1" }, Variables("-p:TestCscEnvironment=MY_SETTING=1", "-p:SpecGenCompilerTuning=false"));
            // An environment variable is a property to MSBuild: one set in the shell is kept, as one in CscEnvironment is.
            Assert.Empty(Variables("-p:DOTNET_TieredPGO=1"));
            Assert.Empty(Variables("-p:COMPlus_TieredPGO=1"));
            Assert.Equal(new[] { "DOTNET_TieredPGO=1" }, Variables("-p:TestCscEnvironment=DOTNET_TieredPGO=1"));
            Assert.Equal(new[] { "dotnet_tieredpgo=1" }, Variables("-p:TestCscEnvironment=dotnet_tieredpgo=1"));
            Assert.Equal(new[] { "MY_TieredPGO=1", "DOTNET_TieredPGO=0" }, Variables("-p:TestCscEnvironment=MY_TieredPGO=1"));
        }

        [Fact]
        public void Class_name_and_namespace_properties_are_honoured()
        {
            const string Program = "System.Console.WriteLine(My.Tools.BinaryCache.Catalog.Count + \" \" + My.Tools.BinaryCache.Packages.PyGast);";
            string project = Project("net10.0", "<SpecGenClassName>BinaryCache</SpecGenClassName><SpecGenNamespace>My.Tools</SpecGenNamespace>");
            using TempDirectory root = Consumer(project, Program, out _);

            (int code, string output) = DotNet.Run(Path.Combine(root.Path, "app"), "run", "-nologo", "-v:q");

            Assert.True(code == 0, output);
            Assert.Contains("27 py-gast", output);
        }

        [Fact]
        public void A_project_that_gets_specgen_through_a_project_reference_gets_the_item_and_the_generator()
        {
            // Lib references the package and has no pages, so it gets no generated code; App references only Lib,
            // so SpackCachePage, the generator and the runtime reach it through buildTransitive and the asset graph.
            const string LibProject = @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><RootNamespace>Lib</RootNamespace></PropertyGroup>
  <ItemGroup><PackageReference Include=""SpecGen"" Version=""{0}"" /></ItemGroup>
</Project>";
            const string AppProject = @"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><RootNamespace>App</RootNamespace></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include=""../lib/Lib.csproj"" />
    <SpackCachePage Include=""spack/**/specs.md"" />
  </ItemGroup>
</Project>";
            using TempDirectory root = DotNet.TempDirectory("specgen-transitive");
            root.Write("nuget.config", _package.NuGetConfig());
            root.Write("lib/Lib.csproj", string.Format(LibProject, _package.Version));
            root.Write("lib/Counter.cs", "namespace Lib { public static class Counter { public static int Zlibs(SpecGen.SpecCatalog c) { int n = 0; foreach (var s in c.Where(package: \"zlib\")) n++; return n; } } }");
            root.Write("app/App.csproj", AppProject);
            root.Write("app/Program.cs", "System.Console.WriteLine($\"zlib specs={Lib.Counter.Zlibs(App.SpackCache.Catalog)} {App.SpackCache.Packages.Zlib} lib-has-catalog={typeof(Lib.Counter).Assembly.GetType(\"Lib.SpackCache\") is not null}\");");
            root.Write("app/spack/develop-2025-04-20/zlib/specs.md", PageEdit.Zlib.Text);

            (int code, string output) = DotNet.Run(Path.Combine(root.Path, "app"), "run", "-nologo", "-v:q");

            Assert.True(code == 0, output);
            Assert.Contains("zlib specs=3 zlib lib-has-catalog=False", output);
        }

        [Fact]
        public void A_netstandard20_class_library_builds()
        {
            const string Library = "namespace Tool { public static class Pins { public static int Count => SpackCache.Catalog.Count; public const string Zlib = SpackCache.Packages.Zlib; } }";
            using TempDirectory root = Consumer(Project("netstandard2.0", outputType: "Library"), Library, out _);

            (int code, string output) = DotNet.Run(Path.Combine(root.Path, "app"), "build", "-nologo", "-v:q");

            Assert.True(code == 0, output);
            Assert.True(File.Exists(Path.Combine(root.Path, "app", "bin", "Debug", "netstandard2.0", "Tool.dll")));
        }
    }
}
