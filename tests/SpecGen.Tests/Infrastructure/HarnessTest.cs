using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// A Microsoft.CodeAnalysis.Testing source generator test for SpecGen: pages as additional files marked
    /// as pages (the metadata SpecGen.targets sets), references from this runtime (no download).
    /// </summary>
    internal sealed class HarnessTest : CSharpSourceGeneratorTest<SpecGenGenerator, DefaultVerifier>
    {
        public HarnessTest(params TestPage[] pages)
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.MarkupHandling = MarkupMode.None;
            TestState.AdditionalReferences.AddRange(GeneratorRunner.References.Value);
            var config = new StringBuilder("is_global = true\nbuild_property.RootNamespace = Consumer\n");
            foreach (TestPage page in pages)
            {
                TestState.AdditionalFiles.Add((page.Path, SourceText.From(page.Text, Encoding.UTF8)));
                config.Append('[').Append(page.Path).Append("]\nbuild_metadata.AdditionalFiles.SpecGenPage = true\n");
            }

            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        protected override ParseOptions CreateParseOptions() => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        /// <summary>Expects a generated file <paramref name="hintName"/> with the text <paramref name="source"/>.</summary>
        public HarnessTest ExpectSource(string hintName, string source)
        {
            TestState.GeneratedSources.Add((typeof(SpecGenGenerator), hintName, SourceText.From(source, Encoding.UTF8)));
            return this;
        }

        /// <summary>Checks diagnostics only (the generated source is checked elsewhere).</summary>
        public HarnessTest DiagnosticsOnly()
        {
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
            TestState.Sources.Add(("/Consumer.cs", "namespace Consumer { internal static class Uses { } }"));
            return this;
        }
    }
}
