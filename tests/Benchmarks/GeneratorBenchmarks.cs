using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Generator;
using SpecGen.Scale;
using YamlDotNet.Core;

namespace SpecGen.Benchmarks
{
    /// <summary>The generator driven by CSharpGeneratorDriver over S1, S10 and one snapshot, against a plain YamlDotNet parse of the same pages.</summary>
    [MemoryDiagnoser]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
    public class GeneratorBenchmarks
    {
        private IReadOnlyList<SyntheticPage> _pages = null!;
        private AdditionalText[] _texts = null!;
        private CSharpCompilation _compilation = null!;
        private GeneratorDriver _warm = null!;
        private MemoryAdditionalText _edited = null!;
        private MemoryAdditionalText _original = null!;
        private bool _isEdited;
        private CSharpCompilation[] _programs = null!;
        private GeneratorDriver _warmForCSharp = null!;
        private int _program;

        /// <summary>The corpora: S1, S10 and one whole snapshot, or those named in SPECGEN_CORPORA (for example "S1,snapshot").</summary>
        [ParamsSource(nameof(CorpusNames))]
        public string Corpus { get; set; } = "S1";

        public static IEnumerable<string> CorpusNames() =>
            (System.Environment.GetEnvironmentVariable("SPECGEN_CORPORA") ?? "S1,S10,snapshot").Split(',');

        [GlobalSetup]
        public void Setup()
        {
            _pages = Corpora.Get(Corpus);
            _texts = _pages.Select(p => (AdditionalText)new MemoryAdditionalText("/pages/" + p.RelativePath, p.Text)).ToArray();
            _compilation = CSharpCompilation.Create("Consumer", references: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
            _original = (MemoryAdditionalText)_texts[_texts.Length / 2];
            _edited = new MemoryAdditionalText(_original.Path, _original.GetText()!.ToString().Replace("\"size\": \"-\"", "\"size\": \"4096\""));
            _warm = CreateDriver().RunGenerators(_compilation);
            _isEdited = false;
            _programs = new[] { "static class Program { static void Main() { } }", "static class Program { static void Main() { int edited = 1; } }" }
                .Select(text => _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(text)))
                .ToArray();
            _warmForCSharp = CreateDriver().RunGenerators(_programs[0]);
            _program = 0;
        }

        /// <summary>YamlDotNet's parser over every page, nothing else.</summary>
        [Benchmark(Baseline = true)]
        public int ParseOnly()
        {
            int events = 0;
            foreach (SyntheticPage page in _pages)
            {
                var parser = new Parser(new StringReader(page.Text));
                while (parser.MoveNext())
                {
                    events++;
                }
            }

            return events;
        }

        /// <summary>The generator from scratch: read, check, encode and emit every page.</summary>
        [Benchmark]
        public int FullRun()
        {
            GeneratorDriver driver = CreateDriver().RunGenerators(_compilation);
            return driver.GetRunResult().GeneratedTrees.Length;
        }

        /// <summary>The driver run again after one page changed (alternating between two versions of it).</summary>
        [Benchmark]
        public int OnePageEdit()
        {
            AdditionalText from = _isEdited ? _edited : _original;
            AdditionalText to = _isEdited ? _original : _edited;
            _isEdited = !_isEdited;
            _warm = _warm.ReplaceAdditionalText(from, to).RunGenerators(_compilation);
            return _warm.GetRunResult().GeneratedTrees.Length;
        }

        /// <summary>The driver run again after a one-line C# edit (alternating between two versions of Program.cs): no page step runs again.</summary>
        [Benchmark]
        public int CSharpEdit()
        {
            _program = 1 - _program;
            _warmForCSharp = _warmForCSharp.RunGenerators(_programs[_program]);
            return _warmForCSharp.GetRunResult().GeneratedTrees.Length;
        }

        private GeneratorDriver CreateDriver()
        {
            return CSharpGeneratorDriver.Create(
                new[] { new SpecGenGenerator().AsSourceGenerator() },
                _texts,
                new CSharpParseOptions(LanguageVersion.Latest),
                new TestOptionsProvider(new Dictionary<string, string> { ["RootNamespace"] = "Consumer" }));
        }
    }
}
