using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;
using SpecGen.Generator.Common;

namespace SpecGen.Generator.Analysis
{
    /// <summary>
    /// What a generated catalog class holds, read back from the generated code the analyzer sees (its two blobs,
    /// decoded through the field kinds as the runtime decodes them): the names of each kind, the hashes, the tags,
    /// and per package its versions and compilers.
    /// </summary>
    internal sealed class CatalogFacts
    {
        /// <summary>Each spec's versions and compiler, by package: read from the blobs on first use (a query with a version or a compiler), not for a name or a hash.</summary>
        private readonly Lazy<SpecFacts> _specs;

        private CatalogFacts(string className, Dictionary<string, HashSet<string>> names, string[] hashes, List<(BlobSource Source, CatalogHeader Header)> parts)
        {
            ClassName = className;
            Names = names;
            Hashes = hashes;
            _specs = new Lazy<SpecFacts>(() => SpecFacts.Read(parts), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>True once the specs' versions and compilers have been read (for tests).</summary>
        internal bool SpecsRead => _specs.IsValueCreated;

        public string ClassName { get; }

        /// <summary>Names by kind (<see cref="Dimension.Parameter"/>).</summary>
        public Dictionary<string, HashSet<string>> Names { get; }

        /// <summary>The distinct hashes, sorted ordinally.</summary>
        public string[] Hashes { get; }

        public bool Has(Dimension dimension, string name) => Names.TryGetValue(dimension.Parameter, out HashSet<string>? set) && set.Contains(name);

        /// <summary>True when a spec of <paramref name="package"/> (any package when null) has a version in <paramref name="versions"/>.</summary>
        public bool HasVersion(string? package, VersionListValue versions)
        {
            foreach (KeyValuePair<string, List<VersionValue>> pair in _specs.Value.Versions)
            {
                if ((package is null || pair.Key == package) && pair.Value.Exists(versions.Contains))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a spec of <paramref name="package"/> (any when null) was built with compiler <paramref name="name"/>
        /// (compared by Spack's current names) in a version of <paramref name="versions"/> (any when null).
        /// </summary>
        public bool HasCompiler(string? package, string name, VersionListValue? versions)
        {
            string builtin = CompilerNames.Builtin(name);
            foreach (KeyValuePair<string, List<(string Name, VersionValue? Version)>> pair in _specs.Value.Compilers)
            {
                if ((package is null || pair.Key == package)
                    && pair.Value.Exists(c => c.Name == builtin && (versions is null || (c.Version is VersionValue v && versions.Contains(v)))))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The names of a kind nearest to <paramref name="name"/> (at most three, by edit distance), for "did you mean".</summary>
        public IReadOnlyList<string> Nearest(Dimension dimension, string name)
        {
            return Names.TryGetValue(dimension.Parameter, out HashSet<string>? set) ? NearestNames.Of(name, set) : Array.Empty<string>();
        }

        /// <summary>How many distinct hashes start with <paramref name="prefix"/> (0, 1, or 2 for several).</summary>
        public int CountPrefix(string prefix)
        {
            int lo = 0;
            int hi = Hashes.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (string.CompareOrdinal(Hashes[mid], prefix) < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            int count = 0;
            for (int i = lo; i < Hashes.Length && count < 2 && Hashes[i].StartsWith(prefix, StringComparison.Ordinal); i++)
            {
                count++;
            }

            return count;
        }

        /// <summary>
        /// <see cref="Read"/>, kept for the texts it was read from: the compiler server's kept generator driver hands
        /// every build the same generated source texts while no page changes (the trees are parsed again from them), so a
        /// C# edit reads no catalog again (a snapshot's 52,000 specs took 50-70 ms to read). Entries live as long as the
        /// first text.
        /// </summary>
        public static CatalogFacts? For(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            SourceText[] texts = TextsOf(type, cancellationToken);
            if (texts.Length == 0)
            {
                return Read(type, cancellationToken);
            }

            KeptSlot slot = Kept.GetValue(texts[0], static _ => new KeptSlot());
            KeptFacts? kept = slot.Value;
            string name = type.ToDisplayString();
            if (kept is not null && kept.Name == name && kept.Texts.SequenceEqual(texts, ReferenceComparer.Instance))
            {
                return kept.Facts;
            }

            CatalogFacts? facts = Read(type, cancellationToken);
            slot.Value = new KeptFacts(name, texts, facts);
            return facts;
        }

        /// <summary>How many catalogs each assembly (by name) has had read (<see cref="Read"/>): for tests.</summary>
        internal static ConcurrentDictionary<string, int> ReadsByAssembly { get; } = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>The facts of a class SpecGen generated (its own blobs, or every chunk's when it is written in chunks), or null when it is not one (or cannot be read).</summary>
        public static CatalogFacts? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            ReadsByAssembly.AddOrUpdate(type.ContainingAssembly?.Name ?? string.Empty, 1, static (_, n) => n + 1);
            var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (Dimension dimension in Dimensions.All)
            {
                names[dimension.Parameter] = new HashSet<string>(StringComparer.Ordinal);
            }

            var hashes = new HashSet<string>(StringComparer.Ordinal);
            var parts = new List<(BlobSource, CatalogHeader)>();
            bool read = ReadPart(type, names, hashes, parts, cancellationToken);
            if (!read)
            {
                foreach (INamedTypeSymbol chunk in type.GetTypeMembers())
                {
                    if (chunk.Name.StartsWith(GeneratedCode.ChunkClassPrefix, StringComparison.Ordinal))
                    {
                        if (!ReadPart(chunk, names, hashes, parts, cancellationToken))
                        {
                            return null;
                        }

                        read = true;
                    }
                }
            }

            if (!read)
            {
                return null;
            }

            string[] sorted = hashes.ToArray();
            Array.Sort(sorted, StringComparer.Ordinal);
            return new CatalogFacts(type.Name, names, sorted, parts);
        }

        /// <summary>The text of every tree that declares <paramref name="type"/> or one of its chunks (what <see cref="Read"/> reads), in declaration order.</summary>
        private static SourceText[] TextsOf(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var texts = new List<SourceText>();
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                texts.Add(reference.SyntaxTree.GetText(cancellationToken));
            }

            foreach (INamedTypeSymbol chunk in type.GetTypeMembers())
            {
                if (chunk.Name.StartsWith(GeneratedCode.ChunkClassPrefix, StringComparison.Ordinal))
                {
                    foreach (SyntaxReference reference in chunk.DeclaringSyntaxReferences)
                    {
                        texts.Add(reference.SyntaxTree.GetText(cancellationToken));
                    }
                }
            }

            return texts.ToArray();
        }

        private static readonly ConditionalWeakTable<SourceText, KeptSlot> Kept = new ConditionalWeakTable<SourceText, KeptSlot>();

        /// <summary>The facts last read with a tree first (a slot, since the table cannot replace a value on netstandard2.0).</summary>
        private sealed class KeptSlot
        {
            private volatile KeptFacts? _value;

            public KeptFacts? Value
            {
                get => _value;
                set => _value = value;
            }
        }

        private sealed class KeptFacts
        {
            public KeptFacts(string name, SourceText[] texts, CatalogFacts? facts)
            {
                Name = name;
                Texts = texts;
                Facts = facts;
            }

            /// <summary>The type's full name (trees could declare two catalogs).</summary>
            public string Name { get; }

            public SourceText[] Texts { get; }

            public CatalogFacts? Facts { get; }
        }

        /// <summary>Adds the names and hashes of one pair of blobs (a catalog class's, or a chunk's) and keeps the blobs for the specs' facts; false when <paramref name="type"/> has none that can be read.</summary>
        private static bool ReadPart(
            INamedTypeSymbol type,
            Dictionary<string, HashSet<string>> names,
            HashSet<string> hashes,
            List<(BlobSource, CatalogHeader)> parts,
            CancellationToken cancellationToken)
        {
            byte[]? tables = BlobOf(type, GeneratedCode.TablesProperty, cancellationToken);
            byte[]? strings = BlobOf(type, GeneratedCode.StringsProperty, cancellationToken);
            CatalogHeader? header = tables is null ? null : CatalogHeader.Read(tables, out _);
            if (header is null || strings is null)
            {
                return false;
            }

            var source = new BlobSource(tables!, strings, header);
            foreach (Dimension dimension in Dimensions.All)
            {
                HashSet<string> set = names[dimension.Parameter];
                for (int i = 0; i < header[dimension.Names].Count; i++)
                {
                    set.Add(source.Name(dimension, i));
                }
            }

            for (int slot = 0; slot < header.SlotCount; slot++)
            {
                if (header.HashAt(tables!, slot) is string hash)
                {
                    hashes.Add(hash);
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            parts.Add((source, header));
            return true;
        }

        /// <summary>Per package, the versions its specs have and the compilers they were built with.</summary>
        private sealed class SpecFacts
        {
            public Dictionary<string, List<VersionValue>> Versions { get; } = new Dictionary<string, List<VersionValue>>(StringComparer.Ordinal);

            public Dictionary<string, List<(string Name, VersionValue? Version)>> Compilers { get; } = new Dictionary<string, List<(string Name, VersionValue? Version)>>(StringComparer.Ordinal);

            public static SpecFacts Read(List<(BlobSource Source, CatalogHeader Header)> parts)
            {
                var facts = new SpecFacts();
                Dictionary<string, List<VersionValue>> versions = facts.Versions;
                Dictionary<string, List<(string Name, VersionValue? Version)>> compilers = facts.Compilers;
                foreach ((BlobSource source, CatalogHeader header) in parts)
                {
                    for (int spec = 0; spec < header.SpecCount; spec++)
                    {
                        string package = source.Name(Dimensions.Package, source.Read(Dimensions.Package.Column, source.Read(Section.SpecPage, spec)) - 1);
                        if (SpecFields.Versions.Type.Describe(source, SpecFields.Versions, spec) is string text && VersionValue.Parse(text, out _) is VersionValue version)
                        {
                            Add(versions, package, version);
                        }

                        int compiler = CompilerField.Get(source, SpecFields.Compiler, spec);
                        if (compiler >= 0 && (source.Read(Section.CompilerFlags, compiler) & CompilerFlags.None) == 0)
                        {
                            string name = CompilerNames.Builtin(source.String(source.Read(Section.CompilerName, compiler)));
                            Add(compilers, package, (name, VersionValue.Parse(source.String(source.Read(Section.CompilerVersion, compiler)), out _)));
                        }
                    }
                }

                return facts;
            }
        }

        private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
        {
            if (!map.TryGetValue(key, out List<T>? list))
            {
                map[key] = list = new List<T>();
            }

            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }

        /// <summary>A blob: its string constant (two bytes a character, little-endian), its property's literal, or its chunks joined when it is written in chunks.</summary>
        private static byte[]? BlobOf(INamedTypeSymbol type, string blob, CancellationToken cancellationToken)
        {
            // Chunks (a string-constant head, UTF-8 chunks after it), or the blob in one property of either form.
            var parts = new List<byte[]>();
            for (int index = 0; ; index++)
            {
                byte[]? chunk = PieceOf(type, GeneratedCode.ChunkProperty(blob, index), cancellationToken);
                if (chunk is null)
                {
                    break;
                }

                parts.Add(chunk);
            }

            return parts.Count == 0 ? PieceOf(type, blob, cancellationToken) : parts.SelectMany(p => p).ToArray();
        }

        /// <summary>The bytes of one blob property: the string form (it has a length constant) or a UTF-8 one.</summary>
        private static byte[]? PieceOf(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
        {
            if (type.GetMembers(name + GeneratedCode.LengthSuffix).OfType<IFieldSymbol>().FirstOrDefault() is { IsConst: true, ConstantValue: int length })
            {
                // The string form: a property that returns a string literal of two bytes per character.
                IPropertySymbol? property = type.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault();
                LiteralExpressionSyntax? literal = property?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken)
                    .DescendantNodes().OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression));
                string? text = literal?.Token.ValueText;
                if (text is null || length < 0 || length > 2L * text.Length)
                {
                    return null;
                }

                var bytes = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    bytes[i] = (byte)((i & 1) == 0 ? text[i >> 1] & 0xFF : text[i >> 1] >> 8);
                }

                return bytes;
            }

            return PropertyBlob(type, name, cancellationToken);
        }

        private static byte[]? PropertyBlob(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
        {
            IPropertySymbol? property = type.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault();
            SyntaxReference? reference = property?.DeclaringSyntaxReferences.FirstOrDefault();
            return reference is null ? null : BlobOf(reference.GetSyntax(cancellationToken));
        }

        /// <summary>The bytes of a blob property: a UTF-8 literal, or a constant byte array before C# 11.</summary>
        private static byte[]? BlobOf(SyntaxNode property)
        {
            LiteralExpressionSyntax? literal = property.DescendantNodes().OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.Token.Value is string || l.Token.ValueText.Length > 1);
            InitializerExpressionSyntax? initializer = property.DescendantNodes().OfType<InitializerExpressionSyntax>().FirstOrDefault();
            if (initializer is not null)
            {
                var bytes = new List<byte>(initializer.Expressions.Count);
                foreach (ExpressionSyntax expression in initializer.Expressions)
                {
                    if (expression is not LiteralExpressionSyntax number || !byte.TryParse(number.Token.ValueText, NumberStyles.None, CultureInfo.InvariantCulture, out byte b))
                    {
                        return null;
                    }

                    bytes.Add(b);
                }

                return bytes.ToArray();
            }

            if (literal is null)
            {
                return null;
            }

            // A UTF-8 literal: its bytes are the UTF-8 form of its text.
            return System.Text.Encoding.UTF8.GetBytes(literal.Token.ValueText);
        }
    }
}
