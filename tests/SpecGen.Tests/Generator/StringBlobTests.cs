extern alias Generator;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using Generator::SpecGen.Format;
using Generator::SpecGen.Generator.Analysis;
using Generator::SpecGen.Generator.Catalog;
using Generator::SpecGen.Generator.Diagnostics;
using Generator::SpecGen.Generator.Emit;
using Generator::SpecGen.Generator.Model;
using Generator::SpecGen.Generator.Pages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// Blobs as string constants, two bytes per character: the catalog is the one the UTF-8 form gives, read in place on
    /// this (little-endian) machine and through the byte-swapping path a big-endian machine takes; characters a literal
    /// cannot hold are escaped; past the user-string heap budget the rest is UTF-8; the analyzer reads both forms.
    /// </summary>
    public class StringBlobTests
    {
        private static readonly CatalogResult Corpus = InMemoryCatalog.Build(TestPaths.CorpusPages());

        [Fact]
        public void String_constants_give_the_catalog_the_utf8_form_gives()
        {
            (CSharpCompilation strings, string data) = Compile(Corpus, GeneratedCode.StringHeapBudget, "Strings");
            (CSharpCompilation utf8, string utf8Data) = Compile(Corpus, 0, "Utf8");

            Assert.Contains("private static string SpecGenTables => \"", data, StringComparison.Ordinal);
            Assert.Contains("private static string SpecGenStrings => \"", data, StringComparison.Ordinal);
            Assert.DoesNotContain("u8;", data, StringComparison.Ordinal);
            Assert.Contains("u8;", utf8Data, StringComparison.Ordinal);
            AssertSameCatalog(GeneratorHarness.LoadCatalog(utf8), GeneratorHarness.LoadCatalog(strings));
        }

        [Fact]
        public void The_big_endian_path_gives_the_same_bytes_and_catalog()
        {
            EncodedCatalog encoded = CatalogEncoder.Encode(Corpus.Data, CancellationToken.None);
            Type type = GeneratorHarness.Emit(Compile(Corpus, GeneratedCode.StringHeapBudget, "Endian").Compilation).GetType("Consumer.SpackCache")!;
            string tables = (string)type.GetProperty(GeneratedCode.TablesProperty, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            string strings = (string)type.GetProperty(GeneratedCode.StringsProperty, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            int tablesLength = Constant<int>(type, GeneratedCode.TablesProperty + GeneratedCode.LengthSuffix);
            int stringsLength = Constant<int>(type, GeneratedCode.StringsProperty + GeneratedCode.LengthSuffix);

            byte[] little = SpecCatalog.StaticBytes(tables, tablesLength, littleEndian: true).ToArray();
            byte[] big = SpecCatalog.StaticBytes(tables, tablesLength, littleEndian: false).ToArray();
            Assert.Equal(encoded.Tables, little);
            Assert.Equal(encoded.Tables, big);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(encoded.Strings), SpecCatalog.StaticBytes(strings, stringsLength, littleEndian: false).ToArray());

            // StaticBytes' big-endian copies are pinned arrays: the catalog may keep pointers into them.
            SpecCatalog swapped = SpecCatalog.FromStaticData(SpecCatalog.StaticBytes(tables, tablesLength, littleEndian: false), SpecCatalog.StaticBytes(strings, stringsLength, littleEndian: false));
            AssertSameCatalog(InMemoryCatalog.From(TestPaths.CorpusPages()), swapped);
        }

        /// <summary>Every one of the 65,536 characters two bytes can make: the literal holds none that would break it, and reads back as those bytes.</summary>
        [Fact]
        public void Every_character_two_bytes_make_survives_the_literal()
        {
            var bytes = new byte[2 * 65536 + 1];
            for (int c = 0; c < 65536; c++)
            {
                bytes[2 * c] = (byte)(c & 0xFF);
                bytes[(2 * c) + 1] = (byte)(c >> 8);
            }

            bytes[^1] = 0x41; // an odd length: the last byte is padded
            var text = new System.Text.StringBuilder();
            Literals.AppendBytesAsChars(text, bytes);
            string literal = text.ToString();

            Assert.DoesNotContain(literal, c => c == '"' || (c >= 0x2000 && c <= 0x206F) || c == '\u0085' || c == '\uFEFF' || char.IsSurrogate(c) || c < 0x20 || c >= 0xFFF0);
            var parsed = (Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)SyntaxFactory.ParseExpression("\"" + literal + "\"");
            Assert.Empty(parsed.GetDiagnostics());
            string value = parsed.Token.ValueText;
            Assert.Equal(65537, value.Length);
            Assert.Equal(bytes, SpecCatalog.StaticBytes(value, bytes.Length, littleEndian: false).ToArray());
            Assert.Equal(bytes, SpecCatalog.StaticBytes(value, bytes.Length, littleEndian: true).ToArray());
        }

        [Fact]
        public void Past_the_budget_the_rest_is_utf8_and_the_analyzer_reads_both_forms()
        {
            EncodedCatalog encoded = CatalogEncoder.Encode(Corpus.Data, CancellationToken.None);
            int tablesOnly = (2 * ((encoded.Tables.Length + 1) / 2)) + 8;
            (CSharpCompilation mixed, string data) = Compile(Corpus, tablesOnly, "Mixed");

            Assert.Contains("private static string SpecGenTables => \"", data, StringComparison.Ordinal);
            Assert.DoesNotContain("private static string SpecGenStrings", data, StringComparison.Ordinal);
            Assert.Contains("SpecGenStrings", data, StringComparison.Ordinal);
            AssertSameCatalog(InMemoryCatalog.From(TestPaths.CorpusPages()), GeneratorHarness.LoadCatalog(mixed));

            string[] expected = InMemoryCatalog.From(TestPaths.CorpusPages()).Select(s => s.Hash).Distinct().OrderBy(h => h, StringComparer.Ordinal).ToArray();
            foreach (CSharpCompilation compilation in new[] { mixed, Compile(Corpus, GeneratedCode.StringHeapBudget, "Whole").Compilation })
            {
                CatalogFacts facts = CatalogFacts.Read(compilation.GetTypeByMetadataName("Consumer.SpackCache")!, CancellationToken.None)!;
                Assert.Equal(expected, facts.Hashes);
                Assert.True(facts.Has(Dimensions.Package, "zlib"));
            }
        }

        /// <summary>
        /// A blob larger than what is left of the budget takes the rest as a string-constant head and is UTF-8 after it
        /// (the tables at half their size; the strings when the tables have left them half theirs): the catalog is the
        /// same, and the analyzer reads the head and the chunks as one blob.
        /// </summary>
        [Theory]
        [InlineData("SpecGenTables", false)]
        [InlineData("SpecGenStrings", true)]
        public void A_blob_past_the_budget_is_a_string_constant_head_and_utf8_chunks(string blob, bool tablesWhole)
        {
            EncodedCatalog encoded = CatalogEncoder.Encode(Corpus.Data, CancellationToken.None);
            int tablesOnly = (2 * ((encoded.Tables.Length + 1) / 2)) + 8;
            int strings = System.Text.Encoding.UTF8.GetByteCount(encoded.Strings);
            int budget = tablesWhole ? tablesOnly + (strings / 2) : tablesOnly / 2;
            (CSharpCompilation split, string data) = Compile(Corpus, budget, "Split" + blob);

            Assert.Contains("private static string " + blob + "_0 => \"", data, StringComparison.Ordinal);
            Assert.Contains("private const int " + blob + "_0Length = ", data, StringComparison.Ordinal);
            Assert.Contains("global::System.ReadOnlySpan<byte> " + blob + "_1 => \"", data, StringComparison.Ordinal);
            Assert.DoesNotContain("private static string " + blob + " =>", data, StringComparison.Ordinal);
            Assert.Equal(tablesWhole, data.Contains("private static string SpecGenTables => \"", StringComparison.Ordinal));
            AssertSameCatalog(InMemoryCatalog.From(TestPaths.CorpusPages()), GeneratorHarness.LoadCatalog(split));

            string[] expected = InMemoryCatalog.From(TestPaths.CorpusPages()).Select(s => s.Hash).Distinct().OrderBy(h => h, StringComparer.Ordinal).ToArray();
            CatalogFacts facts = CatalogFacts.Read(split.GetTypeByMetadataName("Consumer.SpackCache")!, CancellationToken.None)!;
            Assert.Equal(expected, facts.Hashes);
            Assert.True(facts.Has(Dimensions.Package, "zlib"));
        }

        /// <summary>
        /// A head is an even number of bytes within the budget; in text it never ends inside a character's UTF-8 bytes
        /// (the rest must be a UTF-8 literal of its own); below the least worth writing there is none.
        /// </summary>
        [Fact]
        public void A_string_head_fits_the_budget_and_never_splits_a_character()
        {
            byte[] text = System.Text.Encoding.UTF8.GetBytes(new string('a', 1025) + "\u00E9" + new string('b', 3000));
            Assert.Equal(0xA9, text[1026]);

            Assert.Equal(1026, CatalogEmitter.StringHeadLength(text, 1026 + 8, isText: false));
            Assert.Equal(1025, CatalogEmitter.StringHeadLength(text, 1026 + 8, isText: true));
            Assert.Equal(1024, CatalogEmitter.StringHeadLength(text, 1025 + 8, isText: true));
            Assert.Equal(2000, CatalogEmitter.StringHeadLength(text, 2000 + 9, isText: true));
            Assert.Equal(0, CatalogEmitter.StringHeadLength(text, 1023 + 8, isText: false));
            Assert.Equal(text.Length - 1, CatalogEmitter.StringHeadLength(text, text.Length + 8, isText: false));
        }

        private static T Constant<T>(Type type, string name) => (T)type.GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;

        private static void AssertSameCatalog(SpecCatalog expected, SpecCatalog actual)
        {
            Assert.True(expected.Count > 400, expected.Count + " specs");
            Assert.Equal(expected.Select(s => s.ToString() + " " + s.Tag + " " + s.SizeText + " " + s.Tarball), actual.Select(s => s.ToString() + " " + s.Tag + " " + s.SizeText + " " + s.Tarball));
            foreach (Spec spec in expected)
            {
                Assert.True(actual.TryFindByHash(spec.Hash, out Spec found) && found.Hash == spec.Hash, spec.Hash);
            }
        }

        private static (CSharpCompilation Compilation, string Data) Compile(CatalogResult catalog, int budget, string name)
        {
            var options = new EmitOptions("SpackCache", "Consumer", true, true, StringHeapBudget: budget);
            CSharpParseOptions parse = GeneratorHarness.ParseOptions();
            string data = CatalogEmitter.EmitData(catalog.Data, options, CancellationToken.None);
            CSharpCompilation compilation = GeneratorHarness.NewCompilation(parse, "Consumer" + name).AddSyntaxTrees(
                CSharpSyntaxTree.ParseText(CatalogEmitter.EmitApi(catalog.Api, options, CancellationToken.None), parse),
                CSharpSyntaxTree.ParseText(data, parse));
            return (compilation, data);
        }
    }
}
