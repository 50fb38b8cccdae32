using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using SpecGen.Format;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit
{
    /// <summary>
    /// Encodes a catalog as static data: a string blob and a table blob of integer arrays. Each spec field is
    /// stored by its kind (see <see cref="SpecFields"/>) in the column the schema names.
    /// </summary>
    internal static class CatalogEncoder
    {
        public static EncodedCatalog Encode(CatalogData catalog, CancellationToken cancellationToken)
        {
            EquatableArray<PageData> pages = catalog.Pages;
            int specCount = 0;
            foreach (PageData page in pages)
            {
                specCount += page.Specs.Count;
            }

            var specs = new SpecData[specCount];
            var specPage = new int[specCount];
            for (int p = 0, i = 0; p < pages.Count; p++)
            {
                foreach (SpecData spec in pages[p].Specs)
                {
                    specs[i] = spec;
                    specPage[i++] = p;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();

            // Distinct values per kind of name, compiler, variant and hash (indices are given after sorting).
            Distinct[] names = Dimensions.All.Select(_ => new Distinct()).ToArray();
            var compilers = new Distinct();
            var variants = new Distinct();
            var hashes = new Distinct();
            var compilerParts = new Dictionary<string, CompilerSyntax>(StringComparer.Ordinal);
            var variantParts = new Dictionary<string, VariantSyntax>(StringComparer.Ordinal);
            foreach (PageData page in pages)
            {
                names[Dimensions.Package.Index].Add(page.Package);
                names[Dimensions.Tag.Index].Add(page.Tag);
                foreach (CompilerSyntax compiler in page.Compilers)
                {
                    compilerParts[compiler.Text] = compiler;
                }

                foreach (VariantSyntax variant in page.Variants)
                {
                    variantParts[variant.Text] = variant;
                }
            }

            foreach (SpecData spec in specs)
            {
                foreach (SpecField field in SpecFields.All)
                {
                    FieldValue value = spec[field];
                    switch (field.Kind)
                    {
                        case FieldKind.Name:
                            names[field.Names!.Index].Add(value.Text!);
                            break;
                        case FieldKind.NameList:
                            names[field.Names!.Index].AddRange(value.Items);
                            break;
                        case FieldKind.Compiler:
                            compilers.Add(value.Text!);
                            break;
                        case FieldKind.Variants:
                            variants.AddRange(value.Items);
                            break;
                        case FieldKind.Hash:
                            hashes.Add(value.Text!);
                            break;
                    }
                }
            }

            foreach (Distinct field in names.Concat(new[] { compilers, variants, hashes }))
            {
                field.Sort();
            }

            CompilerSyntax[] compilerList = compilers.Values.Select(text => compilerParts[text]).ToArray();
            VariantSyntax[] variantList = variants.Values.Select(text => variantParts[text]).ToArray();
            cancellationToken.ThrowIfCancellationRequested();

            // URLs are stored around the hash they usually contain, so their shared heads dedupe.
            var urls = new Dictionary<SpecField, UrlParts>();
            foreach (SpecField field in SpecFields.All.Where(f => f.Kind == FieldKind.Url))
            {
                urls.Add(field, UrlParts.Split(specs, field));
            }

            // Strings: every distinct string once, sorted ordinally.
            var strings = new Distinct();
            foreach (Distinct field in names.Concat(new[] { compilers, variants }))
            {
                strings.AddRange(field.Values);
            }

            foreach (CompilerSyntax compiler in compilerList)
            {
                strings.Add(compiler.Name);
                strings.Add(compiler.Version);
            }

            foreach (VariantSyntax variant in variantList)
            {
                strings.Add(variant.Name);
                strings.AddRange(variant.Values);
            }

            for (int i = 0; i < specCount; i++)
            {
                foreach (SpecField field in SpecFields.All)
                {
                    if (field.Kind == FieldKind.Version || field.Kind == FieldKind.Size)
                    {
                        strings.Add(specs[i][field].Text!);
                    }
                }

                foreach (UrlParts parts in urls.Values)
                {
                    strings.AddIfNotNull(parts.Heads[i]);
                    strings.AddIfNotNull(parts.Tails[i]);
                }
            }

            strings.Sort();
            var stringText = new StringBuilder();
            var stringOffsets = new int[strings.Count + 1];
            int byteOffset = 0;
            for (int i = 0; i < strings.Count; i++)
            {
                string value = strings.Values[i];
                stringOffsets[i] = byteOffset;
                stringText.Append(value);
                byteOffset += Encoding.UTF8.GetByteCount(value);
            }

            stringOffsets[strings.Count] = byteOffset;
            cancellationToken.ThrowIfCancellationRequested();

            // The hash table: sorted hashes, each at its home slot or the next free one after it.
            int homeSlots = CatalogLayout.HomeSlotsFor(hashes.Count);
            var slotOfHash = new int[hashes.Count];
            int next = 0;
            for (int h = 0; h < hashes.Count; h++)
            {
                int home = CatalogLayout.HomeSlot(CatalogLayout.Key(hashes.Values[h].AsSpan(), CatalogLayout.KeyChars), homeSlots);
                slotOfHash[h] = Math.Max(home, next);
                next = slotOfHash[h] + 1;
            }

            int slotCount = Math.Max(homeSlots, next);
            int slotDigits = Digits.WidthFor(specCount);
            var writer = new TableWriter();
            writer.Add(Section.StringOffsets, stringOffsets);
            foreach (Dimension dimension in Dimensions.All)
            {
                writer.Add(dimension.Names, Map(names[dimension.Index].Values, strings));
            }

            // Pages, in catalog order; the pages of each package; the first page of each tag.
            Distinct packages = names[Dimensions.Package.Index];
            Distinct tags = names[Dimensions.Tag.Index];
            var pageTag = new int[pages.Count];
            var pagePackage = new int[pages.Count];
            var pageFirstSpec = new int[pages.Count + 1];
            var pagesOfPackage = Groups(packages.Count);
            var tagPageStart = new int[tags.Count + 1];
            for (int p = 0; p < pages.Count; p++)
            {
                pageTag[p] = tags.IndexOf(pages[p].Tag);
                pagePackage[p] = packages.IndexOf(pages[p].Package);
                pageFirstSpec[p + 1] = pageFirstSpec[p] + pages[p].Specs.Count;
                pagesOfPackage[pagePackage[p]].Add(p);
                tagPageStart[pageTag[p] + 1]++;
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
            cancellationToken.ThrowIfCancellationRequested();

            // Specs: one column per field (two for a URL); name lists and variant lists stored once each.
            var columns = SpecFields.All.Select(_ => new int[specCount]).ToArray();
            var secondColumns = SpecFields.All.Select(f => f.SecondColumn is null ? Array.Empty<int>() : new int[specCount]).ToArray();
            var flags = new int[specCount];
            var nameLists = Dimensions.All.Select(_ => new ListDeduper()).ToArray();
            var variantLists = new ListDeduper();
            var specsOfSlot = Groups(slotCount);
            for (int i = 0; i < specCount; i++)
            {
                SpecData spec = specs[i];
                foreach (SpecField field in SpecFields.All)
                {
                    FieldValue value = spec[field];
                    int[] column = columns[field.Ordinal];
                    switch (field.Kind)
                    {
                        case FieldKind.Hash:
                            int slot = slotOfHash[hashes.IndexOf(value.Text!)];
                            specsOfSlot[slot].Add(i);
                            column[i] = slot;
                            break;
                        case FieldKind.Compiler:
                            column[i] = compilers.IndexOf(value.Text!);
                            break;
                        case FieldKind.Name:
                            column[i] = names[field.Names!.Index].IndexOf(value.Text!);
                            break;
                        case FieldKind.NameList:
                            column[i] = nameLists[field.Names!.Index].Add(value.Items, names[field.Names.Index]);
                            break;
                        case FieldKind.Variants:
                            column[i] = variantLists.Add(value.Items, variants);
                            break;
                        case FieldKind.Version:
                            column[i] = strings.IndexOf(value.Text!);
                            break;
                        case FieldKind.Size:
                            column[i] = strings.IndexOf(value.Text!);
                            flags[i] |= value.IsPlainNumber ? SpecFlags.SizeIsNumber : 0;
                            break;
                        case FieldKind.Url:
                            UrlParts parts = urls[field];
                            column[i] = parts.Heads[i] is string head ? strings.IndexOf(head) + 1 : 0;
                            secondColumns[field.Ordinal][i] = parts.Tails[i] is string tail ? strings.IndexOf(tail) + 1 : 0;
                            break;
                    }
                }
            }

            writer.Add(Section.SpecPage, specPage);
            foreach (SpecField field in SpecFields.All)
            {
                writer.Add(field.Column, columns[field.Ordinal]);
                if (field.SecondColumn is Section second)
                {
                    writer.Add(second, secondColumns[field.Ordinal]);
                }

                if (field.Names is { IsList: true } listed)
                {
                    WriteGroups(writer, listed.ListStart!.Value, listed.ListItems!.Value, nameLists[listed.Index].Lists);
                }
            }

            writer.Add(Section.SpecFlags, flags);
            WriteGroups(writer, Section.VariantListStart, Section.VariantListItems, variantLists.Lists);

            // Compilers and variants, split into their parts.
            writer.Add(Section.CompilerText, Map(compilers.Values, strings));
            writer.Add(Section.CompilerName, compilerList.Select(c => strings.IndexOf(c.Name)).ToArray());
            writer.Add(Section.CompilerVersion, compilerList.Select(c => strings.IndexOf(c.Version)).ToArray());
            writer.Add(Section.CompilerFlags, compilerList.Select(c => (c.IsNone ? CompilerFlags.None : 0) | (c.IsExact ? CompilerFlags.Exact : 0)).ToArray());
            writer.Add(Section.VariantText, Map(variants.Values, strings));
            writer.Add(Section.VariantName, variantList.Select(v => strings.IndexOf(v.Name)).ToArray());
            writer.Add(Section.VariantFlags, variantList.Select(v => v.Kind | (v.IsExact ? VariantFlags.Exact : 0) | (v.IsQuoted ? VariantFlags.Quoted : 0)).ToArray());
            WriteGroups(writer, Section.VariantValueStart, Section.VariantValueItems, variantList.Select(v => v.Values.Select(strings.IndexOf).ToList()).ToArray());
            cancellationToken.ThrowIfCancellationRequested();

            // The hash table records: hash text and the first spec of its hash; empty slots start with '!'.
            int recordSize = CatalogLayout.HashLength + slotDigits;
            var records = new byte[slotCount * recordSize];
            byte zero = Digits.Encode(0);
            for (int slot = 0; slot < slotCount; slot++)
            {
                int offset = slot * recordSize;
                records[offset] = CatalogLayout.EmptySlot;
                for (int i = 1; i < recordSize; i++)
                {
                    records[offset + i] = zero;
                }
            }

            for (int h = 0; h < hashes.Count; h++)
            {
                int slot = slotOfHash[h];
                int offset = slot * recordSize;
                Encoding.ASCII.GetBytes(hashes.Values[h], 0, CatalogLayout.HashLength, records, offset);
                Digits.Write(records, offset + CatalogLayout.HashLength, slotDigits, specsOfSlot[slot][0]);
            }

            writer.AddBytes(Section.HashSlots, records);
            WriteGroups(writer, Section.HashEntryStart, Section.HashEntries, specsOfSlot);
            var header = new CatalogHeader(specCount, pages.Count, strings.Count, hashes.Count, homeSlots, slotCount, slotDigits, Array.Empty<SectionInfo>());
            return new EncodedCatalog(writer.ToArray(header), stringText.ToString(), byteOffset, writer.SectionSizes().ToList());
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

        private static List<int>[] Groups(int count)
        {
            var groups = new List<int>[count];
            for (int i = 0; i < count; i++)
            {
                groups[i] = new List<int>(1);
            }

            return groups;
        }

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

        /// <summary>The URLs of one field split around the spec's hash: the text before it, and after it (null when the hash is not in it).</summary>
        private sealed class UrlParts
        {
            private UrlParts(string?[] heads, string?[] tails)
            {
                Heads = heads;
                Tails = tails;
            }

            public string?[] Heads { get; }

            public string?[] Tails { get; }

            public static UrlParts Split(SpecData[] specs, SpecField field)
            {
                var heads = new string?[specs.Length];
                var tails = new string?[specs.Length];
                for (int i = 0; i < specs.Length; i++)
                {
                    string? text = specs[i][field].Text;
                    if (text is null)
                    {
                        continue;
                    }

                    string hash = specs[i].Hash;
                    int at = text.IndexOf(hash, StringComparison.Ordinal);
                    heads[i] = at < 0 ? text : text.Substring(0, at);
                    tails[i] = at < 0 ? null : text.Substring(at + hash.Length);
                }

                return new UrlParts(heads, tails);
            }
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

            public void AddIfNotNull(string? value)
            {
                if (value is not null)
                {
                    Add(value);
                }
            }

            public void AddRange(IEnumerable<string> values)
            {
                foreach (string value in values)
                {
                    Add(value);
                }
            }

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

        private sealed class ReferenceComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

            public int GetHashCode(object obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
