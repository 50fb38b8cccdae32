using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SpecGen.Format;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>Reads <c>meta</c>: the spec count, the count per stack and the sets derived from the specs.</summary>
    internal static class MetaReader
    {
        /// <summary>The meta section, or null (reported) when it is missing or incomplete.</summary>
        [MethodImpl(Jit.Hot)]
        public static MetaSection? Read(PageContext page, ValueReader values, KeyMap keys)
        {
            if (!keys.Require(page, PageKeys.Meta, page.FirstLine, string.Empty, out KeyEntry meta))
            {
                return null;
            }

            if (meta.Value is not YamlMapping mapping)
            {
                page.WrongShape(meta.Value, PageKeys.Meta, "a mapping");
                return null;
            }

            KeyMap metaKeys = KeyMap.Read(page, mapping, PageKeys.Meta);
            metaKeys.ReportUnknown(page, IsMetaKey, PageKeys.Meta);
            var result = new MetaSection();
            bool complete = true;
            foreach (string key in PageKeys.MetaKeys)
            {
                if (!metaKeys.Require(page, key, meta.Key.Span, PageKeys.Meta, out KeyEntry entry))
                {
                    complete = false;
                    continue;
                }

                var what = new FieldPath(PageKeys.Meta, key: key);
                switch (key)
                {
                    case PageKeys.NumSpecs:
                        result.NumSpecs = values.ReadCount(entry.Value, what);
                        result.NumSpecsNode = entry.Value;
                        complete &= result.NumSpecs.HasValue;
                        break;
                    case PageKeys.NumSpecsByStack:
                        complete &= ReadStackCounts(page, values, entry.Value, result);
                        break;
                    default:
                        string[]? list = values.ReadStrings(entry.Value, what);
                        if (list is null)
                        {
                            complete = false;
                        }
                        else
                        {
                            result.Sets[key] = new KeyValuePair<YamlNode, string[]>(entry.Value, list);
                        }

                        break;
                }
            }

            return complete ? result : null;
        }

        private static bool IsMetaKey(string key) => Array.IndexOf(PageKeys.MetaKeys, key) >= 0;

        [MethodImpl(Jit.Hot)]
        private static bool ReadStackCounts(PageContext page, ValueReader values, YamlNode node, MetaSection meta)
        {
            var what = new FieldPath(PageKeys.Meta, key: PageKeys.NumSpecsByStack);
            if (node is not YamlMapping mapping)
            {
                page.WrongShape(node, what, "a mapping of stack names to counts");
                return false;
            }

            meta.StackCountsNode = mapping;
            bool ok = true;
            string path = what.ToString();
            foreach (KeyEntry entry in KeyMap.Read(page, mapping, path).Entries)
            {
                int? count = values.ReadCount(entry.Value, new FieldPath(path, key: entry.Key.Value));
                if (count is null)
                {
                    ok = false;
                    continue;
                }

                meta.StackCounts.Add(new StackCount(entry.Key.Value, entry.Key, entry.Value, count.Value));
            }

            return ok;
        }
    }
}
