using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>
    /// Reads one page: its front matter into a YAML tree (Parsing), then the keys of the format and the checks
    /// that need only this page. The result holds the page whenever its data could be read, with every
    /// diagnostic; whether the page enters the catalog is decided by <see cref="PageFilter"/>.
    /// </summary>
    internal sealed class PageReader
    {
        private readonly PageContext _page;
        private readonly ValueReader _values;
        private readonly NameRecorder _names;
        private YamlNode? _titleNode;

        [MethodImpl(Jit.Hot)]
        private PageReader(PageContext page)
        {
            _page = page;
            _values = new ValueReader(page);
            _names = new NameRecorder(page);
        }

        [MethodImpl(Jit.Hot)]
        public static PageResult Read(string path, SourceText text, ReadOptions options, CancellationToken cancellationToken)
        {
            var page = new PageContext(path, text, cancellationToken);
            PageModel? model;
            try
            {
                model = new PageReader(page).ReadPage(options.MaxPageSize);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // At the start of the page, without asking the text for its lines: the text itself may be what broke.
                page.Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InternalError,
                    LocationInfo.AtStart(path),
                    "this page: " + ex.GetType().Name + ": " + ex.Message));
                model = null;
            }

            return new PageResult(model, EquatableArray.From(page.Diagnostics));
        }

        [MethodImpl(Jit.Hot)]
        private PageModel? ReadPage(int maxPageSize)
        {
            if (_page.Text.Length > maxPageSize)
            {
                _page.Report(DiagnosticDescriptors.ResourceLimit, _page.FirstLine, string.Format(
                    CultureInfo.InvariantCulture,
                    "the page has {0} characters, more than the limit of {1} (the MSBuild property SpecGenMaxPageSize sets it)",
                    _page.Text.Length,
                    maxPageSize));
                return null;
            }

            // The whole text as one string: a string-backed text (any page below 40,000 characters) gives its own, no copy.
            string content = _page.Text.ToString();
            FrontMatter frontMatter = FrontMatter.Find(content);
            if (frontMatter.Error is not null)
            {
                _page.Report(DiagnosticDescriptors.NotAPage, frontMatter.ErrorSpan, frontMatter.Error);
                return null;
            }

            YamlNode? root = YamlTreeReader.Read(_page.Path, _page.Text, content, frontMatter.YamlEnd, _page.Diagnostics, _page.CancellationToken);
            if (_page.Diagnostics.Count > 0)
            {
                return null;
            }

            if (root is YamlScalar { IsNull: true } || root is null)
            {
                root = new YamlMapping(_page.FirstLine, new List<KeyValuePair<YamlNode, YamlNode>>());
            }

            if (root is not YamlMapping top)
            {
                _page.WrongShape(root, "the front matter", "a mapping of keys (title, layout, categories, meta, spec_details)");
                return null;
            }

            KeyMap keys = KeyMap.Read(_page, top, string.Empty);
            foreach (string oldKey in PageKeys.OldFormat)
            {
                if (keys.TryGetValue(oldKey, out KeyEntry old))
                {
                    _page.Report(DiagnosticDescriptors.OldFormat, old.Key.Span, oldKey);
                    return null;
                }
            }

            keys.ReportUnknown(_page, static key => Array.IndexOf(PageKeys.All, key) >= 0, string.Empty);
            (string Package, LocationInfo Location)? title = ReadTitle(keys);
            ReadLayout(keys);
            string? tag = CategoriesReader.ReadTag(_page, _values, keys, _names, out YamlNode? tagNode);
            CheckPlace(title, tag, tagNode);
            MetaSection? meta = MetaReader.Read(_page, _values, keys);
            var specReader = new SpecReader(_page, _values, _names);
            List<SpecRead>? specs = ReadSpecs(keys, specReader);

            if (specs is not null)
            {
                PageChecks.CheckDuplicateHashes(_page, specs, tag);
                if (meta is not null)
                {
                    PageChecks.CheckMeta(_page, meta, specs);
                }
            }

            if (title is null || tag is null || specs is null)
            {
                return null;
            }

            var data = new SpecData[specs.Count];
            var hashLocations = new LocationInfo[specs.Count];
            var hashKeys = new ulong[specs.Count];
            var versions = new List<string>();
            for (int i = 0; i < specs.Count; i++)
            {
                data[i] = specs[i].Data;
                hashLocations[i] = specs[i].HashLocation;
                hashKeys[i] = HashKey.Of(data[i].Hash);
                string version = data[i][SpecFields.Versions].Text!;
                if (!versions.Contains(version))
                {
                    versions.Add(version);
                }
            }

            return new PageModel(
                _page.Path,
                SharedValues.Share(title.Value.Package),
                SharedValues.Share(tag),
                title.Value.Location,
                new EquatableArray<SpecData>(data),
                specReader.Compilers,
                specReader.Variants,
                new EquatableArray<LocationInfo>(hashLocations),
                _names.ToArray(),
                EquatableArray.From(versions),
                new EquatableArray<ulong>(hashKeys),
                _page.Text.Length);
        }

        [MethodImpl(Jit.Hot)]
        private (string Package, LocationInfo Location)? ReadTitle(KeyMap keys)
        {
            if (!keys.Require(_page, PageKeys.Title, _page.FirstLine, string.Empty, out KeyEntry title)
                || _values.ReadString(title.Value, PageKeys.Title) is not string package
                || !_values.CheckName(title.Value, Dimensions.Package.Noun, package))
            {
                return null;
            }

            _names.Add(Dimensions.Package, package, title.Value.Span);
            _titleNode = title.Value;
            return (package, _page.Location(title.Value.Span));
        }

        /// <summary>
        /// SPG0029: a page named specs.md sits at &lt;tag&gt;/&lt;package&gt;/specs.md, as on the cache site; a folder that names
        /// another package or tag (a page copied or fetched into the wrong place) is reported at the value it contradicts.
        /// </summary>
        [MethodImpl(Jit.Hot)]
        private void CheckPlace((string Package, LocationInfo Location)? title, string? tag, YamlNode? tagNode)
        {
            string[] parts = _page.Path.Split('/', '\\');
            if (parts.Length < 3 || parts[parts.Length - 1] != "specs.md")
            {
                return;
            }

            string packageFolder = parts[parts.Length - 2];
            string tagFolder = parts[parts.Length - 3];
            if (title is { } t && packageFolder != t.Package && _titleNode is not null)
            {
                _page.Report(DiagnosticDescriptors.MisplacedPage, _titleNode.Span, "The page is for package '" + t.Package + "' but sits in the folder '" + packageFolder + "'; pages sit at <tag>/<package>/specs.md, so this one belongs in '" + tagFolder + "/" + t.Package + "/specs.md'");
            }

            if (tag is not null && tagNode is not null && tagFolder != tag)
            {
                _page.Report(DiagnosticDescriptors.MisplacedPage, tagNode.Span, "The page is for snapshot tag '" + tag + "' but sits in the folder '" + tagFolder + "'; pages sit at <tag>/<package>/specs.md, so this one belongs in '" + tag + "/" + packageFolder + "/specs.md'");
            }
        }

        [MethodImpl(Jit.Hot)]
        private void ReadLayout(KeyMap keys)
        {
            if (!keys.TryGetValue(PageKeys.Layout, out KeyEntry layout))
            {
                _page.Report(DiagnosticDescriptors.UnexpectedLayout, _page.FirstLine, "The page has no 'layout' key; cache pages use 'layout: cache'");
                return;
            }

            string? value = _values.ReadString(layout.Value, PageKeys.Layout);
            if (value is not null && value != PageKeys.CacheLayout)
            {
                _page.Report(DiagnosticDescriptors.UnexpectedLayout, layout.Value.Span, "layout is " + PageContext.Quote(value) + "; cache pages use 'layout: cache'");
            }
        }

        [MethodImpl(Jit.Hot)]
        private List<SpecRead>? ReadSpecs(KeyMap keys, SpecReader reader)
        {
            if (!keys.Require(_page, PageKeys.SpecDetails, _page.FirstLine, string.Empty, out KeyEntry details))
            {
                return null;
            }

            if (details.Value is not YamlSequence sequence)
            {
                _page.WrongShape(details.Value, PageKeys.SpecDetails, "a list of specs");
                return null;
            }

            var specs = new List<SpecRead>(sequence.Items.Count);
            bool ok = true;
            for (int i = 0; i < sequence.Items.Count; i++)
            {
                if ((i & 63) == 63)
                {
                    _page.CancellationToken.ThrowIfCancellationRequested();
                }

                SpecRead? spec = reader.Read(sequence.Items[i], new FieldPath(PageKeys.SpecDetails, i));
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
