using System;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Catalog;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Emit;
using SpecGen.Generator.Lockfiles;
using SpecGen.Generator.Model;
using SpecGen.Generator.Pages;

using SpecGen.Format;

namespace SpecGen.Generator
{
    /// <summary>
    /// Reads the Spack build cache pages a project lists as <c>SpackCachePage</c> items and emits a typed catalog.
    /// This class only wires the pipeline; the stages are Parsing/ (text to YAML tree), Pages/ (one page's checks
    /// to a page model), Catalog/ (checks across pages, identifiers) and Emit/ (C# source).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SpecGenGenerator : IIncrementalGenerator
    {
        /// <summary>The item metadata (set by SpecGen.targets) that marks an additional file as a page.</summary>
        public const string PageMetadata = "build_metadata.AdditionalFiles.SpecGenPage";

        /// <summary>The item metadata (set by SpecGen.targets) that marks an additional file as a lockfile (a SpackLockfile item).</summary>
        public const string LockfileMetadata = "build_metadata.AdditionalFiles.SpecGenLockfile";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<AdditionalText> pageFiles = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => IsMarked(pair.Right.GetOptions(pair.Left), PageMetadata))
                .Select(static (pair, _) => pair.Left)
                .WithTrackingName(PipelineSteps.PageFiles);

            IncrementalValueProvider<Settings> settings = context.AnalyzerConfigOptionsProvider
                .Combine(context.ParseOptionsProvider)
                .Select(static (pair, _) => Settings.From(pair.Left.GlobalOptions, pair.Right))
                .WithTrackingName(PipelineSteps.Settings);

            IncrementalValueProvider<ReadOptions> readOptions = settings
                .Select(static (s, _) => s.Read)
                .WithTrackingName(PipelineSteps.ReadOptions);

            IncrementalValueProvider<EmitOptions> emitOptions = settings
                .Select(static (s, _) => s.Emit)
                .WithTrackingName(PipelineSteps.EmitOptions);

            IncrementalValueProvider<EffectiveSeverities> severities = context.CompilationProvider
                .Select(static (compilation, cancellationToken) => SeverityReader.Read(compilation.Options, cancellationToken))
                .WithTrackingName(PipelineSteps.Severities);

            // Compared by content: a driver kept between builds gets new AdditionalText objects for unchanged files.
            IncrementalValuesProvider<PageText> pageTexts = pageFiles
                .Select(static (file, cancellationToken) => ReadText(file, cancellationToken))
                .WithComparer(PageText.ByContent)
                .WithTrackingName(PipelineSteps.PageTexts);

            IncrementalValuesProvider<PageResult> pageResults = pageTexts
                .Combine(readOptions)
                .Select(static (pair, cancellationToken) => ReadPage(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(PipelineSteps.PageResults);

            // No page items: nothing to generate (a project that gets SpecGen only transitively stays untouched).
            IncrementalValueProvider<bool> hasPages = pageFiles.Collect()
                .Select(static (list, _) => !list.IsEmpty)
                .WithTrackingName(PipelineSteps.HasPages);

            IncrementalValuesProvider<CatalogPage> catalogPages = pageResults
                .Combine(severities)
                .Select(static (pair, _) => PageFilter.Apply(pair.Left, pair.Right))
                .WithTrackingName(PipelineSteps.CatalogPages);

            IncrementalValueProvider<CatalogResult> catalog = catalogPages
                .Where(static page => page.Page is not null)
                .Select(static (page, _) => page.Page!)
                .Collect()
                .Combine(severities)
                .Combine(readOptions)
                .Select(static (pair, cancellationToken) => CatalogBuilder.Build(pair.Left.Left, pair.Left.Right, cancellationToken, pair.Right.MaxCatalogSize))
                .WithTrackingName(PipelineSteps.Catalog);

            IncrementalValueProvider<CatalogData> catalogData = catalog
                .Select(static (result, _) => result.Data)
                .WithTrackingName(PipelineSteps.CatalogData);

            IncrementalValueProvider<ApiModel> apiModel = catalog
                .Select(static (result, _) => result.Api)
                .WithTrackingName(PipelineSteps.ApiModel);

            // Lockfiles: read on their own (an edit re-runs no page step), then checked against the catalog's data.
            IncrementalValuesProvider<LockfileResult> lockfiles = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => IsMarked(pair.Right.GetOptions(pair.Left), LockfileMetadata))
                .Select(static (pair, cancellationToken) => ReadLockfile(pair.Left, cancellationToken))
                .WithTrackingName(PipelineSteps.Lockfiles);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> coverage = lockfiles
                .Where(static result => result.Model is not null)
                .Select(static (result, _) => result.Model!)
                .Combine(catalogData)
                .Select(static (pair, cancellationToken) => CoverageCheck.Check(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(PipelineSteps.Coverage);

            context.RegisterSourceOutput(settings.Select(static (s, _) => s.Diagnostics), ReportDiagnostics);
            context.RegisterSourceOutput(lockfiles.Select(static (result, _) => result.Diagnostics), ReportDiagnostics);
            context.RegisterSourceOutput(coverage, ReportDiagnostics);
            // Each page's diagnostics, in the order of the pages' paths (not of the project's items), so the output is the same whatever the order.
            context.RegisterSourceOutput(
                pageResults.Select(static (result, _) => result.Diagnostics).Collect()
                    .Combine(catalogPages.Select(static (page, _) => page.Diagnostics).Collect())
                    .Select(static (pair, _) => DiagnosticOrder.ByFile(pair.Left.AddRange(pair.Right)))
                    .WithTrackingName(PipelineSteps.PageDiagnostics),
                ReportDiagnostics);
            context.RegisterSourceOutput(catalog.Select(static (result, _) => result.Diagnostics), ReportDiagnostics);
            context.RegisterSourceOutput(apiModel.Combine(emitOptions).Combine(hasPages).WithTrackingName(PipelineSteps.ApiSource), static (spc, input) =>
            {
                if (input.Right)
                {
                    AddSource(spc, CatalogEmitter.ApiHintName, () => CatalogEmitter.EmitApi(input.Left.Left, input.Left.Right, spc.CancellationToken));
                }
            });
            context.RegisterSourceOutput(catalogData.Combine(emitOptions).Combine(hasPages).WithTrackingName(PipelineSteps.DataSource), static (spc, input) =>
            {
                if (input.Right)
                {
                    AddSource(spc, CatalogEmitter.DataHintName, () => CatalogEmitter.EmitData(input.Left.Left, input.Left.Right, spc.CancellationToken));
                }
            });
        }

        /// <summary>The file's text, or null with why it could not be read (the message of what the compiler threw, if anything).</summary>
        private static SourceText? TextOf(AdditionalText file, out string? why, CancellationToken cancellationToken)
        {
            why = null;
            try
            {
                return file.GetText(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                why = ex.Message;
                return null;
            }
        }

        private static bool IsMarked(AnalyzerConfigOptions options, string metadata)
        {
            return options.TryGetValue(metadata, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        private static LockfileResult ReadLockfile(AdditionalText file, CancellationToken cancellationToken)
        {
            SourceText? text = TextOf(file, out string? why, cancellationToken);
            return text is null ? LockfileStage.Unreadable(file.Path, why) : LockfileStage.Read(file.Path, text, cancellationToken);
        }

        private static PageText ReadText(AdditionalText file, CancellationToken cancellationToken)
        {
            // A cancelled build reads no more files (the driver does not check between the items of a step).
            cancellationToken.ThrowIfCancellationRequested();
            SourceText? text = TextOf(file, out string? why, cancellationToken);
            return new PageText(file.Path, text, why);
        }

        private static PageResult ReadPage(PageText file, ReadOptions options, CancellationToken cancellationToken)
        {
            if (file.Text is null)
            {
                var diagnostic = DiagnosticInfo.Create(
                    DiagnosticDescriptors.NotAPage,
                    new LocationInfo(file.Path, default, default),
                    "the file could not be read" + (file.Why is null ? string.Empty : ": " + file.Why));
                return new PageResult(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
            }

            return PageReader.Read(file.Path, file.Text, options, cancellationToken);
        }

        /// <summary>Adds a generated file; a failure of SpecGen's own is reported as SPG0000, never thrown at the compiler.</summary>
        private static void AddSource(SourceProductionContext context, string hintName, Func<string> emit)
        {
            try
            {
                context.AddSource(hintName, SourceText.From(emit(), Encoding.UTF8));
            }
            catch (OutOfMemoryException)
            {
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.ResourceLimit, null, "writing " + hintName + " ran this compiler out of memory. Split the pages into catalog libraries, one project per snapshot tag with <SpecGenPublic>true</SpecGenPublic>, and combine them with SpecCatalog.Combine (README: Large catalogs)").ToDiagnostic());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, null, "the generated file " + hintName + ": " + ex.GetType().Name + ": " + ex.Message).ToDiagnostic());
            }
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
