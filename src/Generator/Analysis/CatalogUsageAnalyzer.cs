using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Analysis
{
    /// <summary>
    /// Warns where a string literal handed to SpecGen's API can never work. Whatever the receiver: a query passed to
    /// <c>SpecCatalog.Query</c> or <c>SpecPattern.Parse</c> that throws <c>FormatException</c> (SPG0023). Where the
    /// receiver is the generated catalog (<c>SpackCache.Catalog</c>, or a local, a readonly field or a get-only
    /// property whose value is it): a package, target, OS, platform, stack or tag the catalog does not have, a
    /// package version no page has, a compiler (or compiler version) no spec was built with, in <c>Query</c>,
    /// <c>Where</c> and <c>Diff</c> (SPG0021, with "did you mean" and a code fix); a hash prefix no spec has, or one
    /// several hashes share (SPG0022). It reads the catalog back from the generated code.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CatalogUsageAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the unknown text the code fix replaces.</summary>
        public const string ReplaceProperty = "SpecGen.Replace";

        /// <summary>Diagnostic property: where the unknown text starts in the literal's value.</summary>
        public const string AtProperty = "SpecGen.At";

        /// <summary>Diagnostic property: the nearest known names, one per line.</summary>
        public const string SuggestionsProperty = "SpecGen.Suggestions";

        /// <summary>How many assignments deep a receiver is traced back to the generated catalog.</summary>
        private const int MaxTrace = 4;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            DiagnosticDescriptors.QueryNeverMatches, DiagnosticDescriptors.HashNeverMatches, DiagnosticDescriptors.MalformedQuery);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                INamedTypeSymbol? catalogType = start.Compilation.GetTypeByMetadataName("SpecGen.SpecCatalog");
                INamedTypeSymbol? patternType = start.Compilation.GetTypeByMetadataName("SpecGen.SpecPattern");
                if (catalogType is null)
                {
                    return;
                }

                var facts = new ConcurrentDictionary<INamedTypeSymbol, CatalogFacts?>(SymbolEqualityComparer.Default);
                start.RegisterOperationAction(
                    operation => Analyze(operation, catalogType, patternType, facts),
                    OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol catalogType, INamedTypeSymbol? patternType, ConcurrentDictionary<INamedTypeSymbol, CatalogFacts?> cache)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (patternType is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, patternType))
            {
                if (method.Name == "Parse" && invocation.Arguments.Length is 1 or 2 && Constant(invocation.Arguments[0]) is string text)
                {
                    CheckQuery(context, static () => null, invocation.Arguments[0], text, invocation.Arguments.Length == 2);
                }

                return;
            }

            if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, catalogType))
            {
                return;
            }

            // The catalog's facts are read only for a literal that needs them (a call with computed arguments costs no read).
            INamedTypeSymbol? generated = null;
            bool traced = false;
            CatalogFacts? Facts()
            {
                if (!traced)
                {
                    generated = Trace(invocation.Instance, MaxTrace);
                    traced = true;
                }

                return generated is null ? null : cache.GetOrAdd(generated, type => CatalogFacts.For(type, context.CancellationToken));
            }

            switch (method.Name)
            {
                case "Query" when invocation.Arguments.Length is 1 or 2 && Constant(invocation.Arguments[0]) is string query:
                    // Query(text, host) resolves the host's reserved names at run time; Query(text) refuses them.
                    CheckQuery(context, Facts, invocation.Arguments[0], query, invocation.Arguments.Length == 2);
                    break;
                case "Where":
                    foreach (IArgumentOperation argument in invocation.Arguments)
                    {
                        Dimension? dimension = Dimensions.ByParameter(argument.Parameter?.Name);
                        if (dimension is not null && Constant(argument) is string name && Facts() is CatalogFacts facts && !facts.Has(dimension, name))
                        {
                            ReportName(context, argument, facts, dimension, name, 0);
                        }
                    }

                    break;
                case "Diff":
                    foreach (IArgumentOperation argument in invocation.Arguments)
                    {
                        if (Constant(argument) is string tag && Facts() is CatalogFacts facts && !facts.Has(Dimensions.Tag, tag))
                        {
                            ReportName(context, argument, facts, Dimensions.Tag, tag, 0);
                        }
                    }

                    break;
                case "TryFindByHash":
                case "FindByHash":
                    if (invocation.Arguments.Length >= 1 && Constant(invocation.Arguments[0]) is string prefix && Facts() is CatalogFacts hashFacts)
                    {
                        CheckHash(context, hashFacts, invocation.Arguments[0], prefix, method.Name == "TryFindByHash");
                    }

                    break;
            }
        }

        /// <summary>A query's syntax (any receiver), and, when <paramref name="factsOf"/> gives the catalog's facts (asked only for a query that parses), its names, versions, compilers and hash against the catalog.</summary>
        private static void CheckQuery(OperationAnalysisContext context, Func<CatalogFacts?> factsOf, IArgumentOperation argument, string query, bool withHost)
        {
            SpecPatternSyntax? pattern = SpecPatternSyntax.Parse(query, withHost ? QueryHost.Unresolved : null, out string? error, out int position);
            if (pattern is null)
            {
                Report(context, DiagnosticDescriptors.MalformedQuery, argument, null, PythonText.Escape("position " + position + ": " + error));
                return;
            }

            if (factsOf() is not CatalogFacts facts)
            {
                return;
            }

            QueryNodeSyntax root = pattern.Root;
            bool allKnown = true;
            foreach ((string? value, Dimension dimension, int at) in new[]
            {
                (root.Name, Dimensions.Package, root.NameStart), (ExactTarget(root.Target), Dimensions.Target, root.TargetStart),
                (ArchName(root.Os, QueryHost.IsReservedOs), Dimensions.OperatingSystem, -1), (ArchName(root.Platform, _ => false), Dimensions.Platform, -1),
            })
            {
                if (value is not null && !facts.Has(dimension, value))
                {
                    ReportName(context, argument, facts, dimension, value, at >= 0 ? at : query.IndexOf(value, StringComparison.Ordinal));
                    allKnown = false;
                }
            }

            if (!allKnown)
            {
                return;
            }

            if (root.Versions is string versions && VersionListValue.Parse(versions, out _) is VersionListValue list && !facts.HasVersion(root.Name, list))
            {
                Report(context, DiagnosticDescriptors.QueryNeverMatches, argument, null, "Version", (root.Name ?? string.Empty) + "@" + versions, facts.ClassName + (root.Name is null ? string.Empty : " for that package"), string.Empty);
            }

            foreach (QueryNodeSyntax compiler in pattern.Compilers.Where(n => n.Name is not null && n.Language is null))
            {
                VersionListValue? constraint = compiler.Versions is null ? null : VersionListValue.Parse(compiler.Versions, out _);
                if (!facts.HasCompiler(root.Name, compiler.Name!, constraint))
                {
                    string text = compiler.Name + (compiler.Versions is null ? string.Empty : "@" + compiler.Versions);
                    Report(context, DiagnosticDescriptors.QueryNeverMatches, argument, null, "Compiler", text, facts.ClassName + (root.Name is null ? string.Empty : " for that package"), string.Empty);
                }
            }

            if (root.Hash is string hash && facts.CountPrefix(hash) == 0)
            {
                Report(context, DiagnosticDescriptors.HashNeverMatches, argument, null, facts.ClassName, hash, "matches no spec");
            }
        }

        /// <summary>A target constraint that is one name (ranges, lists, '*' and the host's reserved names are not checked against the catalog's names).</summary>
        private static string? ExactTarget(string? target)
        {
            return target is null || target == "*" || target.IndexOf(':') >= 0 || target.IndexOf(',') >= 0 || QueryHost.IsReservedTarget(target) ? null : target;
        }

        /// <summary>An OS or platform that must be a name of the catalog: not '*' (any set value), not empty, not a reserved name the host resolves.</summary>
        private static string? ArchName(string? value, Func<string, bool> reserved)
        {
            return string.IsNullOrEmpty(value) || value == "*" || reserved(value!) ? null : value;
        }

        private static void CheckHash(OperationAnalysisContext context, CatalogFacts facts, IArgumentOperation argument, string prefix, bool unique)
        {
            int count = prefix.Length == 0 || prefix.Length > CatalogLayout.HashLength ? 0 : facts.CountPrefix(prefix);
            if (count == 0)
            {
                Report(context, DiagnosticDescriptors.HashNeverMatches, argument, null, facts.ClassName, prefix, "matches no spec");
            }
            else if (count > 1 && unique)
            {
                Report(context, DiagnosticDescriptors.HashNeverMatches, argument, null, facts.ClassName, prefix, "starts several hashes, so it is ambiguous and finds nothing");
            }
        }

        /// <summary>SPG0021 for a name the catalog does not have, with the nearest names (and what the code fix needs to use them).</summary>
        private static void ReportName(OperationAnalysisContext context, IArgumentOperation argument, CatalogFacts facts, Dimension dimension, string name, int at)
        {
            IReadOnlyList<string> nearest = facts.Nearest(dimension, name);
            ImmutableDictionary<string, string?>? properties = null;
            if (nearest.Count > 0 && at >= 0)
            {
                properties = ImmutableDictionary<string, string?>.Empty
                    .Add(ReplaceProperty, name)
                    .Add(AtProperty, at.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Add(SuggestionsProperty, string.Join("\n", nearest));
            }

            string didYouMean = nearest.Count == 0 ? string.Empty : "; did you mean " + string.Join(" or ", nearest.Select(n => "'" + n + "'")) + "?";
            Report(context, DiagnosticDescriptors.QueryNeverMatches, argument, properties, dimension.Noun, name, facts.ClassName, didYouMean);
        }

        /// <summary>
        /// The generated class whose catalog <paramref name="receiver"/> is, or null when it cannot be told: the
        /// generated <c>Catalog</c> property itself, or a local, a readonly field or a get-only expression-bodied property
        /// of this file whose only value is one that traces back to it, or a parameter every caller in this file passes
        /// such a value (see <see cref="TraceParameter"/>). Anything assigned elsewhere is not traced.
        /// </summary>
        private static INamedTypeSymbol? Trace(IOperation? receiver, int depth)
        {
            while (receiver is IConversionOperation or IParenthesizedOperation)
            {
                receiver = receiver is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)receiver).Operand;
            }

            if (receiver is null || depth < 0)
            {
                return null;
            }

            SemanticModel? model = receiver.SemanticModel;
            switch (receiver)
            {
                case IPropertyReferenceOperation { Property.Name: GeneratedCode.CatalogProperty } generated when IsGenerated(generated.Property.ContainingType):
                    return generated.Property.ContainingType;
                case IPropertyReferenceOperation property when model is not null:
                    return property.Property.SetMethod is null && !property.Property.IsVirtual && !property.Property.IsAbstract
                        && Declaration<PropertyDeclarationSyntax>(property.Property, receiver) is { ExpressionBody: { } body }
                        ? Trace(model.GetOperation(Unwrap(body.Expression)), depth - 1)
                        : null;
                case ILocalReferenceOperation local when model is not null:
                    return Declaration<VariableDeclaratorSyntax>(local.Local, receiver) is { Initializer: { } initializer } declarator
                        && !IsWrittenAgain(ScopeOf(declarator), local.Local.Name)
                        ? Trace(model.GetOperation(Unwrap(initializer.Value)), depth - 1)
                        : null;
                case IFieldReferenceOperation field when model is not null && field.Field.IsReadOnly:
                    return Declaration<VariableDeclaratorSyntax>(field.Field, receiver) is { Initializer: { } value } fieldDeclarator
                        && field.Field.ContainingType.DeclaringSyntaxReferences.Length == 1
                        && !IsWrittenAgain(fieldDeclarator.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault(), field.Field.Name)
                        ? Trace(model.GetOperation(Unwrap(value.Value)), depth - 1)
                        : null;
                case IParameterReferenceOperation parameter when model is not null:
                    return TraceParameter(parameter, model, depth);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The generated class a parameter's value always traces to: a parameter (not ref, out or params, never assigned)
        /// of a local function, or of a private, non-generic method of a type declared in this one file, every use of
        /// which in the file is a call whose argument traces to the same generated class. Any other use (a method group,
        /// a default argument, a call from elsewhere) leaves it untraced.
        /// </summary>
        private static INamedTypeSymbol? TraceParameter(IParameterReferenceOperation reference, SemanticModel model, int depth)
        {
            IParameterSymbol parameter = reference.Parameter;
            if (parameter.ContainingSymbol is not IMethodSymbol method || parameter.RefKind != RefKind.None || parameter.IsParams || method.IsGenericMethod
                || !(method.MethodKind == MethodKind.LocalFunction
                    || (method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Private && method.ContainingType.DeclaringSyntaxReferences.Length == 1)))
            {
                return null;
            }

            SyntaxTree tree = reference.Syntax.SyntaxTree;
            if (method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != tree
                || IsWrittenAgain(method.DeclaringSyntaxReferences[0].GetSyntax(), parameter.Name))
            {
                return null;
            }

            INamedTypeSymbol? found = null;
            foreach (IdentifierNameSyntax name in tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != method.Name)
                {
                    continue;
                }

                SymbolInfo info = model.GetSymbolInfo(name);
                if (!SymbolEqualityComparer.Default.Equals(info.Symbol?.OriginalDefinition, method))
                {
                    if (info.Symbol is null && info.CandidateSymbols.Any(c => SymbolEqualityComparer.Default.Equals(c.OriginalDefinition, method)))
                    {
                        return null;
                    }

                    continue;
                }

                SyntaxNode callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                if (callee.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != callee
                    || model.GetOperation(invocation) is not IInvocationOperation call)
                {
                    return null;
                }

                IArgumentOperation? argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
                INamedTypeSymbol? traced = argument is null || argument.ArgumentKind != ArgumentKind.Explicit ? null : Trace(argument.Value, depth - 1);
                if (traced is null || (found is not null && !SymbolEqualityComparer.Default.Equals(found, traced)))
                {
                    return null;
                }

                found = traced;
            }

            return found;
        }

        /// <summary>Where a local can be written: its block, or the file when it is declared in top-level statements.</summary>
        private static SyntaxNode? ScopeOf(VariableDeclaratorSyntax declarator)
        {
            return (SyntaxNode?)declarator.Ancestors().OfType<BlockSyntax>().FirstOrDefault()
                ?? (declarator.Ancestors().OfType<GlobalStatementSyntax>().Any() ? declarator.SyntaxTree.GetRoot() : null);
        }

        /// <summary>The expression inside parentheses (C# has no operation for them).</summary>
        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression;
        }

        /// <summary>The one declaration of <paramref name="symbol"/> when it is in the file of <paramref name="use"/> (others have no semantic model here).</summary>
        private static T? Declaration<T>(ISymbol symbol, IOperation use)
            where T : SyntaxNode
        {
            return symbol.DeclaringSyntaxReferences.Length == 1 && symbol.DeclaringSyntaxReferences[0].SyntaxTree == use.Syntax.SyntaxTree
                ? symbol.DeclaringSyntaxReferences[0].GetSyntax() as T
                : null;
        }

        /// <summary>True when <paramref name="scope"/> assigns <paramref name="name"/> or passes it by reference (so its declaration is not its only value).</summary>
        private static bool IsWrittenAgain(SyntaxNode? scope, string name)
        {
            if (scope is null)
            {
                return true;
            }

            foreach (IdentifierNameSyntax identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                SyntaxNode target = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                if ((target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target)
                    || (target.Parent is ArgumentSyntax argument && !argument.RefKindKeyword.IsKind(SyntaxKind.None)))
                {
                    return true;
                }
            }

            return false;
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

        private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, IArgumentOperation argument, ImmutableDictionary<string, string?>? properties, params object[] args)
        {
            context.ReportDiagnostic(Diagnostic.Create(descriptor, argument.Value.Syntax.GetLocation(), properties, args));
        }
    }
}
