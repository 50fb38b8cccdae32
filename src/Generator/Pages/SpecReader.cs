using System;
using System.Collections.Generic;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>
    /// Reads and checks the entries of <c>spec_details</c>, field by field as <see cref="SpecFields"/> describes
    /// them: each kind of field has one reader. Compilers, variants and versions are checked once per page (specs
    /// repeat them) and compilers and variants are kept split into their parts.
    /// </summary>
    internal sealed class SpecReader
    {
        private readonly PageContext _page;
        private readonly ValueReader _values;
        private readonly NameRecorder _names;
        private readonly Interner _interner = new Interner();
        private readonly Dictionary<string, CompilerSyntax> _compilers = new Dictionary<string, CompilerSyntax>(StringComparer.Ordinal);
        private readonly Dictionary<string, VariantSyntax> _variants = new Dictionary<string, VariantSyntax>(StringComparer.Ordinal);
        private readonly List<CompilerSyntax> _compilerOrder = new List<CompilerSyntax>();
        private readonly List<VariantSyntax> _variantOrder = new List<VariantSyntax>();
        private readonly HashSet<string> _versions = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _targets = new HashSet<string>(StringComparer.Ordinal);

        public SpecReader(PageContext page, ValueReader values, NameRecorder names)
        {
            _page = page;
            _values = values;
            _names = names;
        }

        /// <summary>The distinct compilers of the specs read, in order of first appearance.</summary>
        public EquatableArray<CompilerSyntax> Compilers => EquatableArray.From(_compilerOrder);

        /// <summary>The distinct variant settings of the specs read, in order of first appearance.</summary>
        public EquatableArray<VariantSyntax> Variants => EquatableArray.From(_variantOrder);

        /// <summary>Reads one spec; null (reported) when any of its fields is missing or invalid.</summary>
        public SpecRead? Read(YamlNode node, FieldPath path)
        {
            if (node is not YamlMapping mapping)
            {
                _page.WrongShape(node, path, "a mapping of spec fields");
                return null;
            }

            KeyMap keys = KeyMap.Read(_page, mapping, path);
            keys.ReportUnknown(_page, static key => SpecFields.ByKey(key) is not null, path);
            bool ok = true;
            foreach (SpecField field in SpecFields.All)
            {
                if (field.Required)
                {
                    ok &= keys.Require(_page, field.Key, mapping.Span, path, out _);
                }
            }

            if (!ok)
            {
                return null;
            }

            var values = new FieldValue[SpecFields.All.Length];
            foreach (SpecField field in SpecFields.All)
            {
                if (!keys.TryGetValue(field.Key, out KeyEntry entry))
                {
                    continue;
                }

                FieldValue? value = ReadField(field, entry.Value, path.Key(field.Key));
                if (value is null)
                {
                    ok = false;
                }
                else
                {
                    values[field.Ordinal] = value.Value;
                }
            }

            if (!ok)
            {
                return null;
            }

            YamlNode hashNode = keys.TryGetValue(SpecFields.Hash.Key, out KeyEntry hash) ? hash.Value : mapping;
            return new SpecRead(new SpecData(new EquatableArray<FieldValue>(values)), hashNode.Span, _page.Location(hashNode.Span));
        }

        private FieldValue? ReadField(SpecField field, YamlNode node, FieldPath what)
        {
            switch (field.Kind)
            {
                case FieldKind.Hash:
                    return ReadHash(node, what);
                case FieldKind.Compiler:
                    return ReadCompiler(node, what);
                case FieldKind.Name:
                    return ReadName(field.Names!, node, what);
                case FieldKind.NameList:
                    return ReadNames(field.Names!, node, what);
                case FieldKind.Variants:
                    return ReadVariants(node, what);
                case FieldKind.Version:
                    return ReadVersion(node, what);
                case FieldKind.Size:
                    return ReadSize(node, what);
                case FieldKind.Url:
                    return ReadUrl(node, what);
                default:
                    throw new InvalidOperationException("No reader for " + field.Kind);
            }
        }

        private FieldValue? ReadHash(YamlNode node, FieldPath what)
        {
            string? hash = _values.ReadString(node, what);
            if (hash is null)
            {
                return null;
            }

            if (ValueGrammar.CheckHash(hash) is string error)
            {
                _page.Report(DiagnosticDescriptors.InvalidHash, node.Span, hash, error);
                return null;
            }

            return new FieldValue(hash);
        }

        private FieldValue? ReadCompiler(YamlNode node, FieldPath what)
        {
            string? text = _values.ReadString(node, what);
            if (text is null)
            {
                return null;
            }

            if (!_compilers.ContainsKey(text))
            {
                if (ValueGrammar.ParseCompiler(text, out string error) is not CompilerSyntax compiler)
                {
                    _page.Report(DiagnosticDescriptors.MalformedValue, node.Span, "compiler", text, error);
                    return null;
                }

                _compilers.Add(text, compiler);
                _compilerOrder.Add(compiler);
            }

            return new FieldValue(_interner.Intern(text));
        }

        private FieldValue? ReadName(Dimension dimension, YamlNode node, FieldPath what)
        {
            string? name = _values.ReadString(node, what);
            if (name is null || !_values.CheckName(node, dimension.Noun, name))
            {
                return null;
            }

            // SPG0024 once per page and target: ranges and RunnableOn cannot place a target archspec does not know.
            if (dimension.Kind == NameKind.Target && _targets.Add(name) && ArchspecGraph.IndexOf(name) < 0)
            {
                _page.Report(DiagnosticDescriptors.UnknownTarget, node.Span, name);
            }

            _names.Add(dimension.Kind, name, node.Span);
            return new FieldValue(_interner.Intern(name));
        }

        private FieldValue? ReadNames(Dimension dimension, YamlNode node, FieldPath what)
        {
            string[]? names = _values.ReadStrings(node, what);
            if (names is null)
            {
                return null;
            }

            List<YamlNode> nodes = ((YamlSequence)node).Items;
            bool ok = true;
            for (int i = 0; i < names.Length; i++)
            {
                if (_values.CheckName(nodes[i], dimension.Noun, names[i]))
                {
                    _names.Add(dimension.Kind, names[i], nodes[i].Span);
                }
                else
                {
                    ok = false;
                }
            }

            return ok ? new FieldValue(_interner.Intern(names)) : null;
        }

        private FieldValue? ReadVariants(YamlNode node, FieldPath what)
        {
            string[]? variants = _values.ReadStrings(node, what);
            if (variants is null)
            {
                return null;
            }

            List<YamlNode> nodes = ((YamlSequence)node).Items;
            bool ok = true;
            for (int i = 0; i < variants.Length; i++)
            {
                if (_variants.ContainsKey(variants[i]))
                {
                    continue;
                }

                if (ValueGrammar.ParseVariant(variants[i], out string error) is VariantSyntax variant)
                {
                    _variants.Add(variants[i], variant);
                    _variantOrder.Add(variant);
                }
                else
                {
                    _page.Report(DiagnosticDescriptors.MalformedValue, nodes[i].Span, "variant", variants[i], error);
                    ok = false;
                }
            }

            return ok ? new FieldValue(_interner.Intern(variants)) : null;
        }

        private FieldValue? ReadVersion(YamlNode node, FieldPath what)
        {
            string[]? items = _values.ReadStrings(node, what);
            if (items is null)
            {
                return null;
            }

            if (items.Length != 1)
            {
                _page.Report(DiagnosticDescriptors.MalformedValue, node.Span, "version list", "[" + string.Join(", ", items) + "]", "it holds " + items.Length + " versions; a spec has exactly one");
                return null;
            }

            string version = items[0];
            if (!_versions.Contains(version))
            {
                if (ValueGrammar.CheckVersion(version) is string error)
                {
                    _page.Report(DiagnosticDescriptors.MalformedValue, ((YamlSequence)node).Items[0].Span, "version", version, error);
                    return null;
                }

                _versions.Add(version);
            }

            return new FieldValue(_interner.Intern(version));
        }

        private FieldValue? ReadSize(YamlNode node, FieldPath what)
        {
            string? size = _values.ReadString(node, what);
            if (size is null)
            {
                return null;
            }

            if (ValueGrammar.CheckSize(size) is string error)
            {
                _page.Report(DiagnosticDescriptors.InvalidSizeOrTarball, node.Span, what.ToString() + " is " + PageContext.Quote(size) + ", " + error);
                return null;
            }

            return new FieldValue(_interner.Intern(size), isPlainNumber: node is YamlScalar { IsPlain: true } && size != "-");
        }

        private FieldValue? ReadUrl(YamlNode node, FieldPath what)
        {
            if (node is YamlScalar { IsNull: true })
            {
                return new FieldValue(null);
            }

            string? text = _values.ReadString(node, what);
            if (text is null)
            {
                return null;
            }

            if (ValueGrammar.CheckTarball(text) is string error)
            {
                _page.Report(DiagnosticDescriptors.InvalidSizeOrTarball, node.Span, what.ToString() + " is " + PageContext.Quote(text) + ": " + error);
                return null;
            }

            return new FieldValue(text);
        }
    }
}
