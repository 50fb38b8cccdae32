using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Analysis
{
    /// <summary>
    /// Warns where a string literal handed to a generated catalog can never match: <c>Query("...")</c> naming a
    /// package, target, OS or platform the catalog does not have, or a malformed query (SPG0021, SPG0023);
    /// <c>Where(...)</c> with such a name (SPG0021); <c>TryFindByHash</c>/<c>FindByHash</c>/<c>/hash</c> with a
    /// prefix no spec has, or one several hashes share (SPG0022). It reads the catalog back from the generated code.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CatalogUsageAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.QueryNeverMatches, DiagnosticDescriptors.HashNeverMatches, DiagnosticDescriptors.MalformedQuery);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? catalogType = start.Compilation.GetTypeByMetadataName("SpecGen.SpecCatalog");
                if (catalogType is null)
                {
                    return;
                }

                var facts = new ConcurrentDictionary<INamedTypeSymbol, CatalogFacts?>(SymbolEqualityComparer.Default);
                start.RegisterOperationAction(
                    operation => Analyze(operation, catalogType, facts),
                    OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol catalogType, ConcurrentDictionary<INamedTypeSymbol, CatalogFacts?> cache)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, catalogType)
                || invocation.Instance is not IPropertyReferenceOperation { Property.Name: GeneratedCode.CatalogProperty } catalog
                || !IsGenerated(catalog.Property.ContainingType))
            {
                return;
            }

            CatalogFacts? facts = cache.GetOrAdd(catalog.Property.ContainingType, type => CatalogFacts.Read(type, context.CancellationToken));
            if (facts is null)
            {
                return;
            }

            switch (method.Name)
            {
                case "Query" when invocation.Arguments.Length == 1 && Constant(invocation.Arguments[0]) is string query:
                    CheckQuery(context, facts, invocation.Arguments[0], query);
                    break;
                case "Where":
                    foreach (IArgumentOperation argument in invocation.Arguments)
                    {
                        Dimension? dimension = Dimensions.ByParameter(argument.Parameter?.Name);
                        if (dimension is not null && Constant(argument) is string name && !facts.Has(dimension, name))
                        {
                            Report(context, DiagnosticDescriptors.QueryNeverMatches, argument, dimension.Noun, name, facts.ClassName);
                        }
                    }

                    break;
                case "TryFindByHash":
                case "FindByHash":
                    if (invocation.Arguments.Length >= 1 && Constant(invocation.Arguments[0]) is string prefix)
                    {
                        CheckHash(context, facts, invocation.Arguments[0], prefix, method.Name == "TryFindByHash");
                    }

                    break;
            }
        }

        private static void CheckQuery(OperationAnalysisContext context, CatalogFacts facts, IArgumentOperation argument, string query)
        {
            SpecPatternSyntax? pattern = SpecPatternSyntax.Parse(query, out string? error, out int position);
            if (pattern is null)
            {
                Report(context, DiagnosticDescriptors.MalformedQuery, argument, "position " + position + ": " + error);
                return;
            }

            foreach ((string? value, Dimension dimension) in new[]
            {
                (pattern.Root.Name, Dimensions.Package), (ExactTarget(pattern.Root.Target), Dimensions.Target),
                (pattern.Root.Os, Dimensions.OperatingSystem), (pattern.Root.Platform, Dimensions.Platform),
            })
            {
                if (value is not null && !facts.Has(dimension, value))
                {
                    Report(context, DiagnosticDescriptors.QueryNeverMatches, argument, dimension.Noun, value, facts.ClassName);
                }
            }

            if (pattern.Root.Hash is string hash && facts.CountPrefix(hash) == 0)
            {
                Report(context, DiagnosticDescriptors.HashNeverMatches, argument, facts.ClassName, hash, "matches no spec");
            }
        }

        /// <summary>A target constraint that is one name (ranges and lists are not checked against the catalog's names).</summary>
        private static string? ExactTarget(string? target)
        {
            return target is null || target.IndexOf(':') >= 0 || target.IndexOf(',') >= 0 ? null : target;
        }

        private static void CheckHash(OperationAnalysisContext context, CatalogFacts facts, IArgumentOperation argument, string prefix, bool unique)
        {
            int count = prefix.Length == 0 || prefix.Length > CatalogLayout.HashLength ? 0 : facts.CountPrefix(prefix);
            if (count == 0)
            {
                Report(context, DiagnosticDescriptors.HashNeverMatches, argument, facts.ClassName, prefix, "matches no spec");
            }
            else if (count > 1 && unique)
            {
                Report(context, DiagnosticDescriptors.HashNeverMatches, argument, facts.ClassName, prefix, "starts several hashes, so it is ambiguous and finds nothing");
            }
        }

        private static object? Constant(IArgumentOperation argument)
        {
            IOperation value = argument.Value;
            while (value is IConversionOperation conversion && !value.ConstantValue.HasValue)
            {
                value = conversion.Operand;
            }

            return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : value.ConstantValue.HasValue ? value.ConstantValue.Value : null;
        }

        private static bool IsGenerated(INamedTypeSymbol type)
        {
            return type.GetAttributes().Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute"
                && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is GeneratedCode.Tool);
        }

        private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, IArgumentOperation argument, params object[] args)
        {
            context.ReportDiagnostic(Diagnostic.Create(descriptor, argument.Value.Syntax.GetLocation(), args));
        }
    }
}
