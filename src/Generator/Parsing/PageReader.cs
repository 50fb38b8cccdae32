using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Validation;

namespace SpecGen.Generator.Parsing
{
    /// <summary>
    /// Reads one page: front matter, YAML, the keys and values of the format, and the checks that need
    /// only this page. A page with an error yields no model; a page with only warnings yields everything valid.
    /// </summary>
    internal sealed class PageReader
    {
        /// <summary>Default page size limit, in characters (16 MiB).</summary>
        public const int DefaultMaxPageSize = 16 * 1024 * 1024;

        internal static readonly string[] MetaKeys = { "compilers", "num_specs", "num_specs_by_stack", "oss", "platforms", "stacks", "targets", "versions" };
        internal static readonly string[] SpecKeys = { "compiler", "hash", "os", "platform", "size", "stacks", "target", "variants", "versions" };
        private static readonly string[] TopKeys = { "title", "layout", "categories", "meta", "spec_details" };
        private static readonly string[] OldFormatKeys = { "spec_files", "spec_names" };

        private readonly string _path;
        private readonly SourceText _text;
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<string> _validValues = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _strings = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<EquatableArray<string>, EquatableArray<string>> _lists = new Dictionary<EquatableArray<string>, EquatableArray<string>>();

        private PageReader(string path, SourceText text, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            _path = path;
            _text = text;
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        public static PageResult Read(string path, SourceText text, int maxPageSize, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            PageModel? page;
            try
            {
                page = new PageReader(path, text, diagnostics, cancellationToken).ReadPage(maxPageSize);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, LocationInfo.Create(path, text, new TextSpan(0, 0)), ex.GetType().Name + ": " + ex.Message));
                page = null;
            }

            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                if (diagnostic.IsError)
                {
                    page = null;
                    break;
                }
            }

            return new PageResult(page, EquatableArray.From(diagnostics));
        }

        private PageModel? ReadPage(int maxPageSize)
        {
            if (_text.Length > maxPageSize)
            {
                Report(DiagnosticDescriptors.ResourceLimit, FirstLine(), string.Format(
                    CultureInfo.InvariantCulture,
                    "the page has {0} characters, more than the limit of {1} (the MSBuild property SpecGenMaxPageSize sets it)",
                    _text.Length,
                    maxPageSize));
                return null;
            }

            FrontMatter frontMatter = FrontMatter.Find(_text);
            if (frontMatter.Error is not null)
            {
                Report(DiagnosticDescriptors.NotAPage, frontMatter.ErrorSpan, frontMatter.Error);
                return null;
            }

            YamlNode? root = YamlTreeReader.Read(_path, _text, frontMatter.YamlEnd, _diagnostics, _cancellationToken);
            if (_diagnostics.Count > 0)
            {
                return null;
            }

            if (root is YamlScalar { IsNull: true } || root is null)
            {
                root = new YamlMapping(FirstLine(), new List<KeyValuePair<YamlNode, YamlNode>>());
            }

            if (root is not YamlMapping top)
            {
                WrongShape(root, "the front matter", "a mapping of keys (title, layout, categories, meta, spec_details)");
                return null;
            }

            KeyMap keys = Index(top, string.Empty);
            foreach (string oldKey in OldFormatKeys)
            {
                if (keys.TryGetValue(oldKey, out Entry old))
                {
                    Report(DiagnosticDescriptors.OldFormat, old.Key.Span, oldKey);
                    return null;
                }
            }

            ReportUnknownKeys(keys, TopKeys, string.Empty);
            var names = new NameRecorder(this);

            string? package = null;
            LocationInfo? titleLocation = null;
            if (Require(keys, "title", FirstLine(), string.Empty, out Entry title) && ReadString(title.Value, "title") is string packageName)
            {
                if (CheckName(title.Value, "Package name", packageName))
                {
                    package = packageName;
                    titleLocation = Location(title.Value.Span);
                    names.Add(NameKind.Package, packageName, title.Value.Span);
                }
            }

            ReadLayout(keys);
            string? tag = ReadCategories(keys, names);
            MetaSyntax? meta = ReadMeta(keys);
            List<SpecRead>? specs = ReadSpecs(keys, names);

            if (specs is not null)
            {
                PageConsistency.CheckDuplicateHashes(this, specs, tag);
                if (meta is not null)
                {
                    PageConsistency.Check(this, meta, specs);
                }
            }

            if (package is null || tag is null || specs is null || titleLocation is null)
            {
                return null;
            }

            var data = new SpecData[specs.Count];
            var hashLocations = new LocationInfo[specs.Count];
            var versions = new List<string>();
            for (int i = 0; i < specs.Count; i++)
            {
                data[i] = specs[i].Data;
                hashLocations[i] = specs[i].HashLocation;
                if (!versions.Contains(data[i].Version))
                {
                    versions.Add(data[i].Version);
                }
            }

            return new PageModel(
                _path,
                package,
                tag,
                titleLocation,
                new EquatableArray<SpecData>(data),
                new EquatableArray<LocationInfo>(hashLocations),
                names.ToArray(),
                EquatableArray.From(versions));
        }

        // ---- reporting -------------------------------------------------------------------------

        internal LocationInfo Location(TextSpan span) => LocationInfo.Create(_path, _text, span);

        internal void Report(DiagnosticDescriptor descriptor, TextSpan span, params string[] args)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, Location(span), args));
        }

        internal void Report(DiagnosticDescriptor descriptor, TextSpan span, TextSpan other, params string[] args)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, Location(span), Location(other), args));
        }

        internal void WrongShape(YamlNode node, FieldPath what, string expected)
        {
            string actual = node.ShapeName;
            if (node is YamlScalar scalar && !scalar.IsNull)
            {
                actual += " (" + Quote(scalar.Value) + ")";
            }

            Report(DiagnosticDescriptors.WrongShape, node.Span, what.ToString(), expected, actual);
        }

        internal static string Quote(string value)
        {
            const int Max = 60;
            return "'" + (value.Length > Max ? value.Substring(0, Max) + "..." : value) + "'";
        }

        private TextSpan FirstLine() => new TextSpan(0, Math.Min(3, _text.Length));

        // ---- keys --------------------------------------------------------------------------------

        /// <summary>The keys of a mapping: in order, looked up by a scan (mappings of the format are small) or by index when large.</summary>
        internal sealed class KeyMap
        {
            private const int ScanLimit = 16;
            private readonly List<Entry> _entries;
            private Dictionary<string, int>? _index;

            public KeyMap(int capacity)
            {
                _entries = new List<Entry>(capacity);
            }

            public List<Entry> Entries => _entries;

            public Entry this[string key] => TryGetValue(key, out Entry entry) ? entry : throw new KeyNotFoundException(key);

            public bool TryGetValue(string key, out Entry entry)
            {
                if (_index is not null)
                {
                    if (_index.TryGetValue(key, out int at))
                    {
                        entry = _entries[at];
                        return true;
                    }
                }
                else
                {
                    foreach (Entry candidate in _entries)
                    {
                        if (string.Equals(candidate.Key.Value, key, StringComparison.Ordinal))
                        {
                            entry = candidate;
                            return true;
                        }
                    }
                }

                entry = default;
                return false;
            }

            public void Add(Entry entry)
            {
                _entries.Add(entry);
                if (_index is not null)
                {
                    _index.Add(entry.Key.Value, _entries.Count - 1);
                }
                else if (_entries.Count > ScanLimit)
                {
                    _index = new Dictionary<string, int>(StringComparer.Ordinal);
                    for (int i = 0; i < _entries.Count; i++)
                    {
                        _index.Add(_entries[i].Key.Value, i);
                    }
                }
            }
        }

        /// <summary>A key of a mapping and its value.</summary>
        internal readonly struct Entry
        {
            public Entry(YamlScalar key, YamlNode value)
            {
                Key = key;
                Value = value;
            }

            public YamlScalar Key { get; }

            public YamlNode Value { get; }
        }

        /// <summary>The entries of a mapping by key; reports non-string and duplicate keys.</summary>
        internal KeyMap Index(YamlMapping mapping, FieldPath path)
        {
            var keys = new KeyMap(mapping.Entries.Count);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Entries)
            {
                if (pair.Key is not YamlScalar key || key.IsNull)
                {
                    WrongShape(pair.Key, "a key of " + (path.IsEmpty ? "the front matter" : path.ToString()), "a string");
                    continue;
                }

                if (keys.TryGetValue(key.Value, out Entry first))
                {
                    Report(DiagnosticDescriptors.DuplicateKey, key.Span, first.Key.Span, key.Value, path.IsEmpty ? string.Empty : " in " + path.ToString());
                    continue;
                }

                keys.Add(new Entry(key, pair.Value));
            }

            return keys;
        }

        internal void ReportUnknownKeys(KeyMap keys, string[] known, FieldPath path, string? optional = null)
        {
            foreach (Entry entry in keys.Entries)
            {
                string key = entry.Key.Value;
                if (Array.IndexOf(known, key) < 0 && key != optional)
                {
                    Report(DiagnosticDescriptors.UnknownKey, entry.Key.Span, key, path.IsEmpty ? string.Empty : " in " + path.ToString());
                }
            }
        }

        internal bool Require(KeyMap keys, string key, TextSpan owner, FieldPath path, out Entry entry)
        {
            if (keys.TryGetValue(key, out entry))
            {
                return true;
            }

            Report(DiagnosticDescriptors.MissingKey, owner, key, path.IsEmpty ? string.Empty : " from " + path.ToString());
            return false;
        }

        // ---- values ------------------------------------------------------------------------------

        /// <summary>A string value, or null (reported) when the node is not a non-null scalar of valid Unicode.</summary>
        internal string? ReadString(YamlNode node, FieldPath what)
        {
            if (node is not YamlScalar scalar || scalar.IsNull)
            {
                WrongShape(node, what, "a string");
                return null;
            }

            if (SpecSyntax.HasLoneSurrogate(scalar.Value))
            {
                Report(DiagnosticDescriptors.WrongShape, node.Span, what.ToString(), "valid Unicode text", "a string with a lone surrogate escape");
                return null;
            }

            return scalar.Value;
        }

        /// <summary>A non-negative whole number written without quotes, or null (reported).</summary>
        internal int? ReadCount(YamlNode node, FieldPath what)
        {
            if (node is YamlScalar { IsPlain: true } scalar && SpecSyntax.IsDigits(scalar.Value)
                && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            WrongShape(node, what, "a whole number such as 3");
            return null;
        }

        /// <summary>
        /// The strings of a list, or null (reported) when the node is not a list of strings. When not null, the
        /// node is a <see cref="YamlSequence"/> whose items are the nodes of the strings, in order.
        /// </summary>
        internal string[]? ReadStrings(YamlNode node, FieldPath what)
        {
            if (node is not YamlSequence sequence)
            {
                WrongShape(node, what, "a list of strings");
                return null;
            }

            var items = new string[sequence.Items.Count];
            bool ok = true;
            for (int i = 0; i < items.Length; i++)
            {
                string? value = ReadString(sequence.Items[i], what.Item(i));
                if (value is null)
                {
                    ok = false;
                    continue;
                }

                items[i] = value;
            }

            return ok ? items : null;
        }

        /// <summary>Equal strings of a page share one instance: specs repeat values, and later steps cache by instance.</summary>
        internal string Intern(string value)
        {
            if (_strings.TryGetValue(value, out string? existing))
            {
                return existing;
            }

            _strings.Add(value, value);
            return value;
        }

        /// <summary>Equal lists of a page (stacks, variants) share one array: pages repeat them, and later steps cache by instance.</summary>
        internal EquatableArray<string> Intern(string[] items)
        {
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Intern(items[i]);
            }

            var list = new EquatableArray<string>(items);
            if (_lists.TryGetValue(list, out EquatableArray<string> existing))
            {
                return existing;
            }

            _lists.Add(list, list);
            return list;
        }

        /// <summary>
        /// Checks a compiler, variant or version once per page: specs repeat the same values, and a value that
        /// passed once passes again. <paramref name="check"/> gives the error or null.
        /// </summary>
        internal bool CheckValue(YamlNode node, string what, string value, Func<string, string?> check)
        {
            if (_validValues.Contains(value))
            {
                return true;
            }

            string? error = check(value);
            if (error is not null)
            {
                Report(DiagnosticDescriptors.MalformedValue, node.Span, what, value, error);
                return false;
            }

            _validValues.Add(value);
            return true;
        }

        internal bool CheckName(YamlNode node, string what, string name)
        {
            string? error = SpecSyntax.CheckName(name);
            if (error is null)
            {
                return true;
            }

            Report(DiagnosticDescriptors.InvalidName, node.Span, what, name, error);
            return false;
        }

        // ---- sections ----------------------------------------------------------------------------

        private void ReadLayout(KeyMap keys)
        {
            if (!keys.TryGetValue("layout", out Entry layout))
            {
                Report(DiagnosticDescriptors.UnexpectedLayout, FirstLine(), "The page has no 'layout' key; cache pages use 'layout: cache'");
                return;
            }

            string? value = ReadString(layout.Value, "layout");
            if (value is not null && value != "cache")
            {
                Report(DiagnosticDescriptors.UnexpectedLayout, layout.Value.Span, "layout is " + Quote(value) + "; cache pages use 'layout: cache'");
            }
        }

        /// <summary>The snapshot tag from <c>categories: [package, tag]</c>.</summary>
        private string? ReadCategories(KeyMap keys, NameRecorder names)
        {
            if (!Require(keys, "categories", FirstLine(), string.Empty, out Entry categories))
            {
                return null;
            }

            string[]? values = ReadStrings(categories.Value, "categories");
            if (values is null)
            {
                return null;
            }

            List<YamlNode> nodes = ((YamlSequence)categories.Value).Items;
            var tags = new List<KeyValuePair<string, YamlNode>>();
            bool hasPackage = false;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == "package" && !hasPackage)
                {
                    hasPackage = true;
                }
                else
                {
                    tags.Add(new KeyValuePair<string, YamlNode>(values[i], nodes[i]));
                }
            }

            if (tags.Count == 0)
            {
                Report(DiagnosticDescriptors.MissingKey, categories.Value.Span, "categories[1]", " (the snapshot tag, as in 'categories: [package, develop-2025-04-20]')");
                return null;
            }

            if (tags.Count > 1)
            {
                WrongShape(categories.Value, "categories", "'[package, <tag>]' with one snapshot tag");
                return null;
            }

            if (!hasPackage || values.Length != 2 || values[0] != "package")
            {
                Report(DiagnosticDescriptors.UnexpectedLayout, categories.Value.Span, "categories should be '[package, " + tags[0].Key + "]'; the tag '" + tags[0].Key + "' is used");
            }

            KeyValuePair<string, YamlNode> tag = tags[0];
            if (!CheckName(tag.Value, "Snapshot tag", tag.Key))
            {
                return null;
            }

            names.Add(NameKind.Tag, tag.Key, tag.Value.Span);
            return tag.Key;
        }

        private MetaSyntax? ReadMeta(KeyMap keys)
        {
            if (!Require(keys, "meta", FirstLine(), string.Empty, out Entry meta))
            {
                return null;
            }

            if (meta.Value is not YamlMapping mapping)
            {
                WrongShape(meta.Value, "meta", "a mapping");
                return null;
            }

            KeyMap metaKeys = Index(mapping, "meta");
            ReportUnknownKeys(metaKeys, MetaKeys, "meta");
            var result = new MetaSyntax(meta.Key);
            bool complete = true;
            foreach (string key in MetaKeys)
            {
                if (!Require(metaKeys, key, meta.Key.Span, "meta", out Entry entry))
                {
                    complete = false;
                    continue;
                }

                var what = new FieldPath("meta", key: key);
                switch (key)
                {
                    case "num_specs":
                        result.NumSpecs = ReadCount(entry.Value, what);
                        result.NumSpecsNode = entry.Value;
                        complete &= result.NumSpecs.HasValue;
                        break;
                    case "num_specs_by_stack":
                        complete &= ReadStackCounts(entry.Value, result);
                        break;
                    default:
                        string[]? list = ReadStrings(entry.Value, what);
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

        private bool ReadStackCounts(YamlNode node, MetaSyntax meta)
        {
            const string What = "meta.num_specs_by_stack";
            if (node is not YamlMapping mapping)
            {
                WrongShape(node, What, "a mapping of stack names to counts");
                return false;
            }

            meta.StackCountsNode = mapping;
            bool ok = true;
            foreach (Entry entry in Index(mapping, What).Entries)
            {
                int? count = ReadCount(entry.Value, new FieldPath(What, key: entry.Key.Value));
                if (count is null)
                {
                    ok = false;
                    continue;
                }

                meta.StackCounts.Add(new StackCount(entry.Key.Value, entry.Key, entry.Value, count.Value));
            }

            return ok;
        }

        private List<SpecRead>? ReadSpecs(KeyMap keys, NameRecorder names)
        {
            if (!Require(keys, "spec_details", FirstLine(), string.Empty, out Entry details))
            {
                return null;
            }

            if (details.Value is not YamlSequence sequence)
            {
                WrongShape(details.Value, "spec_details", "a list of specs");
                return null;
            }

            var specs = new List<SpecRead>(sequence.Items.Count);
            bool ok = true;
            for (int i = 0; i < sequence.Items.Count; i++)
            {
                if ((i & 63) == 63)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                }

                SpecRead? spec = SpecReader.Read(this, sequence.Items[i], new FieldPath("spec_details", i), names);
                if (spec is null)
                {
                    ok = false;
                }
                else
                {
                    specs.Add(spec.Value);
                }
            }

            return ok ? specs : null;
        }
    }
}
