using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Validation
{
    /// <summary>Checks that <c>meta</c> agrees with <c>spec_details</c>, which it is derived from.</summary>
    internal static class PageConsistency
    {
        private const int MaxListed = 5;

        /// <summary>SPG0008 within one page: the same hash twice.</summary>
        public static void CheckDuplicateHashes(PageReader page, List<SpecRead> specs, string? tag)
        {
            var first = new Dictionary<string, SpecRead>(StringComparer.Ordinal);
            foreach (SpecRead spec in specs)
            {
                if (first.TryGetValue(spec.Data.Hash, out SpecRead earlier))
                {
                    page.Report(DiagnosticDescriptors.DuplicateHash, spec.HashSpan, earlier.HashSpan, spec.Data.Hash, tag ?? "?");
                }
                else
                {
                    first.Add(spec.Data.Hash, spec);
                }
            }
        }

        public static void Check(PageReader page, MetaSyntax meta, List<SpecRead> specs)
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
            CheckSet(page, meta, "compilers", specs.Select(s => s.Data.Compiler));
            CheckSet(page, meta, "oss", specs.Select(s => s.Data.Os));
            CheckSet(page, meta, "platforms", specs.Select(s => s.Data.Platform));
            CheckSet(page, meta, "stacks", specs.SelectMany(s => s.Data.Stacks));
            CheckSet(page, meta, "targets", specs.Select(s => s.Data.Target));
            CheckSet(page, meta, "versions", specs.Select(s => s.Data.Version));
        }

        private static void CheckStackCounts(PageReader page, MetaSyntax meta, List<SpecRead> specs)
        {
            var actual = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (SpecRead spec in specs)
            {
                foreach (string stack in new HashSet<string>(spec.Data.Stacks, StringComparer.Ordinal))
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

        private static void CheckSet(PageReader page, MetaSyntax meta, string key, IEnumerable<string> specValues)
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
            string[] extra = listed.Where(v => !expected.Contains(v)).OrderBy(v => v, StringComparer.Ordinal).ToArray();
            string[] missing = expected.Where(v => !listed.Contains(v)).OrderBy(v => v, StringComparer.Ordinal).ToArray();
            if (extra.Length > 0)
            {
                parts.Add(Join(extra) + (extra.Length == 1 ? " is" : " are") + " listed but no spec has " + (extra.Length == 1 ? "it" : "them"));
            }

            if (missing.Length > 0)
            {
                parts.Add(Join(missing) + (missing.Length == 1 ? " is" : " are") + " used by specs but not listed");
            }

            page.Report(DiagnosticDescriptors.MetaSetMismatch, set.Key.Span, key, string.Join("; ", parts));
        }

        private static string Join(string[] values)
        {
            string joined = string.Join(", ", values.Take(MaxListed).Select(v => "'" + v + "'"));
            return values.Length > MaxListed ? joined + " and " + (values.Length - MaxListed).ToString(CultureInfo.InvariantCulture) + " more" : joined;
        }
    }
}
