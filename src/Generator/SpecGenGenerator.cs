using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
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
        /// <summary>The item metadata that marks an additional file as a page where no list (<see cref="InputList"/>) names it (a project that sets it and makes it compiler-visible itself; SpecGen.targets writes the list).</summary>
        public const string PageMetadata = "build_metadata.AdditionalFiles.SpecGenPage";

        /// <summary>The item metadata that marks an additional file as a lockfile where no list names it (as <see cref="PageMetadata"/>).</summary>
        public const string LockfileMetadata = "build_metadata.AdditionalFiles.SpecGenLockfile";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Each step over every additional file costs a walk of its table on every run, even when all is cached:
            // one Combine shared by pages and lockfiles, and one SelectMany in place of a Where and a Select.
            // Which files are pages and lockfiles: the list SpecGen.targets writes (compared by content, read again only when it changes), or item metadata.
            IncrementalValueProvider<InputList> inputList = context.AdditionalTextsProvider
                .Where(static file => InputList.IsListFile(file.Path))
                .Select(static (file, cancellationToken) => ReadText(file, cancellationToken))
                .WithComparer(PageText.ByContent)
                .Collect()
                .Select(static (lists, _) => InputList.From(lists.Select(static list => list.Text)))
                .WithTrackingName(PipelineSteps.InputList);

            IncrementalValuesProvider<(AdditionalText File, (AnalyzerConfigOptionsProvider Options, InputList List) Inputs)> files = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider.Combine(inputList));

            // Each page with its stamp (command-line builds): a kept driver's new file object for an unchanged page compares equal unread.
            IncrementalValuesProvider<PageFile> pageFiles = files
                .SelectMany(static (pair, _) => pair.Inputs.List.IsPage(pair.File.Path) || IsMarked(pair.Inputs.Options.GetOptions(pair.File), PageMetadata)
                    ? ImmutableArray.Create(new PageFile(pair.File, pair.Inputs.List.StampOf(pair.File.Path)))
                    : ImmutableArray<PageFile>.Empty)
                .WithComparer(PageFile.ByStamp)
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

            // Compared by content: a driver kept between builds gets new AdditionalText objects for unchanged files (read again when no stamp tells).
            IncrementalValuesProvider<PageText> pageTexts = pageFiles
                .Select(static (file, cancellationToken) => ReadAhead.Register(ReadText(file.File, cancellationToken), stamped: file.Stamp is not null, cancellationToken))
                .WithComparer(PageText.ByContent)
                .WithTrackingName(PipelineSteps.PageTexts);

            IncrementalValuesProvider<PageResult> pageResults = pageTexts
                .Combine(readOptions)
                .Select(static (pair, cancellationToken) => ReadPage(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(PipelineSteps.PageResults);

            // Every page read, in one array: the steps after it work on the whole (a per-page step after the severities would walk
            // every page on each C# edit, since the severities are read from the compilation, which every edit changes).
            IncrementalValueProvider<ImmutableArray<PageResult>> allResults = pageResults.Collect();

            // No page items: nothing to generate (a project that gets SpecGen only transitively stays untouched).
            IncrementalValueProvider<bool> hasPages = allResults
                .Select(static (list, _) => !list.IsEmpty)
                .WithTrackingName(PipelineSteps.HasPages);

            IncrementalValueProvider<PageSelection> selection = allResults
                .Combine(severities)
                .Select(static (pair, _) => PageFilter.Apply(pair.Left, pair.Right))
                .WithTrackingName(PipelineSteps.CatalogPages);

            IncrementalValueProvider<CatalogResult> catalog = selection
                .Combine(severities)
                .Combine(readOptions)
                .Select(static (pair, cancellationToken) => CatalogBuilder.Build(pair.Left.Left.Kept, pair.Left.Right, cancellationToken, pair.Right.MaxCatalogSize, withApi: false))
                .WithTrackingName(PipelineSteps.Catalog);

            IncrementalValueProvider<CatalogData> catalogData = catalog
                .Select(static (result, _) => result.Data)
                .WithTrackingName(PipelineSteps.CatalogData);

            // The API from each page's names (no locations): an edit of a page's data that changes none of its names leaves every step here cached.
            IncrementalValuesProvider<PageNames> pageNames = pageResults
                .SelectMany(static (result, _) => result.Page is null ? ImmutableArray<PageNames>.Empty : ImmutableArray.Create(PageNames.From(result.Page)))
                .WithTrackingName(PipelineSteps.PageNames);

            IncrementalValueProvider<bool> packageConstants = settings
                .Select(static (s, _) => s.PackageConstants)
                .WithTrackingName(PipelineSteps.PackageConstants);

            IncrementalValueProvider<ApiResult> apiResult = pageNames.Collect()
                .Combine(catalog.Select(static (result, _) => (result.LeftOut, result.Complete)))
                .Combine(selection.Select(static (s, _) => s.LeftOut).Combine(packageConstants))
                .Select(static (pair, _) => pair.Left.Right.Complete
                    ? ApiModelBuilder.Build(pair.Left.Left, EquatableArray.From(pair.Left.Right.LeftOut.Concat(pair.Right.Left)), packageConstants: pair.Right.Right)
                    : new ApiResult(ApiModel.Empty, EquatableArray<ApiCollision>.Empty))
                .WithTrackingName(PipelineSteps.ApiResult);

            IncrementalValueProvider<ApiModel> apiModel = apiResult
                .Select(static (result, _) => result.Api)
                .WithTrackingName(PipelineSteps.ApiModel);

            // SPG0017 needs the names' locations: looked up in the pages only when some names collided.
            IncrementalValueProvider<EquatableArray<DiagnosticInfo>> collisions = apiResult
                .Select(static (result, _) => result.Collisions)
                .Combine(selection)
                .Select(static (pair, _) => ApiModelBuilder.Diagnostics(pair.Left, pair.Right.Kept))
                .WithTrackingName(PipelineSteps.Collisions);

            // Lockfiles: read on their own (an edit re-runs no page step), then checked against the catalog's data.
            IncrementalValuesProvider<LockfileResult> lockfiles = files
                .SelectMany(static (pair, cancellationToken) => pair.Inputs.List.IsLockfile(pair.File.Path) || IsMarked(pair.Inputs.Options.GetOptions(pair.File), LockfileMetadata) ? ImmutableArray.Create(ReadLockfile(pair.File, cancellationToken)) : ImmutableArray<LockfileResult>.Empty)
                .WithTrackingName(PipelineSteps.Lockfiles);

            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> coverage = lockfiles
                .Where(static result => result.Model is not null)
                .Select(static (result, _) => result.Model!)
                .Combine(catalogData)
                .Select(static (pair, cancellationToken) => CoverageCheck.Check(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(PipelineSteps.Coverage);

            context.RegisterSourceOutput(settings.Select(static (s, _) => s.Diagnostics), ReportDiagnostics);
            context.RegisterSourceOutput(lockfiles.Select(static (result, _) => result.Diagnostics), ReportDiagnostics);

            // Lockfiles the list names and the build did not hand over (SpecGen.targets leaves out one that does not exist).
            context.RegisterSourceOutput(
                lockfiles
                    .Select(static (result, _) => result.Path)
                    .Collect()
                    .Combine(inputList)
                    .Select(static (pair, _) => LockfileStage.Absent(pair.Right.Lockfiles, pair.Left))
                    .WithTrackingName(PipelineSteps.AbsentLockfiles),
                ReportDiagnostics);
            context.RegisterSourceOutput(coverage, ReportDiagnostics);
            // Each page's diagnostics, in the order of the pages' paths (not of the project's items), so the output is the same whatever the order.
            context.RegisterSourceOutput(
                allResults
                    .Combine(selection)
                    .Select(static (pair, _) => DiagnosticOrder.ByFile(pair.Left.Select(r => r.Diagnostics).Append(pair.Right.Diagnostics).ToImmutableArray()))
                    .WithTrackingName(PipelineSteps.PageDiagnostics),
                ReportDiagnostics);
            context.RegisterSourceOutput(catalog.Select(static (result, _) => result.Diagnostics), ReportDiagnostics);
            context.RegisterSourceOutput(collisions, ReportDiagnostics);
            context.RegisterSourceOutput(apiModel.Combine(emitOptions).Combine(hasPages).WithTrackingName(PipelineSteps.ApiSource), static (spc, input) =>
            {
                if (input.Right)
                {
                    AddSource(spc, CatalogEmitter.ApiHintName, () => CatalogEmitter.EmitApi(input.Left.Left, input.Left.Right, spc.CancellationToken));
                }
            });
            // The data: one file per chunk (content-defined, so a page edit re-encodes one chunk; the rest are cached), and an index that combines them.
            IncrementalValueProvider<EquatableArray<CatalogChunk>> chunkPlan = catalogData
                .Combine(emitOptions.Select(static (options, _) => options.ChunkPages))
                .Select(static (pair, _) => ChunkPlanner.Plan(pair.Left, pair.Right))
                .WithTrackingName(PipelineSteps.ChunkPlan);
            IncrementalValuesProvider<CatalogChunk> chunks = chunkPlan
                .SelectMany(static (plan, _) => plan.AsSpan().ToArray())
                .WithTrackingName(PipelineSteps.Chunks);
            context.RegisterSourceOutput(chunks.Combine(emitOptions).Combine(hasPages).WithTrackingName(PipelineSteps.DataSource), static (spc, input) =>
            {
                if (input.Right)
                {
                    CatalogChunk chunk = input.Left.Left;
                    AddSource(spc, CatalogEmitter.ChunkHintName(chunk), () => CatalogEmitter.EmitChunk(chunk, input.Left.Right, spc.CancellationToken));
                }
            });
            IncrementalValueProvider<EquatableArray<string>> chunkIds = chunkPlan
                .Select(static (plan, _) => plan.Count > 1 ? EquatableArray.From(plan.Select(static c => c.Id)) : EquatableArray<string>.Empty)
                .WithTrackingName(PipelineSteps.ChunkIndex);
            context.RegisterSourceOutput(chunkIds.Combine(emitOptions).Combine(hasPages), static (spc, input) =>
            {
                if (input.Right && input.Left.Left.Count > 0)
                {
                    AddSource(spc, CatalogEmitter.DataHintName, () => CatalogEmitter.EmitChunkIndex(input.Left.Left, input.Left.Right, spc.CancellationToken));
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

        [MethodImpl(Jit.Hot)]
        private static PageResult ReadPage(PageText file, ReadOptions options, CancellationToken cancellationToken)
        {
            if (file.Text is null)
            {
                var diagnostic = DiagnosticInfo.Create(
                    DiagnosticDescriptors.NotAPage,
                    LocationInfo.AtStart(file.Path),
                    "the file could not be read" + (file.Why is null ? string.Empty : ": " + file.Why));
                return new PageResult(null, new EquatableArray<DiagnosticInfo>(new[] { diagnostic }));
            }

            return ReadAhead.Read(file, options, cancellationToken);
        }

        /// <summary>Adds a generated file; a failure of SpecGen's own is reported as SPG0000, never thrown at the compiler.</summary>
        private static void AddSource(SourceProductionContext context, string hintName, Func<string> emit)
        {
            try
            {
                context.AddSource(hintName, GeneratedText.Of(emit()));
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
