using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using SpecGen.Format;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>The checks that need every spec of a page: no hash twice, and <c>meta</c> agrees with the specs it is derived from.</summary>
    internal static class PageChecks
    {
        private const int MaxListed = 5;

        /// <summary>SPG0008 within one page: the same hash twice.</summary>
        [MethodImpl(Jit.Hot)]
        public static void CheckDuplicateHashes(PageContext page, List<SpecRead> specs, string? tag)
        {
            var first = new Dictionary<string, SpecRead>(specs.Count, StringComparer.Ordinal);
            foreach (SpecRead spec in specs)
            {
                if (first.TryGetValue(spec.Data.Hash, out SpecRead earlier))
                {
                    page.Report(DiagnosticDescriptors.DuplicateHash, spec.HashSpan, earlier.HashSpan, spec.Data.Hash, tag ?? "?", page.Location(earlier.HashSpan).ToDisplayString());
                }
                else
                {
                    first.Add(spec.Data.Hash, spec);
                }
            }
        }

        /// <summary>SPG0009, SPG0010, SPG0011: the counts and sets of <c>meta</c> against the specs.</summary>
        [MethodImpl(Jit.Hot)]
        public static void CheckMeta(PageContext page, MetaSection meta, List<SpecRead> specs)
        {
            if (meta.NumSpecs is int numSpecs && numSpecs != specs.Count && meta.NumSpecsNode is not null)
            {
                page.Report(
                    DiagnosticDescriptors.SpecCountMismatch,
                    meta.NumSpecsNode.Span,
                    numSpecs.ToString(CultureInfo.InvariantCulture),
                    specs.Count.ToString(CultureInfo.InvariantCulture));
            }

            CheckStackCounts(page, meta, specs);

            // One set for every field in turn: a page's values are few, and the sets are compared, not kept.
            var expected = new HashSet<string>(StringComparer.Ordinal);
            foreach (SpecField field in SpecFields.All)
            {
                if (field.MetaKey is null || !meta.Sets.TryGetValue(field.MetaKey, out KeyValuePair<YamlNode, string[]> set))
                {
                    continue;
                }

                expected.Clear();
                foreach (SpecRead spec in specs)
                {
                    FieldValue value = spec.Data[field];
                    if (value.Text is string text)
                    {
                        expected.Add(text);
                    }
                    else
                    {
                        EquatableArray<string> items = value.Items;
                        for (int i = 0; i < items.Count; i++)
                        {
                            expected.Add(items[i]);
                        }
                    }
                }

                // SetEquals ignores repeats in the listed values, as the sets of values they are.
                if (!expected.SetEquals(set.Value))
                {
                    ReportSetMismatch(page, field.MetaKey, set, expected);
                }
            }
        }

        [MethodImpl(Jit.Hot)]
        private static void CheckStackCounts(PageContext page, MetaSection meta, List<SpecRead> specs)
        {
            var actual = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (SpecRead spec in specs)
            {
                // Each stack once per spec, whatever its list repeats (a spec's stacks are a handful: no set needed).
                EquatableArray<string> stacks = spec.Data[SpecFields.Stacks].Items;
                for (int i = 0; i < stacks.Count; i++)
                {
                    if (stacks.AsSpan().IndexOf(stacks[i]) < i)
                    {
                        continue;
                    }

                    actual.TryGetValue(stacks[i], out int n);
                    actual[stacks[i]] = n + 1;
                }
            }

            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (StackCount entry in meta.StackCounts)
            {
                listed.Add(entry.Stack);
                actual.TryGetValue(entry.Stack, out int n);
                if (n != entry.Count)
                {
                    page.Report(DiagnosticDescriptors.StackCountMismatch, entry.ValueNode.Span, string.Format(
                        CultureInfo.InvariantCulture,
                        "stack '{0}' is given {1} specs but {2} list it",
                        entry.Stack,
                        entry.Count,
                        n));
                }
            }

            if (meta.StackCountsNode is null)
            {
                return;
            }

            foreach (KeyValuePair<string, int> pair in actual.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (!listed.Contains(pair.Key))
                {
                    page.Report(DiagnosticDescriptors.StackCountMismatch, meta.StackCountsNode.Span, string.Format(
                        CultureInfo.InvariantCulture,
                        "stack '{0}' is listed by {1} specs but has no count",
                        pair.Key,
                        pair.Value));
                }
            }
        }

        private static void ReportSetMismatch(PageContext page, string key, KeyValuePair<YamlNode, string[]> set, HashSet<string> expected)
        {
            var listed = new HashSet<string>(set.Value, StringComparer.Ordinal);
            var parts = new List<string>();
            string[] extra = listed.Where(v => !expected.Contains(v)).ToArray();
            string[] missing = expected.Where(v => !listed.Contains(v)).ToArray();
            if (extra.Length > 0)
            {
                parts.Add(TextList.Join(extra, MaxListed, quote: true) + (extra.Length == 1 ? " is" : " are") + " listed but no spec has " + (extra.Length == 1 ? "it" : "them"));
            }

            if (missing.Length > 0)
            {
                parts.Add(TextList.Join(missing, MaxListed, quote: true) + (missing.Length == 1 ? " is" : " are") + " used by specs but not listed");
            }

            page.Report(DiagnosticDescriptors.MetaSetMismatch, set.Key.Span, key, string.Join("; ", parts));
        }
    }
}
