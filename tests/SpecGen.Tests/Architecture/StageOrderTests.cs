using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Architecture
{
    /// <summary>
    /// The generator's stages only call forward: Parsing (text to YAML tree) knows no later stage, Pages (one page's
    /// checks) uses Parsing, Catalog (checks across pages) sees pages only as models, Emit (writers) sees only models;
    /// the root namespace wires them and nothing uses it. Read from the source with Roslyn's semantic model, so every
    /// reference counts: types in signatures and bodies, members, constants (which IL inlines) and <c>nameof</c>.
    /// Every SpecGen namespace the generator declares must be in the table, and the table has no cycle.
    /// </summary>
    public class StageOrderTests
    {
        private const string Root = "SpecGen.Generator";
        private const string Format = "SpecGen.Format";
        private const string Common = Root + ".Common";
        private const string Diagnostics = Root + ".Diagnostics";
        private const string Model = Root + ".Model";
        private const string Parsing = Root + ".Parsing";
        private const string Pages = Root + ".Pages";
        private const string Catalog = Root + ".Catalog";
        private const string Emit = Root + ".Emit";
        private const string Analysis = Root + ".Analysis";
        private const string Lockfiles = Root + ".Lockfiles";

        /// <summary>For each namespace, the SpecGen namespaces its code may use besides its own (the BCL, Roslyn and YamlDotNet are always allowed).</summary>
        internal static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
        {
            [Format] = Array.Empty<string>(),
            [Common] = new[] { Format },
            [Diagnostics] = new[] { Format, Common },
            [Model] = new[] { Format, Common, Diagnostics },
            [Parsing] = new[] { Format, Common, Diagnostics, Model },
            [Pages] = new[] { Format, Common, Diagnostics, Model, Parsing },
            [Catalog] = new[] { Format, Common, Diagnostics, Model },
            [Emit] = new[] { Format, Common, Model },
            [Analysis] = new[] { Format, Common, Diagnostics },
            [Lockfiles] = new[] { Format, Common, Diagnostics, Model },
            [Root] = new[] { Format, Common, Diagnostics, Model, Parsing, Pages, Catalog, Emit, Analysis, Lockfiles },
        };

        private static readonly Lazy<CSharpCompilation> Generator = new Lazy<CSharpCompilation>(() => SourceCompilation.Compile("SpecGen.Generator", SourceCompilation.Sources("Generator", "Shared")));

        [Fact]
        public void The_generator_sources_compile_in_memory()
        {
            Assert.Equal(string.Empty, SourceCompilation.Errors(Generator.Value));
        }

        [Fact]
        public void Each_stage_uses_only_the_stages_before_it_and_the_models()
        {
            List<string> violations = Violations(Generator.Value, Generator.Value.SyntaxTrees, Allowed, out int checkedReferences);

            Assert.True(checkedReferences > 1000, "Too few cross-namespace references were found: " + checkedReferences);
            Assert.Empty(violations);
        }

        [Fact]
        public void Every_namespace_of_the_table_exists()
        {
            HashSet<string> declared = Generator.Value.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>()).Select(n => n.Name.ToString()).ToHashSet();
            Assert.All(Allowed.Keys, ns => Assert.Contains(ns, declared));
        }

        [Fact]
        public void The_table_has_no_cycle()
        {
            Assert.Null(Cycle(Allowed));
        }

        [Fact]
        public void A_cycle_in_the_table_is_found()
        {
            var table = Allowed.ToDictionary(p => p.Key, p => p.Value);
            table[Diagnostics] = table[Diagnostics].Append(Model).ToArray();

            Assert.Equal(new[] { Diagnostics, Model, Diagnostics }, Cycle(table));
        }

        /// <summary>Backward references of each kind the IL-only test missed, added to the real sources: each must be found.</summary>
        [Theory]
        [InlineData(Analysis, "static object M() => typeof(SpecGen.Generator.Pages.PageReader);", Pages)]
        [InlineData(Emit, "static object M() => typeof(SpecGen.Generator.CatalogPipeline);", Root)]
        [InlineData(Parsing, "const string N = nameof(SpecGen.Generator.Pages.PageReader);", Pages)]
        [InlineData(Diagnostics, "static string M(SpecGen.Generator.Model.PageModel page) => page.Package;", Model)]
        [InlineData("SpecGen.Generator.Extras", "static int M() => 1;", null)]
        public void A_backward_reference_is_found(string from, string member, string? to)
        {
            SyntaxTree probe = CSharpSyntaxTree.ParseText("namespace " + from + " { internal static class Probe { " + member + " } }", new CSharpParseOptions(LanguageVersion.Latest), "Probe.cs");
            CSharpCompilation compilation = Generator.Value.AddSyntaxTrees(probe);
            Assert.Equal(string.Empty, SourceCompilation.Errors(compilation));

            List<string> violations = Violations(compilation, new[] { probe }, Allowed, out _);

            string expected = to is null ? "namespace " + from + " is not in the stage table" : "(" + from + ") uses ";
            Assert.Contains(violations, v => v.Contains(expected, StringComparison.Ordinal) && (to is null || v.EndsWith("(" + to + ")", StringComparison.Ordinal)));
        }

        /// <summary>Every reference from a SpecGen namespace to another one that the table does not allow, and every SpecGen namespace the table does not list.</summary>
        private static List<string> Violations(Compilation compilation, IEnumerable<SyntaxTree> trees, IReadOnlyDictionary<string, string[]> allowed, out int checkedReferences)
        {
            var violations = new SortedSet<string>(StringComparer.Ordinal);
            checkedReferences = 0;
            foreach (SyntaxTree tree in trees)
            {
                SemanticModel model = compilation.GetSemanticModel(tree);
                foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
                {
                    if (node is BaseNamespaceDeclarationSyntax declaration && declaration.Name.ToString().StartsWith("SpecGen", StringComparison.Ordinal) && !allowed.ContainsKey(declaration.Name.ToString()))
                    {
                        violations.Add("namespace " + declaration.Name + " is not in the stage table");
                    }

                    if (node is not ExpressionSyntax || node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() is not { } enclosing)
                    {
                        continue;
                    }

                    string from = enclosing.Name.ToString();
                    if (!from.StartsWith("SpecGen", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    SymbolInfo symbol = model.GetSymbolInfo(node);
                    TypeInfo type = model.GetTypeInfo(node);
                    var used = new List<ISymbol?> { symbol.Symbol, type.Type, type.ConvertedType };
                    used.AddRange(symbol.CandidateSymbols);
                    foreach (string target in used.SelectMany(NamespacesOf).Distinct())
                    {
                        if (!target.StartsWith("SpecGen", StringComparison.Ordinal) || target == from)
                        {
                            continue;
                        }

                        checkedReferences++;
                        if (!allowed.TryGetValue(from, out string[]? ok) || !ok.Contains(target))
                        {
                            violations.Add(tree.FilePath + ": " + node + " (" + from + ") uses " + (symbol.Symbol ?? type.Type)?.ToDisplayString() + " (" + target + ")");
                        }
                    }
                }
            }

            return violations.ToList();
        }

        /// <summary>The namespaces a symbol belongs to: its own, or its type's, with element types and type arguments.</summary>
        private static IEnumerable<string> NamespacesOf(ISymbol? symbol)
        {
            switch (symbol)
            {
                case null:
                case INamespaceSymbol:
                case ITypeParameterSymbol:
                    yield break;
                case IArrayTypeSymbol array:
                    foreach (string ns in NamespacesOf(array.ElementType))
                    {
                        yield return ns;
                    }

                    yield break;
                case INamedTypeSymbol named:
                    foreach (ITypeSymbol argument in named.TypeArguments.Where(a => !SymbolEqualityComparer.Default.Equals(a, named)))
                    {
                        foreach (string ns in NamespacesOf(argument))
                        {
                            yield return ns;
                        }
                    }

                    INamedTypeSymbol outer = named.OriginalDefinition;
                    while (outer.ContainingType is not null)
                    {
                        outer = outer.ContainingType;
                    }

                    yield return outer.ContainingNamespace.ToDisplayString();
                    yield break;
                case IMethodSymbol method when method.ReducedFrom is not null:
                    foreach (string ns in NamespacesOf(method.ReducedFrom.ContainingType))
                    {
                        yield return ns;
                    }

                    yield break;
                default:
                    foreach (string ns in NamespacesOf(symbol.ContainingType))
                    {
                        yield return ns;
                    }

                    yield break;
            }
        }

        /// <summary>A cycle in the table (its namespaces, the first repeated at the end), or null when it has none.</summary>
        private static string[]? Cycle(IReadOnlyDictionary<string, string[]> table)
        {
            var state = new Dictionary<string, int>();
            var path = new List<string>();
            string[]? Visit(string ns)
            {
                state.TryGetValue(ns, out int seen);
                if (seen == 1)
                {
                    return path.Skip(path.IndexOf(ns)).Append(ns).ToArray();
                }

                if (seen == 2)
                {
                    return null;
                }

                state[ns] = 1;
                path.Add(ns);
                foreach (string next in table.TryGetValue(ns, out string[]? uses) ? uses : Array.Empty<string>())
                {
                    if (Visit(next) is string[] cycle)
                    {
                        return cycle;
                    }
                }

                path.RemoveAt(path.Count - 1);
                state[ns] = 2;
                return null;
            }

            foreach (string ns in table.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (Visit(ns) is string[] cycle)
                {
                    return cycle;
                }
            }

            return null;
        }
    }
}
