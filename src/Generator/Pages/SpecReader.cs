using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>
    /// Reads and checks the entries of <c>spec_details</c>, field by field as <see cref="SpecFields"/> describes
    /// them: each field's kind (<see cref="FieldType"/>) reads and checks its value through this reader's
    /// <see cref="IFieldInput"/>, which knows the page's nodes, locations and diagnostics. Each distinct compiler,
    /// variant and version is checked once per page, and compilers and variants are kept split into their parts.
    /// </summary>
    internal sealed class SpecReader : IFieldInput
    {
        private readonly PageContext _page;
        private readonly ValueReader _values;
        private readonly NameRecorder _names;
        private readonly Interner _interner = new Interner();
        private readonly HashSet<(FieldKind, string)> _checked = new HashSet<(FieldKind, string)>();
        private readonly List<CompilerSyntax> _compilerOrder = new List<CompilerSyntax>();
        private readonly List<VariantSyntax> _variantOrder = new List<VariantSyntax>();
        private readonly HashSet<string> _targets = new HashSet<string>(StringComparer.Ordinal);
        private YamlNode _node = null!;
        private FieldPath _path;

        [MethodImpl(Jit.Hot)]
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

        string IFieldInput.Path => _path.ToString();

        bool IFieldInput.IsPlainScalar => _node is YamlScalar { IsPlain: true };

        /// <summary>Reads one spec; null (reported) when any of its fields is missing or invalid.</summary>
        [MethodImpl(Jit.Hot)]
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
            foreach (SpecField field in SpecFields.Required)
            {
                ok &= keys.Require(_page, field.Key, mapping.Span, path, out _);
            }

            if (!ok)
            {
                return null;
            }

            var values = new FieldValue[SpecFields.All.Length];
            foreach (SpecField field in SpecFields.All)
            {
                if (!keys.TryGetValue(field.Key, out KeyEntry entry) || (!field.Required && entry.Value is YamlScalar { IsNull: true }))
                {
                    // An optional key that is missing or null: absent, the same for every kind.
                    values[field.Ordinal] = FieldValue.Absent;
                    continue;
                }

                _node = entry.Value;
                _path = path.Key(field.Key);
                FieldValue? value = field.Type.Read(field, this);
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

        [MethodImpl(Jit.Hot)]
        string? IFieldInput.ReadString() => _values.ReadString(_node, _path);

        [MethodImpl(Jit.Hot)]
        string[]? IFieldInput.ReadStrings() => _values.ReadStrings(_node, _path);

        void IFieldInput.ReportMalformed(string what, string value, string why, int item)
        {
            _page.Report(DiagnosticDescriptors.MalformedValue, ItemNode(item).Span, what, value, why);
        }

        void IFieldInput.ReportInvalidHash(string hash, string why) => _page.Report(DiagnosticDescriptors.InvalidHash, _node.Span, hash, why);

        void IFieldInput.ReportInvalidSizeOrUrl(string value, string why)
        {
            _page.Report(DiagnosticDescriptors.InvalidSizeOrTarball, _node.Span, _path.ToString() + " is " + PageContext.Quote(value) + why);
        }

        [MethodImpl(Jit.Hot)]
        bool IFieldInput.CheckName(Dimension names, string name, int item)
        {
            YamlNode node = ItemNode(item);
            if (!_values.CheckName(node, names.Noun, name))
            {
                return false;
            }

            // SPG0024 once per page and target: ranges and RunnableOn cannot place a target archspec does not know.
            if (names == Dimensions.Target && _targets.Add(name) && ArchspecGraph.IndexOf(name) < 0)
            {
                _page.Report(DiagnosticDescriptors.UnknownTarget, node.Span, name);
            }

            _names.Add(names, name, node.Span);
            return true;
        }

        [MethodImpl(Jit.Hot)]
        bool IFieldInput.IsChecked(FieldKind kind, string value) => _checked.Contains((kind, value));

        [MethodImpl(Jit.Hot)]
        void IFieldInput.MarkChecked(FieldKind kind, string value) => _checked.Add((kind, value));

        [MethodImpl(Jit.Hot)]
        void IFieldInput.AddCompiler(CompilerSyntax compiler) => _compilerOrder.Add(SharedValues.Share(compiler));

        [MethodImpl(Jit.Hot)]
        void IFieldInput.AddVariant(VariantSyntax variant) => _variantOrder.Add(SharedValues.Share(variant));

        [MethodImpl(Jit.Hot)]
        string IFieldInput.Intern(string value) => _interner.Intern(value);

        [MethodImpl(Jit.Hot)]
        EquatableArray<string> IFieldInput.Intern(string[] values) => _interner.Intern(values);

        /// <summary>The field's node, or one item of it when it is a list.</summary>
        private YamlNode ItemNode(int item) => item < 0 ? _node : ((YamlSequence)_node).Items[item];
    }
}
