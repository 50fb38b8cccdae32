using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using SpecGen.Format;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit
{
    /// <summary>
    /// Encodes a catalog as static data: a string blob and a table blob of integer arrays (see src/Shared/Section.cs
    /// and <see cref="TableLayout"/>). One method per group of sections; each spec field is stored by its kind
    /// (<see cref="FieldType"/>) in the columns the layout gives it, absent values as 0.
    /// </summary>
    internal static class CatalogEncoder
    {
        public static EncodedCatalog Encode(CatalogData catalog, CancellationToken cancellationToken)
        {
            var tables = new Tables(catalog.Pages);
            tables.Collect(cancellationToken);
            var writer = new TableWriter();
            string stringText = WriteStrings(writer, tables, out int stringBytes);
            cancellationToken.ThrowIfCancellationRequested();
            WriteNames(writer, tables);
            WritePages(writer, tables);
            WriteSpecColumns(writer, tables, cancellationToken);
            WriteCompilers(writer, tables);
            WriteVariants(writer, tables);
            cancellationToken.ThrowIfCancellationRequested();
            WriteHashTable(writer, tables);
            var header = new CatalogHeader(tables.Specs.Length, tables.Pages.Count, tables.Strings.Count, tables.Hashes.Count, tables.HomeSlots, tables.SlotCount, tables.SlotDigits, Array.Empty<SectionInfo>());
            return new EncodedCatalog(writer.ToArray(header), stringText, stringBytes, writer.SectionSizes().ToList());
        }

        /// <summary>The string blob (every distinct string once, sorted ordinally) and its byte offsets.</summary>
        [MethodImpl(Jit.Hot)]
        private static string WriteStrings(TableWriter writer, Tables tables, out int byteOffset)
        {
            Distinct strings = tables.Strings;
            var stringOffsets = new int[strings.Count + 1];
            var stringText = new StringBuilder();
            byteOffset = 0;
            for (int i = 0; i < strings.Count; i++)
            {
                stringOffsets[i] = byteOffset;
                string value = strings.Values[i];
                stringText.Append(value);
                byteOffset += Encoding.UTF8.GetByteCount(value);
            }

            stringOffsets[strings.Count] = byteOffset;
            writer.Add(Section.StringOffsets, stringOffsets);
            return stringText.ToString();
        }

        /// <summary>The sorted distinct names of each kind (string ids).</summary>
        private static void WriteNames(TableWriter writer, Tables tables)
        {
            foreach (Dimension dimension in Dimensions.All)
            {
                writer.Add(dimension.Names, Map(tables.Names[dimension.Index].Values, tables.Strings));
            }
        }

        /// <summary>Pages in catalog order: their tag and package (the per-page kinds' columns), first spec, the pages of each package and of each tag.</summary>
        private static void WritePages(TableWriter writer, Tables tables)
        {
            EquatableArray<PageData> pages = tables.Pages;
            Distinct packages = tables.Names[Dimensions.Package.Index];
            Distinct tags = tables.Names[Dimensions.Tag.Index];
            var pageTag = new int[pages.Count];
            var pagePackage = new int[pages.Count];
            var pageFirstSpec = new int[pages.Count + 1];
            var pagesOfPackage = Groups(packages.Count);
            var tagPageStart = new int[tags.Count + 1];
            for (int p = 0; p < pages.Count; p++)
            {
                int tag = tags.IndexOf(pages[p].Tag);
                int package = packages.IndexOf(pages[p].Package);
                pageTag[p] = FieldType.Stored(tag);
                pagePackage[p] = FieldType.Stored(package);
                pageFirstSpec[p + 1] = pageFirstSpec[p] + pages[p].Specs.Count;
                pagesOfPackage[package].Add(p);
                tagPageStart[tag + 1]++;
            }

            for (int t = 0; t < tags.Count; t++)
            {
                tagPageStart[t + 1] += tagPageStart[t];
            }

            writer.Add(Dimensions.Tag.Column, pageTag);
            writer.Add(Dimensions.Package.Column, pagePackage);
            writer.Add(Section.PageFirstSpec, pageFirstSpec);
            WriteGroups(writer, Section.PackagePageStart, Section.PackagePages, pagesOfPackage);
            writer.Add(Section.TagPageStart, tagPageStart);
        }

        /// <summary>Per spec: its page, each field's columns (by its kind, index + 1, 0 when absent), the flags, and the name and variant lists.</summary>
        private static void WriteSpecColumns(TableWriter writer, Tables tables, CancellationToken cancellationToken)
        {
            SpecData[] specs = tables.Specs;
            var columns = SpecFields.All.Select(f => Enumerable.Range(0, f.Type.Columns).Select(_ => new int[specs.Length]).ToArray()).ToArray();
            var flags = new int[specs.Length];
            Span<int> encoded = stackalloc int[8];
            for (int i = 0; i < specs.Length; i++)
            {
                if ((i & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                SpecData spec = specs[i];
                foreach (SpecField field in SpecFields.All)
                {
                    FieldValue value = spec[field];
                    if (!value.IsPresent)
                    {
                        continue;
                    }

                    Span<int> fieldColumns = encoded.Slice(0, field.Type.Columns);
                    flags[i] |= field.Type.Encode(field, value, spec.Hash, tables, fieldColumns) << field.FlagShift;
                    for (int c = 0; c < fieldColumns.Length; c++)
                    {
                        columns[field.Ordinal][c][i] = FieldType.Stored(fieldColumns[c]);
                    }
                }
            }

            writer.Add(Section.SpecPage, tables.SpecPage);
            foreach (SpecField field in SpecFields.All)
            {
                for (int c = 0; c < field.Type.Columns; c++)
                {
                    writer.Add(field.Column(c), columns[field.Ordinal][c]);
                }
            }

            foreach (Dimension dimension in Dimensions.All.Where(d => d.IsList))
            {
                WriteGroups(writer, dimension.ListStart, dimension.ListItems, tables.NameLists[dimension.Index].Lists);
            }

            writer.Add(Section.SpecFlags, flags);
            WriteGroups(writer, Section.VariantListStart, Section.VariantListItems, tables.VariantLists.Lists);
        }

        /// <summary>The compiler table: each compiler's text, name, version and flags.</summary>
        private static void WriteCompilers(TableWriter writer, Tables tables)
        {
            CompilerSyntax[] compilers = tables.CompilerTable;
            Distinct strings = tables.Strings;
            writer.Add(Section.CompilerText, compilers.Select(c => strings.IndexOf(c.Text)).ToArray());
            writer.Add(Section.CompilerName, compilers.Select(c => strings.IndexOf(c.Name)).ToArray());
            writer.Add(Section.CompilerVersion, compilers.Select(c => strings.IndexOf(c.Version)).ToArray());
            writer.Add(Section.CompilerFlags, compilers.Select(c => (c.IsNone ? CompilerFlags.None : 0) | (c.IsExact ? CompilerFlags.Exact : 0)).ToArray());
        }

        /// <summary>The variant table: each variant's text, name, flags and values.</summary>
        private static void WriteVariants(TableWriter writer, Tables tables)
        {
            VariantSyntax[] variants = tables.VariantTable;
            Distinct strings = tables.Strings;
            writer.Add(Section.VariantText, variants.Select(v => strings.IndexOf(v.Text)).ToArray());
            writer.Add(Section.VariantName, variants.Select(v => strings.IndexOf(v.Name)).ToArray());
            writer.Add(Section.VariantFlags, variants.Select(v => v.Kind | (v.IsExact ? VariantFlags.Exact : 0) | (v.IsQuoted ? VariantFlags.Quoted : 0)).ToArray());
            WriteGroups(writer, Section.VariantValueStart, Section.VariantValueItems, variants.Select(v => v.Values.Select(strings.IndexOf).ToList()).ToArray());
        }

        /// <summary>The hash table: per slot the hash text and its first spec ('!' for an empty slot), and the specs of each slot.</summary>
        [MethodImpl(Jit.Hot)]
        private static void WriteHashTable(TableWriter writer, Tables tables)
        {
            int recordSize = CatalogLayout.HashLength + tables.SlotDigits;
            var records = new byte[tables.SlotCount * recordSize];
            byte zero = Digits.Encode(0);
            for (int slot = 0; slot < tables.SlotCount; slot++)
            {
                int offset = slot * recordSize;
                records[offset] = CatalogLayout.EmptySlot;
                for (int i = 1; i < recordSize; i++)
                {
                    records[offset + i] = zero;
                }
            }

            var specsOfSlot = Groups(tables.SlotCount);
            for (int i = 0; i < tables.Specs.Length; i++)
            {
                specsOfSlot[tables.HashSlot(tables.Specs[i].Hash)].Add(i);
            }

            for (int h = 0; h < tables.Hashes.Count; h++)
            {
                int slot = tables.SlotOfHash[h];
                int offset = slot * recordSize;
                Encoding.ASCII.GetBytes(tables.Hashes.Values[h], 0, CatalogLayout.HashLength, records, offset);
                Digits.Write(records, offset + CatalogLayout.HashLength, tables.SlotDigits, specsOfSlot[slot][0]);
            }

            writer.AddBytes(Section.HashSlots, records);
            WriteGroups(writer, Section.HashEntryStart, Section.HashEntries, specsOfSlot);
        }

        private static int[] Map(IReadOnlyList<string> values, Distinct strings)
        {
            var ids = new int[values.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = strings.IndexOf(values[i]);
            }

            return ids;
        }

        [MethodImpl(Jit.Hot)]
        private static List<int>[] Groups(int count)
        {
            var groups = new List<int>[count];
            for (int i = 0; i < count; i++)
            {
                groups[i] = new List<int>(1);
            }

            return groups;
        }

        [MethodImpl(Jit.Hot)]
        private static void WriteGroups(TableWriter writer, Section start, Section items, IReadOnlyList<List<int>> groups)
        {
            var starts = new int[groups.Count + 1];
            int total = 0;
            for (int i = 0; i < groups.Count; i++)
            {
                starts[i] = total;
                total += groups[i].Count;
            }

            starts[groups.Count] = total;
            var flat = new int[total];
            for (int i = 0, k = 0; i < groups.Count; i++)
            {
                groups[i].CopyTo(flat, k);
                k += groups[i].Count;
            }

            writer.Add(start, starts);
            writer.Add(items, flat);
        }

        /// <summary>
        /// The catalog's shared tables: distinct names per kind, compilers, variants, hashes and strings, collected
        /// from every page and every field (each field's kind adds its values), then sorted and indexed; the
        /// hash table's slots.
        /// </summary>
        private sealed class Tables : IFieldOutput
        {
            private readonly Dictionary<string, CompilerSyntax> _compilerParts = new Dictionary<string, CompilerSyntax>(StringComparer.Ordinal);
            private readonly Dictionary<string, VariantSyntax> _variantParts = new Dictionary<string, VariantSyntax>(StringComparer.Ordinal);
            private readonly Distinct _compilers = new Distinct();
            private readonly Distinct _variants = new Distinct();

            [MethodImpl(Jit.Hot)]
            public Tables(EquatableArray<PageData> pages)
            {
                Pages = pages;
                int specCount = 0;
                foreach (PageData page in pages)
                {
                    specCount += page.Specs.Count;
                }

                Specs = new SpecData[specCount];
                SpecPage = new int[specCount];
                for (int p = 0, i = 0; p < pages.Count; p++)
                {
                    foreach (SpecData spec in pages[p].Specs)
                    {
                        Specs[i] = spec;
                        SpecPage[i++] = p;
                    }
                }
            }

            public EquatableArray<PageData> Pages { get; }

            /// <summary>Every spec in catalog order.</summary>
            public SpecData[] Specs { get; }

            /// <summary>Per spec: its page.</summary>
            public int[] SpecPage { get; }

            public Distinct[] Names { get; } = Dimensions.All.Select(_ => new Distinct()).ToArray();

            public ListDeduper[] NameLists { get; } = Dimensions.All.Select(_ => new ListDeduper()).ToArray();

            public ListDeduper VariantLists { get; } = new ListDeduper();

            public Distinct Hashes { get; } = new Distinct();

            public Distinct Strings { get; } = new Distinct();

            public CompilerSyntax[] CompilerTable { get; private set; } = Array.Empty<CompilerSyntax>();

            public VariantSyntax[] VariantTable { get; private set; } = Array.Empty<VariantSyntax>();

            public int HomeSlots { get; private set; }

            public int SlotCount { get; private set; }

            public int SlotDigits { get; private set; }

            /// <summary>Per distinct hash (sorted): its slot.</summary>
            public int[] SlotOfHash { get; private set; } = Array.Empty<int>();

            /// <summary>Adds every value of every page and field, then sorts each table and lays out the hash slots.</summary>
            [MethodImpl(Jit.Hot)]
            public void Collect(CancellationToken cancellationToken)
            {
                foreach (PageData page in Pages)
                {
                    Names[Dimensions.Package.Index].Add(page.Package);
                    Names[Dimensions.Tag.Index].Add(page.Tag);
                    foreach (CompilerSyntax compiler in page.Compilers)
                    {
                        _compilerParts[compiler.Text] = compiler;
                    }

                    foreach (VariantSyntax variant in page.Variants)
                    {
                        _variantParts[variant.Text] = variant;
                    }
                }

                foreach (SpecData spec in Specs)
                {
                    Hashes.Add(spec.Hash);
                    foreach (SpecField field in SpecFields.All)
                    {
                        FieldValue value = spec[field];
                        if (value.IsPresent)
                        {
                            field.Type.Collect(field, value, spec.Hash, this);
                        }
                    }
                }

                cancellationToken.ThrowIfCancellationRequested();
                foreach (Distinct table in Names.Concat(new[] { _compilers, _variants, Hashes }))
                {
                    table.Sort();
                }

                CompilerTable = _compilers.Values.Select(text => _compilerParts[text]).ToArray();
                VariantTable = _variants.Values.Select(text => _variantParts[text]).ToArray();
                foreach (Distinct table in Names.Concat(new[] { _compilers, _variants }))
                {
                    Strings.AddRange(table.Values);
                }

                foreach (CompilerSyntax compiler in CompilerTable)
                {
                    Strings.Add(compiler.Name);
                    Strings.Add(compiler.Version);
                }

                foreach (VariantSyntax variant in VariantTable)
                {
                    Strings.Add(variant.Name);
                    Strings.AddRange(variant.Values);
                }

                Strings.Sort();
                LayOutHashSlots();
            }

            /// <summary>The hash table: sorted hashes, each at its home slot or the next free one after it.</summary>
            [MethodImpl(Jit.Hot)]
            private void LayOutHashSlots()
            {
                HomeSlots = CatalogLayout.HomeSlotsFor(Hashes.Count);
                SlotOfHash = new int[Hashes.Count];
                int next = 0;
                for (int h = 0; h < Hashes.Count; h++)
                {
                    int home = CatalogLayout.HomeSlot(CatalogLayout.Key(Hashes.Values[h].AsSpan(), CatalogLayout.KeyChars), HomeSlots);
                    SlotOfHash[h] = Math.Max(home, next);
                    next = SlotOfHash[h] + 1;
                }

                SlotCount = Math.Max(HomeSlots, next);
                SlotDigits = Digits.WidthFor(Specs.Length);
            }

            public void AddString(string value) => Strings.Add(value);

            public int StringId(string value) => Strings.IndexOf(value);

            public void AddName(Dimension names, string name) => Names[names.Index].Add(name);

            public int NameIndex(Dimension names, string name) => Names[names.Index].IndexOf(name);

            public int NameList(Dimension names, EquatableArray<string> items) => NameLists[names.Index].Add(items, Names[names.Index]);

            public void AddCompiler(string text) => _compilers.Add(text);

            public int CompilerIndex(string text) => _compilers.IndexOf(text);

            public void AddVariants(EquatableArray<string> items) => _variants.AddRange(items);

            public int VariantList(EquatableArray<string> items) => VariantLists.Add(items, _variants);

            public int HashSlot(string hash) => SlotOfHash[Hashes.IndexOf(hash)];
        }

        /// <summary>The distinct values of a field: collected, then sorted ordinally and indexed.</summary>
        private sealed class Distinct
        {
            private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.Ordinal);
            private readonly Dictionary<object, int> _byInstance = new Dictionary<object, int>(ReferenceComparer.Instance);
            private readonly List<string> _values = new List<string>();

            public IReadOnlyList<string> Values => _values;

            public int Count => _values.Count;

            public void Add(string value)
            {
                if (!_index.ContainsKey(value))
                {
                    _index.Add(value, _values.Count);
                    _values.Add(value);
                }
            }


            public void AddRange(IEnumerable<string> values)
            {
                foreach (string value in values)
                {
                    Add(value);
                }
            }

            [MethodImpl(Jit.Hot)]
            public void Sort()
            {
                _byInstance.Clear();
                _values.Sort(StringComparer.Ordinal);
                for (int i = 0; i < _values.Count; i++)
                {
                    _index[_values[i]] = i;
                }
            }

            /// <summary>The index of a value; pages share one instance per distinct value, so most lookups hash no characters.</summary>
            public int IndexOf(string value)
            {
                if (_byInstance.TryGetValue(value, out int index))
                {
                    return index;
                }

                index = _index[value];
                _byInstance[value] = index;
                return index;
            }
        }

        /// <summary>Gives equal lists (mapped to field indices) one index, in order of first appearance.</summary>
        private sealed class ListDeduper
        {
            private readonly Dictionary<EquatableArray<string>, int> _index = new Dictionary<EquatableArray<string>, int>();
            private readonly Dictionary<object, int> _byInstance = new Dictionary<object, int>(ReferenceComparer.Instance);

            public List<List<int>> Lists { get; } = new List<List<int>>();

            public int Add(EquatableArray<string> items, Distinct field)
            {
                // Pages share one array per distinct list, so most lists are found without hashing their strings.
                object? instance = items.Identity;
                if (instance is not null && _byInstance.TryGetValue(instance, out int known))
                {
                    return known;
                }

                if (!_index.TryGetValue(items, out int id))
                {
                    id = Lists.Count;
                    _index.Add(items, id);
                    var list = new List<int>(items.Count);
                    foreach (string item in items)
                    {
                        list.Add(field.IndexOf(item));
                    }

                    Lists.Add(list);
                }

                if (instance is not null)
                {
                    _byInstance.Add(instance, id);
                }

                return id;
            }
        }
    }
}
