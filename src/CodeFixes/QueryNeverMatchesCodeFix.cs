using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SpecGen.CodeFixes
{
    /// <summary>
    /// SPG0021 "did you mean": replaces the unknown name in the string literal (a <c>Where</c>/<c>Diff</c> argument, or
    /// the name inside a query) with one of the nearest names the analyzer found, one code action per name.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QueryNeverMatchesCodeFix))]
    [Shared]
    public sealed class QueryNeverMatchesCodeFix : CodeFixProvider
    {
        // The analyzer's diagnostic properties (SpecGen.Generator.Analysis.CatalogUsageAnalyzer).
        private const string ReplaceProperty = "SpecGen.Replace";
        private const string AtProperty = "SpecGen.At";
        private const string SuggestionsProperty = "SpecGen.Suggestions";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("SPG0021");

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                    || !diagnostic.Properties.TryGetValue(ReplaceProperty, out string? replace) || replace is null
                    || !diagnostic.Properties.TryGetValue(AtProperty, out string? atText) || !int.TryParse(atText, NumberStyles.None, CultureInfo.InvariantCulture, out int at)
                    || !diagnostic.Properties.TryGetValue(SuggestionsProperty, out string? suggestions) || suggestions is null)
                {
                    continue;
                }

                string value = literal.Token.ValueText;
                if (at + replace.Length > value.Length || string.CompareOrdinal(value, at, replace, 0, replace.Length) != 0)
                {
                    continue;
                }

                foreach (string suggestion in suggestions.Split('\n'))
                {
                    string fixedValue = value.Substring(0, at) + suggestion + value.Substring(at + replace.Length);
                    context.RegisterCodeFix(
                        CodeAction.Create("Use '" + suggestion + "'", token => Replace(context.Document, literal, fixedValue, token), equivalenceKey: "SPG0021:" + suggestion),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> Replace(Document document, LiteralExpressionSyntax literal, string value, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            LiteralExpressionSyntax replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).WithTriviaFrom(literal);
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }
    }
}
