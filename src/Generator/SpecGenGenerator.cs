using System;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Emit;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;
using SpecGen.Generator.Validation;

namespace SpecGen.Generator
{
    /// <summary>
    /// Reads the Spack build cache pages a project lists as <c>SpackCachePage</c> items and emits a typed catalog.
    /// This class only wires the pipeline; the work is in Parsing/, Validation/ and Emit/.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SpecGenGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps (tests assert how each step ran).</summary>
        public static class Steps
        {
            public const string Pages = "SpecGen.Pages";
            public const string AnyPages = "SpecGen.AnyPages";
            public const string Settings = "SpecGen.Settings";
            public const string ReadOptions = "SpecGen.ReadOptions";
            public const string EmitOptions = "SpecGen.EmitOptions";
            public const string ParsedPages = "SpecGen.ParsedPages";
            public const string ValidPages = "SpecGen.ValidPages";
            public const string Catalog = "SpecGen.Catalog";
            public const string CatalogData = "SpecGen.CatalogData";
            public const string Api = "SpecGen.Api";
            public const string ApiInput = "SpecGen.ApiInput";
            public const string SourceInput = "SpecGen.SourceInput";
        }

        /// <summary>The item metadata (set by SpecGen.targets) that marks an additional file as a page.</summary>
        public const string PageMetadata = "build_metadata.AdditionalFiles.SpecGenPage";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<AdditionalText> pages = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => IsPage(pair.Right.GetOptions(pair.Left)))
                .Select(static (pair, _) => pair.Left)
                .WithTrackingName(Steps.Pages);

            IncrementalValueProvider<Settings> settings = context.AnalyzerConfigOptionsProvider
                .Combine(context.ParseOptionsProvider)
                .Select(static (pair, _) => Settings.From(pair.Left.GlobalOptions, pair.Right))
                .WithTrackingName(Steps.Settings);

            IncrementalValueProvider<ReadOptions> readOptions = settings
                .Select(static (s, _) => s.Read)
                .WithTrackingName(Steps.ReadOptions);

            IncrementalValueProvider<EmitOptions> emitOptions = settings
                .Select(static (s, _) => s.Emit)
                .WithTrackingName(Steps.EmitOptions);

            IncrementalValuesProvider<PageResult> parsed = pages
                .Combine(readOptions)
                .Select(static (pair, cancellationToken) => ReadPage(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(Steps.ParsedPages);

            // No page items: nothing to generate (a project that gets SpecGen only transitively stays untouched).
            IncrementalValueProvider<bool> anyPages = pages.Collect()
                .Select(static (list, _) => !list.IsEmpty)
                .WithTrackingName(Steps.AnyPages);

            IncrementalValueProvider<CatalogResult> catalog = parsed
                .Where(static result => result.Page is not null)
                .Select(static (result, _) => result.Page!)
                .WithTrackingName(Steps.ValidPages)
                .Collect()
                .Select(static (list, cancellationToken) => CatalogBuilder.Build(list, cancellationToken))
                .WithTrackingName(Steps.Catalog);

            IncrementalValueProvider<CatalogData> catalogData = catalog
                .Select(static (result, _) => result.Data)
                .WithTrackingName(Steps.CatalogData);

            IncrementalValueProvider<ApiModel> api = catalog
                .Select(static (result, _) => result.Api)
                .WithTrackingName(Steps.Api);

            context.RegisterSourceOutput(settings.Select(static (s, _) => s.Diagnostics), ReportDiagnostics);
            context.RegisterSourceOutput(parsed.Select(static (result, _) => result.Diagnostics), ReportDiagnostics);
            context.RegisterSourceOutput(catalog.Select(static (result, _) => result.Diagnostics), ReportDiagnostics);
            context.RegisterSourceOutput(api.Combine(emitOptions).Combine(anyPages).WithTrackingName(Steps.ApiInput), static (spc, input) =>
            {
                if (input.Right)
                {
                    string source = CatalogEmitter.EmitApi(input.Left.Left, input.Left.Right, spc.CancellationToken);
                    spc.AddSource(CatalogEmitter.ApiHintName, SourceText.From(source, Encoding.UTF8));
                }
            });
            context.RegisterSourceOutput(catalogData.Combine(emitOptions).Combine(anyPages).WithTrackingName(Steps.SourceInput), static (spc, input) =>
            {
                if (input.Right)
                {
                    string source = CatalogEmitter.EmitData(input.Left.Left, input.Left.Right, spc.CancellationToken);
                    spc.AddSource(CatalogEmitter.DataHintName, SourceText.From(source, Encoding.UTF8));
                }
            });
        }

        private static bool IsPage(AnalyzerConfigOptions options)
        {
            return options.TryGetValue(PageMetadata, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        private static PageResult ReadPage(AdditionalText file, ReadOptions options, System.Threading.CancellationToken cancellationToken)
        {
            SourceText? text = file.GetText(cancellationToken);
            if (text is null)
            {
                var diagnostic = DiagnosticInfo.Create(
                    DiagnosticDescriptors.NotAPage,
                    new LocationInfo(file.Path, default, default),
                    "the file could not be read");
                return new PageResult(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
            }

            return PageReader.Read(file.Path, text, options.MaxPageSize, cancellationToken);
        }

        private static void ReportDiagnostics(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }
    }
}
