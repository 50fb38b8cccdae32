using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        public static void CheckDuplicateHashes(PageContext page, List<SpecRead> specs, string? tag)
        {
            var first = new Dictionary<string, SpecRead>(StringComparer.Ordinal);
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
            foreach (SpecField field in SpecFields.All)
            {
                if (field.MetaKey is not null)
                {
                    CheckSet(page, meta, field.MetaKey, specs.SelectMany(s => Values(s.Data[field])));
                }
            }
        }

        private static IEnumerable<string> Values(FieldValue value) => value.Text is string text ? new[] { text } : (IEnumerable<string>)value.Items;

        private static void CheckStackCounts(PageContext page, MetaSection meta, List<SpecRead> specs)
        {
            var actual = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (SpecRead spec in specs)
            {
                foreach (string stack in new HashSet<string>(spec.Data[SpecFields.Stacks].Items, StringComparer.Ordinal))
                {
                    actual.TryGetValue(stack, out int n);
                    actual[stack] = n + 1;
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

        private static void CheckSet(PageContext page, MetaSection meta, string key, IEnumerable<string> specValues)
        {
            if (!meta.Sets.TryGetValue(key, out KeyValuePair<YamlNode, string[]> set))
            {
                return;
            }

            var expected = new HashSet<string>(specValues, StringComparer.Ordinal);
            var listed = new HashSet<string>(set.Value, StringComparer.Ordinal);
            if (expected.SetEquals(listed))
            {
                return;
            }

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
