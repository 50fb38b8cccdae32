using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecGen.Format;

namespace SpecGen.Generator.Analysis
{
    /// <summary>
    /// What a generated catalog class holds, read back from the generated code the analyzer sees: the names
    /// (its constants) and the hashes (from its table blob).
    /// </summary>
    internal sealed class CatalogFacts
    {
        private CatalogFacts(string className, Dictionary<string, HashSet<string>> names, string[] hashes)
        {
            ClassName = className;
            Names = names;
            Hashes = hashes;
        }

        public string ClassName { get; }

        /// <summary>Names by nested class (<see cref="Dimension.ClassName"/>).</summary>
        public Dictionary<string, HashSet<string>> Names { get; }

        /// <summary>The distinct hashes, sorted ordinally.</summary>
        public string[] Hashes { get; }

        public bool Has(Dimension dimension, string name) => Names.TryGetValue(dimension.ClassName, out HashSet<string>? set) && set.Contains(name);

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

        /// <summary>The facts of a class SpecGen generated, or null when it is not one (or cannot be read).</summary>
        public static CatalogFacts? Read(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (INamedTypeSymbol nested in type.GetTypeMembers())
            {
                var set = new HashSet<string>(StringComparer.Ordinal);
                foreach (IFieldSymbol field in nested.GetMembers().OfType<IFieldSymbol>())
                {
                    if (field.IsConst && field.ConstantValue is string value)
                    {
                        set.Add(value);
                    }
                }

                names[nested.Name] = set;
            }

            byte[]? blob = TablesOf(type, cancellationToken);
            string[]? hashes = blob is null ? null : HashesOf(blob);
            return hashes is null ? null : new CatalogFacts(type.Name, names, hashes);
        }

        /// <summary>The table blob: its property's literal, or its chunks joined when it is written in chunks.</summary>
        private static byte[]? TablesOf(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var parts = new List<byte[]>();
            for (int index = 0; ; index++)
            {
                byte[]? chunk = PropertyBlob(type, GeneratedCode.ChunkProperty(GeneratedCode.TablesProperty, index), cancellationToken);
                if (chunk is null)
                {
                    break;
                }

                parts.Add(chunk);
            }

            return parts.Count == 0 ? PropertyBlob(type, GeneratedCode.TablesProperty, cancellationToken) : parts.SelectMany(p => p).ToArray();
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

            // The table blob is printable ASCII: one character per byte.
            string text = literal.Token.ValueText;
            var result = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > 0x7F)
                {
                    return null;
                }

                result[i] = (byte)text[i];
            }

            return result;
        }

        /// <summary>The distinct hashes of a table blob, from its hash table.</summary>
        private static string[]? HashesOf(byte[] blob)
        {
            CatalogHeader? header = CatalogHeader.Read(blob, out _);
            if (header is null)
            {
                return null;
            }

            var hashes = new List<string>(header.HashCount);
            for (int slot = 0; slot < header.SlotCount; slot++)
            {
                if (header.HashAt(blob, slot) is string hash)
                {
                    hashes.Add(hash);
                }
            }

            return hashes.ToArray();
        }
    }
}
