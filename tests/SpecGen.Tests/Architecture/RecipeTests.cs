using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using SpecGen.Format;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Architecture
{
    /// <summary>
    /// CONTRIBUTING.md's recipes, followed literally on a copy of the sources: a field of every kind, optional and
    /// required, goes in by exactly the recipe's edits (<see cref="Recipe"/>), and the copy is built, its generator
    /// run over pages that have each value, lack it, write it null and (free text) write it empty, and its catalog
    /// read back through the new properties, on one catalog and on a combined one, with the new filters and the
    /// analyzer. Expectations come from the pages' JSON. Leaving out any one step fails: the steps are needed and
    /// together sufficient.
    /// </summary>
    public class RecipeTests
    {
        /// <summary>The fields of the first build: every kind optional and required; of the kinds that hold names, one each (a filter holds at most eight kinds of names).</summary>
        private static readonly RecipeField[] First = Enum.GetValues<FieldKind>()
            .SelectMany(k => new[] { new RecipeField(k, false), new RecipeField(k, true) })
            .Where(f => !(f.Kind == FieldKind.Name && f.Required) && !(f.Kind == FieldKind.NameList && !f.Required))
            .ToArray();

        /// <summary>The fields of the second build: the kinds that hold names, the other way round.</summary>
        private static readonly RecipeField[] Second = { new RecipeField(FieldKind.Name, true), new RecipeField(FieldKind.NameList, false) };

        public static TheoryData<string> Steps => new TheoryData<string> { "SpecFields row", "Spec property", "PublicAPI lines", "Dimensions row", "Where parameter", "Where line", "names property" };

        [Fact]
        public void A_field_of_every_kind_optional_and_required_goes_in_by_the_recipe()
        {
            Check(First);
            Check(Second);
        }

        [Theory]
        [MemberData(nameof(Steps))]
        public void Each_step_of_the_recipe_is_needed(string omitted)
        {
            ScratchBuild sources = ScratchBuild.FromRepository();
            foreach (RecipeField field in First)
            {
                Recipe.Apply(sources, field, omitted);
            }

            ScratchBuild.Compiled? compiled = sources.Compile(out string errors);
            if (compiled is null)
            {
                // A compile error, or a public API finding (the build treats warnings as errors).
                Assert.Matches("error CS|warning RS00", errors);
                return;
            }

            (string outputErrors, _, string? output) = compiled.Run(Pages(First), Probe(First));
            Assert.True(outputErrors.Length > 0 || output != Expected(First), "Without the step '" + omitted + "' the recipe still worked: the step is not needed.");
        }

        private static void Check(RecipeField[] fields)
        {
            ScratchBuild sources = ScratchBuild.FromRepository();
            foreach (RecipeField field in fields)
            {
                Recipe.Apply(sources, field, omitted: null);
            }

            ScratchBuild.Compiled compiled = sources.Compile(out string errors) ?? throw new Xunit.Sdk.XunitException("The recipe's edits do not compile:\n" + errors);
            (string outputErrors, System.Collections.Immutable.ImmutableArray<Diagnostic> analyzer, string? output) = compiled.Run(Pages(fields), Probe(fields));

            Assert.Equal(string.Empty, outputErrors);
            Assert.Equal(Expected(fields), output);

            // The analyzer knows each new filter: an unknown name is SPG0021 at its literal, a known one is quiet.
            string[] filters = fields.Where(f => f.HoldsNames).Select(f => f.Key).ToArray();
            Assert.Equal(
                filters.Select(f => "SPG0021 " + f).OrderBy(s => s, StringComparer.Ordinal),
                analyzer.Where(d => d.Id == "SPG0021").Select(d => "SPG0021 " + Parameter(d)).OrderBy(s => s, StringComparer.Ordinal));
            Assert.DoesNotContain(analyzer, d => d.Id != "SPG0021" && d.Severity >= DiagnosticSeverity.Warning);
        }

        private static string Parameter(Diagnostic diagnostic)
        {
            string line = diagnostic.Location.SourceTree!.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString();
            int colon = line.IndexOf(": \"nosuch\"", StringComparison.Ordinal);
            return colon < 0 ? line : line.Substring(line.LastIndexOf('(', colon) + 1, colon - line.LastIndexOf('(', colon) - 1);
        }

        /// <summary>The zlib page (three specs) with the new keys: spec 0 has every value A, spec 1 lacks the optional keys (required: value B), spec 2 writes them null (free text: empty).</summary>
        private static TestPage[] Pages(RecipeField[] fields)
        {
            TestPage zlib = TestPaths.CorpusPage("develop-2025-04-20", "zlib");
            string line = zlib.Text.Split('\n').Single(l => l.StartsWith("spec_details: ", StringComparison.Ordinal));
            JsonArray specs = JsonNode.Parse(line.Substring("spec_details: ".Length))!.AsArray();
            for (int i = 0; i < specs.Count; i++)
            {
                JsonObject spec = specs[i]!.AsObject();
                string hash = (string)spec["hash"]!;
                foreach (RecipeField field in fields)
                {
                    if (i == 0 || field.Required)
                    {
                        spec[field.Key] = field.Value(i == 1 ? 'B' : 'A', hash);
                    }
                    else if (i == 2)
                    {
                        spec[field.Key] = field.Kind == FieldKind.Text ? JsonValue.Create(string.Empty) : null;
                    }
                }
            }

            string edited = zlib.Text.Replace(line, "spec_details: " + specs.ToJsonString(), StringComparison.Ordinal);
            return new[] { TestPage.Create("develop-2025-04-20", "zlib", edited) };
        }

        /// <summary>What the probe must print, from the pages' JSON alone.</summary>
        private static string Expected(RecipeField[] fields)
        {
            TestPage page = Pages(fields)[0];
            List<Dictionary<string, JsonElement>> specs = PageOracle.ReadRaw(page.Text);
            var text = new StringBuilder();
            foreach (Dictionary<string, JsonElement> spec in specs)
            {
                text.Append(spec["hash"].GetString());
                foreach (RecipeField field in fields)
                {
                    text.Append(' ').Append(field.Key).Append('=').Append(RecipeField.Render(field.Kind, spec.TryGetValue(field.Key, out JsonElement value) ? value : default));
                }

                text.Append('\n');
            }

            foreach (RecipeField field in fields.Where(f => f.HoldsNames))
            {
                var names = new SortedSet<string>(StringComparer.Ordinal);
                foreach (Dictionary<string, JsonElement> spec in specs)
                {
                    names.UnionWith(RecipeField.Names(spec, field.Key));
                }

                text.Append(field.Key).Append(" names: ").Append(string.Join(",", names)).Append('\n');
                foreach (string name in names.Append("nosuch"))
                {
                    int count = specs.Count(s => RecipeField.Names(s, field.Key).Contains(name));
                    text.Append(field.Key).Append('=').Append(name).Append(": ").Append(count.ToString(CultureInfo.InvariantCulture)).Append(" in one, ").Append((2 * count).ToString(CultureInfo.InvariantCulture)).Append(" combined\n");
                }
            }

            return text.ToString();
        }

        /// <summary>A consumer of the copied catalog: every new property of every spec, every new filter on one catalog and on the catalog combined with itself, and the literals the analyzer must judge.</summary>
        private static string Probe(RecipeField[] fields)
        {
            var text = new StringBuilder();
            text.Append("using System.Linq;\nusing SpecGen;\npublic static class Probe\n{\n");
            text.Append("    static string Show(object? value) => value switch { null => \"(absent)\", string s => \"\\\"\" + s + \"\\\"\", Compiler c => \"compiler:\" + c.Text, SpackVersion v => \"version:\" + v, NameList l => \"[\" + string.Join(\", \", l) + \"]\", VariantList l => \"[\" + string.Join(\", \", l.Select(x => x.Text)) + \"]\", _ => \"?\" + value };\n");
            text.Append("    public static string Run()\n    {\n        var text = new System.Text.StringBuilder();\n        SpecCatalog one = Consumer.SpackCache.Catalog;\n        SpecCatalog combined = SpecCatalog.Combine(one, one);\n");
            text.Append("        foreach (Spec spec in one)\n        {\n            text.Append(spec.Hash);\n");
            foreach (RecipeField field in fields)
            {
                text.Append("            text.Append(\" ").Append(field.Key).Append("=\").Append(Show(spec.").Append(field.Member).Append("));\n");
            }

            text.Append("            text.Append('\\n');\n        }\n");
            foreach (RecipeField field in fields.Where(f => f.HoldsNames))
            {
                text.Append("        text.Append(\"").Append(field.Key).Append(" names: \").Append(string.Join(\",\", one.").Append(field.Member).Append("s)).Append('\\n');\n");
                text.Append("        foreach (string name in one.").Append(field.Member).Append("s.Append(\"nosuch\"))\n");
                text.Append("            text.Append(\"").Append(field.Key).Append("=\" + name + \": \" + one.Where(").Append(field.Key).Append(": name).Count() + \" in one, \" + combined.Where(").Append(field.Key).Append(": name).Count() + \" combined\\n\");\n");
            }

            text.Append("        return text.ToString();\n    }\n\n    static void Literals()\n    {\n");
            foreach (RecipeField field in fields.Where(f => f.HoldsNames))
            {
                text.Append("        Consumer.SpackCache.Catalog.Where(").Append(field.Key).Append(": \"nosuch\");\n");
                text.Append("        Consumer.SpackCache.Catalog.Where(").Append(field.Key).Append(": Consumer.SpackCache.").Append(field.Member).Append("s.").Append(field.Kind == FieldKind.Name ? "Small" : "Alpha").Append(");\n");
            }

            text.Append("    }\n}\n");
            return text.ToString();
        }

        /// <summary>A field the recipe adds: key <c>sg_&lt;kind&gt;_opt</c> or <c>_req</c>, its property, and for the kinds that hold names its kind of name (parameter = key).</summary>
        internal sealed record RecipeField(FieldKind Kind, bool Required)
        {
            public string Key => "sg_" + Kind.ToString().ToLowerInvariant() + (Required ? "_req" : "_opt");

            public string Member => "Sg" + Kind + (Required ? "Req" : "Opt");

            public bool HoldsNames => Kind is FieldKind.Name or FieldKind.NameList;

            public string TypeName => Kind + "Field";

            /// <summary>The page value A or B of the kind (a URL holds the spec's hash in A).</summary>
            public JsonNode Value(char which, string hash)
            {
                bool a = which == 'A';
                switch (Kind)
                {
                    case FieldKind.Hash: return a ? "abcdefghijklmnopqrstuvwxyz234567" : "234567abcdefghijklmnopqrstuvwxyz";
                    case FieldKind.Compiler: return a ? "gcc@=12.3.0" : "clang@17.0.1";
                    case FieldKind.Name: return a ? "small" : "large";
                    case FieldKind.NameList: return a ? new JsonArray("alpha", "beta") : new JsonArray("gamma");
                    case FieldKind.Variants: return a ? new JsonArray("+lto", "opt=3") : new JsonArray("~lto");
                    case FieldKind.Version: return a ? new JsonArray("2.1.0") : new JsonArray("1.0");
                    case FieldKind.Size: return a ? JsonValue.Create(4096) : "-";
                    case FieldKind.Url: return a ? "https://example.org/cache/" + hash + ".spack" : "https://example.org/other/file.spack";
                    default: return a ? "free text: with, punctuation" : "second";
                }
            }

            /// <summary>How the probe shows a value, from its JSON (missing or null is absent: null, or for a list kind an empty list).</summary>
            public static string Render(FieldKind kind, JsonElement value)
            {
                if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    return kind is FieldKind.NameList or FieldKind.Variants ? "[]" : "(absent)";
                }

                switch (kind)
                {
                    case FieldKind.Compiler: return "compiler:" + value.GetString();
                    case FieldKind.Version: return "version:" + value[0].GetString();
                    case FieldKind.NameList:
                    case FieldKind.Variants: return "[" + string.Join(", ", value.EnumerateArray().Select(v => v.GetString())) + "]";
                    default: return "\"" + (value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()) + "\"";
                }
            }

            /// <summary>The names a spec has for a field (none when absent).</summary>
            public static string[] Names(Dictionary<string, JsonElement> spec, string key)
            {
                if (!spec.TryGetValue(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
                {
                    return Array.Empty<string>();
                }

                return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.GetString()!).ToArray() : new[] { value.GetString()! };
            }
        }

        /// <summary>The edits CONTRIBUTING.md's recipes make, one method per step, at the places the recipes name.</summary>
        private static class Recipe
        {
            private const string SpecFieldsFile = "src/Shared/Fields/SpecFields.cs";
            private const string DimensionsFile = "src/Shared/Dimensions.cs";
            private const string SpecFile = "src/Runtime/Spec.cs";
            private const string FiltersFile = "src/Runtime/SpecCatalog.Filters.cs";
            private const string CatalogFile = "src/Runtime/SpecCatalog.cs";
            private const string ShippedFile = "src/Runtime/PublicAPI.Shipped.txt";
            private const string UnshippedFile = "src/Runtime/PublicAPI.Unshipped.txt";

            public static void Apply(ScratchBuild sources, RecipeField field, string? omitted)
            {
                if (omitted != "SpecFields row")
                {
                    string names = field.HoldsNames ? ", names: Dimensions." + field.Member : string.Empty;
                    sources.InsertBeforeLine(SpecFieldsFile, "/// <summary>Every spec key", "        public static readonly SpecField " + field.Member + " = new SpecField(\"" + field.Key + "\", " + field.TypeName + ".Instance, required: " + (field.Required ? "true" : "false") + ", \"" + field.Member + "\"" + names + ");\n");
                    sources.AppendToArray(SpecFieldsFile, "public static readonly SpecField[] All = {", field.Member);
                }

                if (omitted != "Spec property")
                {
                    sources.InsertAfterLine(SpecFile, "public string? Tarball => ", "\n        /// <summary>The " + field.Key + " of the spec.</summary>\n        " + Property(field));
                }

                if (omitted != "PublicAPI lines")
                {
                    sources.AppendLines(UnshippedFile, "SpecGen.Spec." + field.Member + ".get -> " + ApiType(field));
                    if (field.HoldsNames)
                    {
                        sources.AppendLines(UnshippedFile, "SpecGen.SpecCatalog." + field.Member + "s.get -> SpecGen.NameList");
                        NewWhereLine(sources, field);
                    }
                }

                if (!field.HoldsNames)
                {
                    return;
                }

                if (omitted != "Dimensions row")
                {
                    sources.InsertBeforeLine(DimensionsFile, "/// <summary>Every kind of name", "        public static readonly Dimension " + field.Member + " = new Dimension(\n            \"" + field.Member + "s\", \"" + field.Key + "\", \"" + field.Key + "\", perPage: false,\n            \"The " + field.Key + " names of the catalog: one constant per name.\"" + (field.Kind == FieldKind.NameList ? ", isList: true" : string.Empty) + ");\n");
                    sources.AppendToArray(DimensionsFile, "public static readonly Dimension[] All = {", field.Member);
                }

                if (omitted != "Where parameter")
                {
                    sources.AppendParameter(FiltersFile, "public SpecQuery Where(string? package", "string? " + field.Key + " = null");
                }

                if (omitted != "Where line" && omitted != "Where parameter")
                {
                    sources.InsertBeforeLine(FiltersFile, "return WhereNames(names);", "            names[Dimensions." + field.Member + "] = " + field.Key + ";");
                }

                if (omitted != "names property")
                {
                    sources.InsertAfterLine(CatalogFile, "public NameList Platforms => Names(Dimensions.Platform);", "\n        /// <summary>The " + field.Key + " names, sorted ordinally.</summary>\n        public NameList " + field.Member + "s => Names(Dimensions." + field.Member + ");");
                }
            }

            /// <summary>Where gains a parameter: its line in PublicAPI.Unshipped.txt is replaced (the first time, the shipped one is marked *REMOVED*).</summary>
            private static void NewWhereLine(ScratchBuild sources, RecipeField field)
            {
                const string Where = "SpecGen.SpecCatalog.Where(";
                string[] lines = sources.Text(UnshippedFile).TrimEnd('\n').Split('\n');
                string? current = lines.FirstOrDefault(l => l.StartsWith(Where, StringComparison.Ordinal));
                if (current is null)
                {
                    current = sources.Text(ShippedFile).Split('\n').Single(l => l.StartsWith(Where, StringComparison.Ordinal));
                    lines = lines.Append("*REMOVED*" + current).ToArray();
                }

                string updated = current.Replace(") -> SpecGen.SpecQuery", ", string? " + field.Key + " = null) -> SpecGen.SpecQuery", StringComparison.Ordinal);
                sources.Write(UnshippedFile, string.Join("\n", lines.Where(l => l != current).Append(updated)) + "\n");
            }

            /// <summary>The property's type as PublicAPI.*.txt writes it.</summary>
            private static string ApiType(RecipeField field)
            {
                switch (field.Kind)
                {
                    case FieldKind.Version: return "SpecGen.SpackVersion" + (field.Required ? string.Empty : "?");
                    case FieldKind.Compiler: return "SpecGen.Compiler" + (field.Required ? string.Empty : "?");
                    case FieldKind.NameList: return "SpecGen.NameList";
                    case FieldKind.Variants: return "SpecGen.VariantList";
                    default: return field.Required ? "string!" : "string?";
                }
            }

            /// <summary>The property line of CONTRIBUTING.md's table, by kind.</summary>
            private static string Property(RecipeField field)
            {
                string accessor = "(SpecFields." + field.Member + ", Index)";
                switch (field.Kind)
                {
                    case FieldKind.Version:
                        return field.Required ? "public SpackVersion " + field.Member + " => Catalog.VersionOf" + accessor + "!.Value;" : "public SpackVersion? " + field.Member + " => Catalog.VersionOf" + accessor + ";";
                    case FieldKind.Compiler:
                        return field.Required ? "public Compiler " + field.Member + " => Catalog.CompilerOf" + accessor + "!.Value;" : "public Compiler? " + field.Member + " => Catalog.CompilerOf" + accessor + ";";
                    case FieldKind.NameList:
                        return "public NameList " + field.Member + " => Catalog.NamesOf" + accessor + ";";
                    case FieldKind.Variants:
                        return "public VariantList " + field.Member + " => Catalog.VariantsOf" + accessor + ";";
                    default:
                        return field.Required ? "public string " + field.Member + " => Catalog.TextOf" + accessor + "!;" : "public string? " + field.Member + " => Catalog.TextOf" + accessor + ";";
                }
            }
        }
    }
}
