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
        public EncodedCatalog(byte[] tables, string strings, int stringBytes)
        {
            Tables = tables;
            Strings = strings;
            StringBytes = stringBytes;
        }

        /// <summary>The table blob; every byte is below 0x80.</summary>
        public byte[] Tables { get; }

        /// <summary>The string blob as text (its UTF-8 encoding is the blob).</summary>
        public string Strings { get; }

        public int StringBytes { get; }
    }

    /// <summary>Encodes a catalog as static data: a string blob and a table blob of integer arrays.</summary>
    internal static class CatalogEncoder
    {
        public static EncodedCatalog Encode(CatalogData catalog, CancellationToken cancellationToken)
        {
            var pages = catalog.Pages;
            var specs = new List<SpecData>();
            var specPage = new List<int>();
            for (int p = 0; p < pages.Count; p++)
            {
                foreach (SpecData spec in pages[p].Specs)
                {
                    specs.Add(spec);
                    specPage.Add(p);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();

            // Dimensions: sorted distinct names.
            string[] packageNames = SortedDistinct(pages.Select(p => p.Package));
            string[] tagNames = SortedDistinct(pages.Select(p => p.Tag));
            string[] stackNames = SortedDistinct(specs.SelectMany(s => s.Stacks));
            string[] targetNames = SortedDistinct(specs.Select(s => s.Target));
            string[] osNames = SortedDistinct(specs.Select(s => s.Os));
            string[] platformNames = SortedDistinct(specs.Select(s => s.Platform));
            string[] compilerTexts = SortedDistinct(specs.Select(s => s.Compiler));
            string[] variantTexts = SortedDistinct(specs.SelectMany(s => s.Variants));
            string[] hashes = SortedDistinct(specs.Select(s => s.Hash));

            var compilers = compilerTexts.Select(ParseCompiler).ToArray();
            var variants = variantTexts.Select(ParseVariant).ToArray();

            // Tarballs are stored around the hash they usually contain, so their shared heads dedupe.
            var tarballHeads = new string?[specs.Count];
            var tarballTails = new string?[specs.Count];
            for (int i = 0; i < specs.Count; i++)
            {
                string? tarball = specs[i].Tarball;
                if (tarball is null)
                {
                    continue;
                }

                int at = tarball.IndexOf(specs[i].Hash, StringComparison.Ordinal);
                if (at < 0)
                {
                    tarballHeads[i] = tarball;
                }
                else
                {
                    tarballHeads[i] = tarball.Substring(0, at);
                    tarballTails[i] = tarball.Substring(at + specs[i].Hash.Length);
                }
            }

            // Strings: every distinct string, sorted ordinally.
            var allStrings = new List<string>();
            allStrings.AddRange(packageNames);
            allStrings.AddRange(tagNames);
            allStrings.AddRange(stackNames);
            allStrings.AddRange(targetNames);
            allStrings.AddRange(osNames);
            allStrings.AddRange(platformNames);
            allStrings.AddRange(compilerTexts);
            allStrings.AddRange(compilers.Select(c => c.Name));
            allStrings.AddRange(compilers.Select(c => c.Version));
            allStrings.AddRange(variantTexts);
            allStrings.AddRange(variants.Select(v => v.Name));
            allStrings.AddRange(variants.SelectMany(v => v.Values));
            allStrings.AddRange(specs.Select(s => s.Version));
            allStrings.AddRange(specs.Select(s => s.Size));
            allStrings.AddRange(tarballHeads.Where(t => t is not null)!);
            allStrings.AddRange(tarballTails.Where(t => t is not null)!);
            string[] strings = SortedDistinct(allStrings);
            var stringId = new Dictionary<string, int>(StringComparer.Ordinal);
            var stringText = new StringBuilder();
            var stringOffsets = new int[strings.Length + 1];
            int byteOffset = 0;
            for (int i = 0; i < strings.Length; i++)
            {
                stringId.Add(strings[i], i);
                stringOffsets[i] = byteOffset;
                stringText.Append(strings[i]);
                byteOffset += Encoding.UTF8.GetByteCount(strings[i]);
            }

            stringOffsets[strings.Length] = byteOffset;
            cancellationToken.ThrowIfCancellationRequested();

            Dictionary<string, int> packageIndex = IndexOf(packageNames);
            Dictionary<string, int> tagIndex = IndexOf(tagNames);
            Dictionary<string, int> stackIndex = IndexOf(stackNames);
            Dictionary<string, int> targetIndex = IndexOf(targetNames);
            Dictionary<string, int> osIndex = IndexOf(osNames);
            Dictionary<string, int> platformIndex = IndexOf(platformNames);
            Dictionary<string, int> compilerIndex = IndexOf(compilerTexts);
            Dictionary<string, int> variantIndex = IndexOf(variantTexts);
            Dictionary<string, int> hashIndex = IndexOf(hashes);

            var writer = new TableWriter(specs.Count, pages.Count, strings.Length, hashes.Length, CatalogLayout.BucketBitsFor(hashes.Length));
            writer.Add(Section.StringOffsets, stringOffsets);
            writer.Add(Section.Packages, packageNames.Select(n => stringId[n]));
            writer.Add(Section.Tags, tagNames.Select(n => stringId[n]));
            writer.Add(Section.Stacks, stackNames.Select(n => stringId[n]));
            writer.Add(Section.Targets, targetNames.Select(n => stringId[n]));
            writer.Add(Section.OperatingSystems, osNames.Select(n => stringId[n]));
            writer.Add(Section.Platforms, platformNames.Select(n => stringId[n]));

            // Pages.
            writer.Add(Section.PageTag, pages.Select(p => tagIndex[p.Tag]));
            writer.Add(Section.PagePackage, pages.Select(p => packageIndex[p.Package]));
            var pageFirstSpec = new int[pages.Count + 1];
            for (int p = 0; p < pages.Count; p++)
            {
                pageFirstSpec[p + 1] = pageFirstSpec[p] + pages[p].Specs.Count;
            }

            writer.Add(Section.PageFirstSpec, pageFirstSpec);
            var pagesOfPackage = Enumerable.Range(0, packageNames.Length).Select(_ => new List<int>()).ToArray();
            for (int p = 0; p < pages.Count; p++)
            {
                pagesOfPackage[packageIndex[pages[p].Package]].Add(p);
            }

            WriteGroups(writer, Section.PackagePageStart, Section.PackagePages, pagesOfPackage);
            var tagPageStart = new int[tagNames.Length + 1];
            for (int p = 0; p < pages.Count; p++)
            {
                tagPageStart[tagIndex[pages[p].Tag] + 1]++;
            }

            for (int t = 0; t < tagNames.Length; t++)
            {
                tagPageStart[t + 1] += tagPageStart[t];
            }

            writer.Add(Section.TagPageStart, tagPageStart);
            cancellationToken.ThrowIfCancellationRequested();

            // Specs, one column per field.
            var stackLists = new ListDeduper();
            var variantLists = new ListDeduper();
            writer.Add(Section.SpecPage, specPage);
            writer.Add(Section.SpecHash, specs.Select(s => hashIndex[s.Hash]));
            writer.Add(Section.SpecVersion, specs.Select(s => stringId[s.Version]));
            writer.Add(Section.SpecCompiler, specs.Select(s => compilerIndex[s.Compiler]));
            writer.Add(Section.SpecOs, specs.Select(s => osIndex[s.Os]));
            writer.Add(Section.SpecPlatform, specs.Select(s => platformIndex[s.Platform]));
            writer.Add(Section.SpecTarget, specs.Select(s => targetIndex[s.Target]));
            writer.Add(Section.SpecStacks, specs.Select(s => stackLists.Add(s.Stacks.Select(n => stackIndex[n]))).ToArray());
            writer.Add(Section.SpecVariants, specs.Select(s => variantLists.Add(s.Variants.Select(v => variantIndex[v]))).ToArray());
            writer.Add(Section.SpecSize, specs.Select(s => stringId[s.Size]));
            writer.Add(Section.SpecTarballHead, tarballHeads.Select(t => t is null ? 0 : stringId[t] + 1));
            writer.Add(Section.SpecTarballTail, tarballTails.Select(t => t is null ? 0 : stringId[t] + 1));
            writer.Add(Section.SpecFlags, specs.Select(s => s.SizeIsNumber ? SpecFlags.SizeIsNumber : 0));
            WriteGroups(writer, Section.StackListStart, Section.StackListItems, stackLists.Lists);
            WriteGroups(writer, Section.VariantListStart, Section.VariantListItems, variantLists.Lists);

            // Compilers and variants.
            writer.Add(Section.CompilerText, compilerTexts.Select(t => stringId[t]));
            writer.Add(Section.CompilerName, compilers.Select(c => stringId[c.Name]));
            writer.Add(Section.CompilerVersion, compilers.Select(c => stringId[c.Version]));
            writer.Add(Section.CompilerFlags, compilers.Select(c => (c.IsNone ? CompilerFlags.None : 0) | (c.IsExact ? CompilerFlags.Exact : 0)));
            writer.Add(Section.VariantText, variantTexts.Select(t => stringId[t]));
            writer.Add(Section.VariantName, variants.Select(v => stringId[v.Name]));
            writer.Add(Section.VariantFlags, variants.Select(v => v.Kind | (v.IsExact ? VariantFlags.Exact : 0) | (v.IsQuoted ? VariantFlags.Quoted : 0)));
            WriteGroups(writer, Section.VariantValueStart, Section.VariantValueItems, variants.Select(v => v.Values.Select(x => stringId[x]).ToList()).ToArray());
            cancellationToken.ThrowIfCancellationRequested();

            // Hashes: sorted text, the specs of each, and the bucket index.
            var hashText = new byte[hashes.Length * CatalogLayout.HashLength];
            for (int h = 0; h < hashes.Length; h++)
            {
                Encoding.ASCII.GetBytes(hashes[h], 0, CatalogLayout.HashLength, hashText, h * CatalogLayout.HashLength);
            }

            writer.AddBytes(Section.HashText, hashText);
            var specsOfHash = Enumerable.Range(0, hashes.Length).Select(_ => new List<int>()).ToArray();
            for (int i = 0; i < specs.Count; i++)
            {
                specsOfHash[hashIndex[specs[i].Hash]].Add(i);
            }

            WriteGroups(writer, Section.HashEntryStart, Section.HashEntries, specsOfHash);
            int bits = writer.BucketBits;
            var bucketStart = new int[(1 << bits) + 1];
            int next = 0;
            for (int b = 0; b <= 1 << bits; b++)
            {
                while (next < hashes.Length && LeadingBits(hashes[next], bits) < b)
                {
                    next++;
                }

                bucketStart[b] = next;
            }

            writer.Add(Section.BucketStart, bucketStart);
            return new EncodedCatalog(writer.ToArray(), stringText.ToString(), byteOffset);
        }

        /// <summary>The leading <paramref name="bits"/> bits of a hash, from the ordinal ranks of its first four characters.</summary>
        public static int LeadingBits(string hash, int bits)
        {
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                value = (value << 5) | CatalogLayout.HashCharRank(hash[i]);
            }

            return value >> (CatalogLayout.MaxBucketBits - bits);
        }

        private static void WriteGroups(TableWriter writer, Section start, Section items, IReadOnlyList<List<int>> groups)
        {
            var starts = new int[groups.Count + 1];
            var flat = new List<int>();
            for (int i = 0; i < groups.Count; i++)
            {
                starts[i] = flat.Count;
                flat.AddRange(groups[i]);
            }

            starts[groups.Count] = flat.Count;
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

        private static string[] SortedDistinct(IEnumerable<string> values)
        {
            var set = new HashSet<string>(values, StringComparer.Ordinal);
            string[] array = set.ToArray();
            Array.Sort(array, StringComparer.Ordinal);
            return array;
        }

        private static Dictionary<string, int> IndexOf(string[] sorted)
        {
            var index = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
            for (int i = 0; i < sorted.Length; i++)
            {
                index.Add(sorted[i], i);
            }

            return index;
        }

        /// <summary>Gives equal lists one index, in order of first appearance.</summary>
        private sealed class ListDeduper
        {
            private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.Ordinal);

            public List<List<int>> Lists { get; } = new List<List<int>>();

            public int Add(IEnumerable<int> items)
            {
                var list = items.ToList();
                string key = string.Join(",", list);
                if (!_index.TryGetValue(key, out int id))
                {
                    id = Lists.Count;
                    _index.Add(key, id);
                    Lists.Add(list);
                }

                return id;
            }
        }
    }
}
