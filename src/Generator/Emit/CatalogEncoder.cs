using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using SpecGen.Format;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Emit
{
    /// <summary>The two blobs of a catalog (see src/Shared/CatalogFormat.cs).</summary>
    internal sealed class EncodedCatalog
    {
        public EncodedCatalog(byte[] tables, string strings, int stringBytes, IReadOnlyList<KeyValuePair<Section, int>> sectionSizes)
        {
            Tables = tables;
            Strings = strings;
            StringBytes = stringBytes;
            SectionSizes = sectionSizes;
        }

        /// <summary>The table blob; every byte is a printable ASCII character other than '"' and '\'.</summary>
        public byte[] Tables { get; }

        /// <summary>The string blob as text (its UTF-8 encoding is the blob).</summary>
        public string Strings { get; }

        public int StringBytes { get; }

        /// <summary>Bytes of each section of the table blob (for measurements).</summary>
        public IReadOnlyList<KeyValuePair<Section, int>> SectionSizes { get; }
    }

    /// <summary>Encodes a catalog as static data: a string blob and a table blob of integer arrays.</summary>
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

            // Distinct values per field (indices are given after sorting).
            var packages = new Distinct();
            var tags = new Distinct();
            var stacks = new Distinct();
            var targets = new Distinct();
            var oss = new Distinct();
            var platforms = new Distinct();
            var compilers = new Distinct();
            var variants = new Distinct();
            var hashes = new Distinct();
            foreach (PageData page in pages)
            {
                packages.Add(page.Package);
                tags.Add(page.Tag);
            }

            foreach (SpecData spec in specs)
            {
                foreach (string stack in spec.Stacks)
                {
                    stacks.Add(stack);
                }

                foreach (string variant in spec.Variants)
                {
                    variants.Add(variant);
                }

                targets.Add(spec.Target);
                oss.Add(spec.Os);
                platforms.Add(spec.Platform);
                compilers.Add(spec.Compiler);
                hashes.Add(spec.Hash);
            }

            foreach (Distinct field in new[] { packages, tags, stacks, targets, oss, platforms, compilers, variants, hashes })
            {
                field.Sort();
            }

            CompilerSyntax[] compilerParts = compilers.Values.Select(ParseCompiler).ToArray();
            VariantSyntax[] variantParts = variants.Values.Select(ParseVariant).ToArray();
            cancellationToken.ThrowIfCancellationRequested();

            // Tarballs are stored around the hash they usually contain, so their shared heads dedupe.
            var tarballHeads = new string?[specCount];
            var tarballTails = new string?[specCount];
            for (int i = 0; i < specCount; i++)
            {
                string? tarball = specs[i].Tarball;
                if (tarball is null)
                {
                    continue;
                }

                int at = tarball.IndexOf(specs[i].Hash, StringComparison.Ordinal);
                tarballHeads[i] = at < 0 ? tarball : tarball.Substring(0, at);
                tarballTails[i] = at < 0 ? null : tarball.Substring(at + specs[i].Hash.Length);
            }

            // Strings: every distinct string once, sorted ordinally.
            var strings = new Distinct();
            foreach (Distinct field in new[] { packages, tags, stacks, targets, oss, platforms, compilers, variants })
            {
                strings.AddRange(field.Values);
            }

            foreach (CompilerSyntax compiler in compilerParts)
            {
                strings.Add(compiler.Name);
                strings.Add(compiler.Version);
            }

            foreach (VariantSyntax variant in variantParts)
            {
                strings.Add(variant.Name);
                strings.AddRange(variant.Values);
            }

            for (int i = 0; i < specCount; i++)
            {
                strings.Add(specs[i].Version);
                strings.Add(specs[i].Size);
                strings.AddIfNotNull(tarballHeads[i]);
                strings.AddIfNotNull(tarballTails[i]);
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
            int slotDigits = CatalogLayout.DigitsFor(specCount);
            var writer = new TableWriter(specCount, pages.Count, strings.Count, hashes.Count, homeSlots, slotCount, slotDigits);
            writer.Add(Section.StringOffsets, stringOffsets);
            foreach ((Section section, Distinct field) in new[]
            {
                (Section.Packages, packages), (Section.Tags, tags), (Section.Stacks, stacks), (Section.Targets, targets),
                (Section.OperatingSystems, oss), (Section.Platforms, platforms),
            })
            {
                writer.Add(section, Map(field.Values, strings));
            }

            // Pages, in catalog order; the pages of each package; the first page of each tag.
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

            writer.Add(Section.PageTag, pageTag);
            writer.Add(Section.PagePackage, pagePackage);
            writer.Add(Section.PageFirstSpec, pageFirstSpec);
            WriteGroups(writer, Section.PackagePageStart, Section.PackagePages, pagesOfPackage);
            writer.Add(Section.TagPageStart, tagPageStart);
            cancellationToken.ThrowIfCancellationRequested();

            // Specs, one column per field; stack and variant lists stored once each.
            var stackLists = new ListDeduper();
            var variantLists = new ListDeduper();
            var columns = new int[12][];
            for (int c = 0; c < columns.Length; c++)
            {
                columns[c] = new int[specCount];
            }

            var specsOfSlot = Groups(slotCount);
            for (int i = 0; i < specCount; i++)
            {
                SpecData spec = specs[i];
                int slot = slotOfHash[hashes.IndexOf(spec.Hash)];
                specsOfSlot[slot].Add(i);
                columns[0][i] = slot;
                columns[1][i] = strings.IndexOf(spec.Version);
                columns[2][i] = compilers.IndexOf(spec.Compiler);
                columns[3][i] = oss.IndexOf(spec.Os);
                columns[4][i] = platforms.IndexOf(spec.Platform);
                columns[5][i] = targets.IndexOf(spec.Target);
                columns[6][i] = stackLists.Add(spec.Stacks, stacks);
                columns[7][i] = variantLists.Add(spec.Variants, variants);
                columns[8][i] = strings.IndexOf(spec.Size);
                columns[9][i] = tarballHeads[i] is string head ? strings.IndexOf(head) + 1 : 0;
                columns[10][i] = tarballTails[i] is string tail ? strings.IndexOf(tail) + 1 : 0;
                columns[11][i] = spec.SizeIsNumber ? SpecFlags.SizeIsNumber : 0;
            }

            writer.Add(Section.SpecPage, specPage);
            writer.Add(Section.SpecHash, columns[0]);
            writer.Add(Section.SpecVersion, columns[1]);
            writer.Add(Section.SpecCompiler, columns[2]);
            writer.Add(Section.SpecOs, columns[3]);
            writer.Add(Section.SpecPlatform, columns[4]);
            writer.Add(Section.SpecTarget, columns[5]);
            writer.Add(Section.SpecStacks, columns[6]);
            writer.Add(Section.SpecVariants, columns[7]);
            writer.Add(Section.SpecSize, columns[8]);
            writer.Add(Section.SpecTarballHead, columns[9]);
            writer.Add(Section.SpecTarballTail, columns[10]);
            writer.Add(Section.SpecFlags, columns[11]);
            WriteGroups(writer, Section.StackListStart, Section.StackListItems, stackLists.Lists);
            WriteGroups(writer, Section.VariantListStart, Section.VariantListItems, variantLists.Lists);

            // Compilers and variants, split into their parts.
            writer.Add(Section.CompilerText, Map(compilers.Values, strings));
            writer.Add(Section.CompilerName, compilerParts.Select(c => strings.IndexOf(c.Name)).ToArray());
            writer.Add(Section.CompilerVersion, compilerParts.Select(c => strings.IndexOf(c.Version)).ToArray());
            writer.Add(Section.CompilerFlags, compilerParts.Select(c => (c.IsNone ? CompilerFlags.None : 0) | (c.IsExact ? CompilerFlags.Exact : 0)).ToArray());
            writer.Add(Section.VariantText, Map(variants.Values, strings));
            writer.Add(Section.VariantName, variantParts.Select(v => strings.IndexOf(v.Name)).ToArray());
            writer.Add(Section.VariantFlags, variantParts.Select(v => v.Kind | (v.IsExact ? VariantFlags.Exact : 0) | (v.IsQuoted ? VariantFlags.Quoted : 0)).ToArray());
            WriteGroups(writer, Section.VariantValueStart, Section.VariantValueItems, variantParts.Select(v => v.Values.Select(strings.IndexOf).ToList()).ToArray());
            cancellationToken.ThrowIfCancellationRequested();

            // The hash table records: hash text and the first spec of its hash; empty slots start with '!'.
            int recordSize = CatalogLayout.HashLength + slotDigits;
            var records = new byte[slotCount * recordSize];
            byte zero = CatalogLayout.EncodeDigit(0);
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
                int first = specsOfSlot[slot][0];
                for (int d = 0; d < slotDigits; d++)
                {
                    records[offset + CatalogLayout.HashLength + d] = CatalogLayout.EncodeDigit(first & 63);
                    first >>= CatalogLayout.DigitBits;
                }
            }

            writer.AddBytes(Section.HashSlots, records);
            WriteGroups(writer, Section.HashEntryStart, Section.HashEntries, specsOfSlot);
            return new EncodedCatalog(writer.ToArray(), stringText.ToString(), byteOffset, writer.SectionSizes().ToList());
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

        private static CompilerSyntax ParseCompiler(string text)
        {
            SpecSyntax.TryParseCompiler(text, out CompilerSyntax compiler, out _);
            return compiler;
        }

        private static VariantSyntax ParseVariant(string text)
        {
            SpecSyntax.TryParseVariant(text, out VariantSyntax variant, out _);
            return variant;
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
