using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>Reads the snapshot tag from <c>categories: [package, tag]</c>.</summary>
    internal static class CategoriesReader
    {
        /// <summary>The tag, or null (reported).</summary>
        [MethodImpl(Jit.Hot)]
        public static string? ReadTag(PageContext page, ValueReader values, KeyMap keys, NameRecorder names, out YamlNode? tagNode)
        {
            tagNode = null;
            if (!keys.Require(page, PageKeys.Categories, page.FirstLine, string.Empty, out KeyEntry categories))
            {
                return null;
            }

            string[]? items = values.ReadStrings(categories.Value, PageKeys.Categories);
            if (items is null)
            {
                return null;
            }

            List<YamlNode> nodes = ((YamlSequence)categories.Value).Items;
            var tags = new List<KeyValuePair<string, YamlNode>>();
            bool hasPackage = false;
            for (int i = 0; i < items.Length; i++)
            {
                if (items[i] == PageKeys.PackageCategory && !hasPackage)
                {
                    hasPackage = true;
                }
                else
                {
                    tags.Add(new KeyValuePair<string, YamlNode>(items[i], nodes[i]));
                }
            }

            if (tags.Count == 0)
            {
                page.Report(DiagnosticDescriptors.MissingKey, categories.Value.Span, "categories[1]", " (the snapshot tag, as in 'categories: [package, develop-2025-04-20]')");
                return null;
            }

            if (tags.Count > 1)
            {
                page.WrongShape(categories.Value, PageKeys.Categories, "'[package, <tag>]' with one snapshot tag");
                return null;
            }

            KeyValuePair<string, YamlNode> tag = tags[0];
            // One tag is read, so the list is [package, tag] exactly when it has the package and starts with it.
            if (!hasPackage || items[0] != PageKeys.PackageCategory)
            {
                page.Report(DiagnosticDescriptors.UnexpectedLayout, categories.Value.Span, "categories should be '[package, " + tag.Key + "]'; the tag '" + tag.Key + "' is used");
            }

            if (!values.CheckName(tag.Value, Dimensions.Tag.Noun, tag.Key))
            {
                return null;
            }

            names.Add(Dimensions.Tag, tag.Key, tag.Value.Span);
            tagNode = tag.Value;
            return tag.Key;
        }
    }
}
