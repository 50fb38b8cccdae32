using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Parsing
{
    /// <summary>Reads and checks one entry of <c>spec_details</c>.</summary>
    internal static class SpecReader
    {
        private const string Tarball = "tarball";

        public static SpecRead? Read(PageReader page, YamlNode node, FieldPath path, NameRecorder names)
        {
            if (node is not YamlMapping mapping)
            {
                page.WrongShape(node, path, "a mapping of spec fields");
                return null;
            }

            PageReader.KeyMap keys = page.Index(mapping, path);
            page.ReportUnknownKeys(keys, PageReader.SpecKeys, path, Tarball);
            bool ok = true;
            foreach (string key in PageReader.SpecKeys)
            {
                ok &= page.Require(keys, key, mapping.Span, path, out _);
            }

            if (!ok)
            {
                return null;
            }

            YamlNode hashNode = keys["hash"].Value;
            string? hash = page.ReadString(hashNode, path.Key("hash"));
            if (hash is not null)
            {
                string? error = SpecSyntax.CheckHash(hash);
                if (error is not null)
                {
                    page.Report(DiagnosticDescriptors.InvalidHash, hashNode.Span, hash, error);
                    hash = null;
                }
            }

            string? compiler = ReadCompiler(page, keys["compiler"].Value, path.Key("compiler"));
            string? os = ReadName(page, keys["os"].Value, path.Key("os"), "Operating system", NameKind.OperatingSystem, names);
            string? platform = ReadName(page, keys["platform"].Value, path.Key("platform"), "Platform", NameKind.Platform, names);
            string? target = ReadName(page, keys["target"].Value, path.Key("target"), "Target", NameKind.Target, names);
            string[]? stacks = ReadStacks(page, keys["stacks"].Value, path.Key("stacks"), names);
            string[]? variants = ReadVariants(page, keys["variants"].Value, path.Key("variants"));
            string? version = ReadVersion(page, keys["versions"].Value, path.Key("versions"));
            bool sizeIsNumber = false;
            string? size = ReadSize(page, keys["size"].Value, path.Key("size"), ref sizeIsNumber);
            string? tarball = null;
            bool tarballOk = !keys.TryGetValue(Tarball, out PageReader.Entry tarballEntry) || ReadTarball(page, tarballEntry.Value, path.Key("tarball"), out tarball);

            if (hash is null || compiler is null || os is null || platform is null || target is null || stacks is null
                || variants is null || version is null || size is null || !tarballOk)
            {
                return null;
            }

            var data = new SpecData(
                hash,
                page.Intern(version),
                page.Intern(compiler),
                page.Intern(os),
                page.Intern(platform),
                page.Intern(target),
                page.Intern(stacks),
                page.Intern(variants),
                page.Intern(size),
                sizeIsNumber,
                tarball);
            return new SpecRead(data, hashNode.Span, page.Location(hashNode.Span));
        }

        private static readonly Func<string, string?> CompilerError = text => SpecSyntax.TryParseCompiler(text, out _, out string error) ? null : error;
        private static readonly Func<string, string?> VariantError = text => SpecSyntax.TryParseVariant(text, out _, out string error) ? null : error;

        private static string? ReadCompiler(PageReader page, YamlNode node, FieldPath what)
        {
            string? text = page.ReadString(node, what);
            if (text is null)
            {
                return null;
            }

            return page.CheckValue(node, "compiler", text, CompilerError) ? text : null;
        }

        private static string? ReadName(PageReader page, YamlNode node, FieldPath what, string kindName, NameKind kind, NameRecorder names)
        {
            string? name = page.ReadString(node, what);
            if (name is null || !page.CheckName(node, kindName, name))
            {
                return null;
            }

            names.Add(kind, name, node.Span);
            return name;
        }

        private static string[]? ReadStacks(PageReader page, YamlNode node, FieldPath what, NameRecorder names)
        {
            string[]? stacks = page.ReadStrings(node, what);
            if (stacks is null)
            {
                return null;
            }

            List<YamlNode> nodes = ((YamlSequence)node).Items;
            bool ok = true;
            for (int i = 0; i < stacks.Length; i++)
            {
                if (page.CheckName(nodes[i], "Stack", stacks[i]))
                {
                    names.Add(NameKind.Stack, stacks[i], nodes[i].Span);
                }
                else
                {
                    ok = false;
                }
            }

            return ok ? stacks : null;
        }

        private static string[]? ReadVariants(PageReader page, YamlNode node, FieldPath what)
        {
            string[]? variants = page.ReadStrings(node, what);
            if (variants is null)
            {
                return null;
            }

            List<YamlNode> nodes = ((YamlSequence)node).Items;
            bool ok = true;
            for (int i = 0; i < variants.Length; i++)
            {
                ok &= page.CheckValue(nodes[i], "variant", variants[i], VariantError);
            }

            return ok ? variants : null;
        }

        private static string? ReadVersion(PageReader page, YamlNode node, FieldPath what)
        {
            string[]? items = page.ReadStrings(node, what);
            if (items is null)
            {
                return null;
            }

            if (items.Length != 1)
            {
                page.Report(DiagnosticDescriptors.MalformedValue, node.Span, "version list", "[" + string.Join(", ", items) + "]", "it holds " + items.Length + " versions; a spec has exactly one");
                return null;
            }

            string version = items[0];
            return page.CheckValue(((YamlSequence)node).Items[0], "version", version, SpecSyntax.CheckVersion) ? version : null;
        }

        private static string? ReadSize(PageReader page, YamlNode node, FieldPath what, ref bool isNumber)
        {
            string? size = page.ReadString(node, what);
            if (size is null)
            {
                return null;
            }

            if (!SpecSyntax.IsValidSize(size))
            {
                page.Report(DiagnosticDescriptors.InvalidSizeOrTarball, node.Span, what.ToString() + " is " + PageReader.Quote(size) + ", neither '-' nor a non-negative whole number of bytes");
                return null;
            }

            isNumber = node is YamlScalar { IsPlain: true } && size != "-";
            return size;
        }

        private static bool ReadTarball(PageReader page, YamlNode node, FieldPath what, out string? tarball)
        {
            tarball = null;
            if (node is YamlScalar { IsNull: true })
            {
                return true;
            }

            string? text = page.ReadString(node, what);
            if (text is null)
            {
                return false;
            }

            string? error = SpecSyntax.CheckTarball(text);
            if (error is not null)
            {
                page.Report(DiagnosticDescriptors.InvalidSizeOrTarball, node.Span, what.ToString() + " is " + PageReader.Quote(text) + ": " + error);
                return false;
            }

            tarball = text;
            return true;
        }
    }
}
