using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using SpecGen.Format;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Infrastructure.PageEdit;

namespace SpecGen.Tests.Architecture
{
    /// <summary>
    /// The field schema (SpecFields, Dimensions) drives the reader, the encoder, the runtime and the filters. These
    /// tests walk CONTRIBUTING.md's recipe for every row, so a row added to the schema is checked end to end: the page
    /// key is required or optional as declared, the value comes back from the Spec property the row names exactly as
    /// the page writes it, and a filterable row is a Where parameter that filters as LINQ does.
    /// </summary>
    public class SchemaTests : IClassFixture<CorpusCatalogFixture>
    {
        private readonly CorpusCatalogFixture _corpus;

        public SchemaTests(CorpusCatalogFixture corpus)
        {
            _corpus = corpus;
        }

        [Fact]
        public void The_tables_are_consistent()
        {
            Assert.Equal(Enumerable.Range(0, SpecFields.All.Length), SpecFields.All.Select(f => f.Ordinal));
            Assert.Equal(Enumerable.Range(0, Dimensions.All.Length), Dimensions.All.Select(d => d.Index));
            Assert.Equal(SpecFields.All.Where(f => f.Required).OrderBy(f => f.Key, StringComparer.Ordinal), SpecFields.Required);
            Assert.True(Dimensions.All.Length <= DimensionFilter.Capacity);
            Section[] columns = SpecFields.All.SelectMany(f => Enumerable.Range(0, f.Type.Columns).Select(f.Column))
                .Concat(Dimensions.All.Select(d => d.Names))
                .Concat(Dimensions.All.Where(d => d.PerPage).Select(d => d.Column))
                .Concat(Dimensions.All.Where(d => d.IsList).SelectMany(d => new[] { d.ListStart, d.ListItems }))
                .ToArray();
            Assert.Equal(columns.Length, columns.Distinct().Count());
            Assert.Equal(TableLayout.Count, TableLayout.FixedCount + columns.Length);
            Assert.All(columns, c => Assert.InRange((int)c, TableLayout.FixedCount, TableLayout.Count - 1));
            Assert.All(SpecFields.All.Where(f => f.Kind is FieldKind.Name or FieldKind.NameList), f => Assert.NotNull(f.Names));
            Assert.All(SpecFields.All.Where(f => f.Names is not null), f => Assert.Equal(f.Column(), f.Names!.Column));
            Assert.All(Dimensions.All.Where(d => !d.PerPage), d => Assert.Same(d, d.Field!.Names));
            Assert.Equal(PageKeys.MetaKeys.OrderBy(k => k, StringComparer.Ordinal), PageKeys.MetaKeys);
        }

        [Fact]
        public void Every_field_comes_back_from_its_accessor_as_the_page_writes_it()
        {
            int compared = 0;
            foreach ((TestPage page, int i, Dictionary<string, JsonElement> raw, Spec entry) in PageSpecs())
            {
                foreach (SpecField field in SpecFields.All)
                {
                    PropertyInfo? accessor = typeof(Spec).GetProperty(field.Accessor);
                    Assert.True(accessor is not null, "Spec has no property " + field.Accessor + " for the field " + field.Key);
                    string? expected = raw.TryGetValue(field.Key, out JsonElement value) ? PageText(field.Kind, value) : null;
                    string? actual = AccessorText(field.Kind, accessor!.GetValue(entry));
                    Assert.True(expected == actual, $"{page.Path} spec {i} field {field.Key}: page '{expected}', catalog '{actual}'");
                    compared++;
                }
            }

            Assert.True(compared > 4000, "compared " + compared);
        }

        /// <summary>
        /// The generic text of every field (what the analyzer and generic access read: <c>FieldType.Describe</c>) is the
        /// page's value: a string as written, a list as <c>[a, b]</c>, the one version of <c>versions</c>, absent as null.
        /// </summary>
        [Fact]
        public void Every_field_is_described_as_the_page_writes_it()
        {
            int lists = 0;
            foreach ((TestPage page, int i, Dictionary<string, JsonElement> raw, Spec entry) in PageSpecs())
            {
                foreach (SpecField field in SpecFields.All)
                {
                    string? expected = null;
                    if (raw.TryGetValue(field.Key, out JsonElement value) && value.ValueKind != JsonValueKind.Null)
                    {
                        string[]? items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(e => e.GetString()!).ToArray() : null;
                        expected = items is null ? (value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString())
                            : field.Kind == FieldKind.Version ? Assert.Single(items)
                            : "[" + string.Join(", ", items) + "]";
                        lists += items is null || items.Length < 2 ? 0 : 1;
                    }

                    string? actual = entry.Catalog.TextOf(field, entry.Index);
                    Assert.True(expected == actual, $"{page.Path} spec {i} field {field.Key}: page '{expected}', described '{actual}'");
                }
            }

            Assert.True(lists > 500, "lists of two or more items: " + lists);
        }

        [Fact]
        public void Required_fields_are_required_and_optional_ones_are_not()
        {
            string line = Zlib.Text.Split('\n').Single(l => l.StartsWith("spec_details: ", StringComparison.Ordinal));
            foreach (SpecField field in SpecFields.All)
            {
                List<Dictionary<string, JsonElement>> specs = PageOracle.ReadRaw(Zlib.Text);
                specs[0].Remove(field.Key);
                string edited = "spec_details: " + JsonSerializer.Serialize(specs);
                TestPage page = Zlib with { Text = Zlib.Text.Replace(line, edited, StringComparison.Ordinal) };
                string[] missing = Find("SPG0003", page).Select(d => d.GetMessage()).ToArray();
                if (field.Required)
                {
                    Assert.Equal("Required key '" + field.Key + "' is missing from spec_details[0]", Assert.Single(missing));
                }
                else
                {
                    Assert.Empty(missing);
                }
            }
        }

        [Fact]
        public void Every_kind_of_name_is_a_where_parameter_that_filters_as_linq_does()
        {
            ParameterInfo[] parameters = typeof(SpecCatalog).GetMethod(nameof(SpecCatalog.Where))!.GetParameters();
            Assert.Equal(Dimensions.All.Select(d => d.Parameter).OrderBy(p => p), parameters.Select(p => p.Name!).OrderBy(p => p));
            foreach (Dimension dimension in Dimensions.All)
            {
                PropertyInfo names = typeof(SpecCatalog).GetProperty(dimension.ClassName)!;
                var values = ((IEnumerable<string>)names.GetValue(_corpus.Catalog)!).ToArray();
                Assert.NotEmpty(values);
                foreach (string value in values)
                {
                    object?[] arguments = parameters.Select(p => p.Name == dimension.Parameter ? value : null).ToArray();
                    var filtered = (IEnumerable<Spec>)typeof(SpecCatalog).GetMethod(nameof(SpecCatalog.Where))!.Invoke(_corpus.Catalog, arguments)!;
                    int[] expected = _corpus.Catalog.Where(s => NamesOf(dimension, s).Contains(value)).Select(s => s.Index).ToArray();
                    Assert.NotEmpty(expected);
                    Assert.Equal(expected, filtered.Select(s => s.Index).ToArray());
                }
            }
        }

        /// <summary>
        /// The same on a combined catalog (the corpus split by snapshot tag into three catalogs): every filter and every
        /// name, plus a name no part has, selects what LINQ selects over the combined entries, so no filter is dropped on
        /// the way to the parts.
        /// </summary>
        [Fact]
        public void Every_where_parameter_filters_a_combined_catalog_as_linq_does()
        {
            SpecCatalog combined = SpecCatalog.Combine(InMemoryCatalog.PerTag(_corpus.Pages));
            MethodInfo where = typeof(SpecCatalog).GetMethod(nameof(SpecCatalog.Where))!;
            ParameterInfo[] parameters = where.GetParameters();
            int checkedNames = 0;
            foreach (Dimension dimension in Dimensions.All)
            {
                var values = ((IEnumerable<string>)typeof(SpecCatalog).GetProperty(dimension.ClassName)!.GetValue(combined)!).Append("no-such-name").ToArray();
                foreach (string value in values)
                {
                    object?[] arguments = parameters.Select(p => p.Name == dimension.Parameter ? value : null).ToArray();
                    string[] filtered = ((IEnumerable<Spec>)where.Invoke(combined, arguments)!).Select(Identity).ToArray();
                    string[] expected = combined.Where(s => NamesOf(dimension, s).Contains(value)).Select(Identity).ToArray();
                    Assert.Equal(value == "no-such-name", expected.Length == 0);
                    Assert.Equal(expected, filtered);
                    checkedNames++;
                }
            }

            Assert.True(checkedNames > 40, "checked " + checkedNames);
        }

        /// <summary>Every row is reachable: each field's accessor is a property of Spec, each kind of name has its sorted list on SpecCatalog.</summary>
        [Fact]
        public void Every_row_has_its_property()
        {
            Assert.All(SpecFields.All, f => Assert.NotNull(typeof(Spec).GetProperty(f.Accessor)));
            Assert.All(Dimensions.All, d => Assert.Equal(typeof(NameList), typeof(SpecCatalog).GetProperty(d.ClassName)?.PropertyType));
        }

        /// <summary>Each spec of each corpus page: the page, the spec's place on it, its raw fields and its catalog entry.</summary>
        private IEnumerable<(TestPage Page, int Index, Dictionary<string, JsonElement> Raw, Spec Entry)> PageSpecs()
        {
            foreach (TestPage page in _corpus.Pages)
            {
                List<Dictionary<string, JsonElement>> raw = PageOracle.ReadRaw(page.Text);
                Spec[] entries = _corpus.Catalog.Where(package: Title(page), tag: Tag(page)).ToArray();
                Assert.Equal(raw.Count, entries.Length);
                for (int i = 0; i < raw.Count; i++)
                {
                    yield return (page, i, raw[i], entries[i]);
                }
            }
        }

        private static string Identity(Spec spec) => spec.Tag + "/" + spec.Package + "/" + spec.Hash;

        /// <summary>The names of a kind a spec has, read through the accessors (package and tag from the page).</summary>
        private static IEnumerable<string> NamesOf(Dimension dimension, Spec spec)
        {
            if (dimension == Dimensions.Package)
            {
                return new[] { spec.Package };
            }

            if (dimension == Dimensions.Tag)
            {
                return new[] { spec.Tag };
            }

            SpecField field = SpecFields.All.Single(f => f.Names == dimension);
            object? value = typeof(Spec).GetProperty(field.Accessor)!.GetValue(spec);
            return value is string single ? new[] { single } : ((IEnumerable<string>)value!).ToArray();
        }

        private static string Title(TestPage page) => page.Text.Split('\n').Single(l => l.StartsWith("title: ", StringComparison.Ordinal)).Substring(7).Trim('"');

        private static string Tag(TestPage page) => page.Text.Split('\n').Single(l => l.StartsWith("categories: ", StringComparison.Ordinal)).TrimEnd(']').Split(',')[1].Trim();

        /// <summary>A page value as text: a string as is, a list joined with '|', a number as written.</summary>
        private static string? PageText(FieldKind kind, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.Array:
                    return string.Join("|", value.EnumerateArray().Select(e => e.GetString()));
                case JsonValueKind.Number:
                    return value.GetRawText();
                default:
                    return value.GetString();
            }
        }

        /// <summary>An accessor's value as text, by what the kind's accessor returns.</summary>
        private static string? AccessorText(FieldKind kind, object? value)
        {
            switch (value)
            {
                case null:
                    return kind == FieldKind.Size ? "-" : null;
                case VariantList variants:
                    return string.Join("|", variants.Select(v => v.Text));
                case NameList names:
                    return string.Join("|", names);
                case long size:
                    return size.ToString(System.Globalization.CultureInfo.InvariantCulture);
                default:
                    return value.ToString();
            }
        }
    }
}
