extern alias Generator;

using System;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Text;
using Generator::SpecGen.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>
    /// Generated files are texts made from their UTF-8 bytes, so each carries its compressed copy for the PDB (made once,
    /// reused by a compiler server on every build that reuses the output). The PDB's document must not change for it: the
    /// same checksum, and an embedded copy that holds the same bytes as the compiler's own copy of a text made from the
    /// string (the compressed form differs: the compiler compresses a stream of bytes in one piece and a text in pieces).
    /// </summary>
    public class GeneratedTextTests
    {
        public static TheoryData<string> Texts => new TheoryData<string>
        {
            // Both sides of the PDB's 200-byte threshold: a short text made from bytes is stored as it is (made from a
            // string, it counts the encoding's largest size and is compressed), a long one is compressed either way.
            "namespace Consumer { internal static class A { internal const string S = \"zlib\u00e9\u4e2d\"; } }\n",
            "internal static class Data { internal const string D = \"" + new string(Enumerable.Range(0, 120_000).Select(i => (char)(0x2020 + (i * 7919 % 0x5E5E))).ToArray()) + "\"; }\n",
        };

        [Theory]
        [MemberData(nameof(Texts))]
        public void The_text_its_checksum_and_its_PDB_copy_are_those_of_a_text_made_from_the_string(string text)
        {
            SourceText made = GeneratedText.Of(text);
            SourceText plain = SourceText.From(text, Encoding.UTF8, GeneratedText.Checksum);

            Assert.Equal(text, made.ToString());
            Assert.Equal(plain.Encoding!.WebName, made.Encoding!.WebName);
            Assert.Equal(plain.ChecksumAlgorithm, made.ChecksumAlgorithm);
            Assert.Equal(plain.GetChecksum().ToArray(), made.GetChecksum().ToArray());
            byte[] expected = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
            Assert.Equal(expected, EmbeddedSource(plain));
            Assert.Equal(expected, EmbeddedSource(made));
        }

        [Theory]
        [MemberData(nameof(Texts))]
        public void The_text_carries_its_compressed_copy(string text)
        {
            Assert.False(CompressedCopy(GeneratedText.Of(text)).IsDefaultOrEmpty);
            Assert.True(CompressedCopy(SourceText.From(text, Encoding.UTF8)).IsDefault, "a text made from a string has no copy: the check tells the two apart");
        }

        [Fact]
        public void The_checksum_algorithm_is_the_command_line_compilers_default()
        {
            // A compiler wraps a generated text of another algorithm than its own, and the wrapper has no compressed copy.
            CSharpCommandLineArguments arguments = CSharpCommandLineParser.Default.Parse(new[] { "Program.cs" }, Path.GetTempPath(), sdkDirectory: null);

            Assert.Equal(GeneratedText.Checksum, arguments.ChecksumAlgorithm);
        }

        [Fact]
        public void Every_file_the_generator_adds_carries_its_compressed_copy()
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(TestPaths.CorpusPages());
            driver = driver.RunGenerators(GeneratorHarness.NewCompilation());
            ImmutableArray<GeneratedSourceResult> sources = driver.GetRunResult().Results.Single().GeneratedSources;

            Assert.NotEmpty(sources);
            Assert.All(sources, source => Assert.False(CompressedCopy(source.SourceText).IsDefaultOrEmpty, source.HintName));
        }

        /// <summary>The compiler's own field for the copy (internal: what this test is about cannot be seen otherwise).</summary>
        private static ImmutableArray<byte> CompressedCopy(SourceText text)
        {
            PropertyInfo? property = typeof(SourceText).GetProperty("PrecomputedEmbeddedTextBlob", BindingFlags.Instance | BindingFlags.NonPublic);
            Assert.NotNull(property);
            return (ImmutableArray<byte>)property!.GetValue(text)!;
        }

        /// <summary>
        /// The bytes of <paramref name="text"/> as a PDB embeds them, read back from the PDB of a small compilation: the
        /// document's embedded source (a 4-byte length, 0 when stored as it is, then the bytes, deflated when the length
        /// is not 0).
        /// </summary>
        private static byte[] EmbeddedSource(SourceText text)
        {
            CSharpCompilation compilation = GeneratorHarness.NewCompilation("Embeds", "internal static class C { }");
            using var pe = new MemoryStream();
            using var pdb = new MemoryStream();
            EmitResult result = compilation.Emit(
                pe,
                pdb,
                options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb),
                embeddedTexts: new[] { EmbeddedText.FromSource("/generated/SpackCache.Data.g.cs", text) });
            Assert.True(result.Success);

            pdb.Position = 0;
            using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
            MetadataReader reader = provider.GetMetadataReader();
            var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
            DocumentHandle document = reader.Documents.Single(d => reader.GetString(reader.GetDocument(d).Name) == "/generated/SpackCache.Data.g.cs");
            CustomDebugInformation information = reader.GetCustomDebugInformation(document)
                .Select(reader.GetCustomDebugInformation)
                .Single(c => reader.GetGuid(c.Kind) == embeddedSource);
            byte[] blob = reader.GetBlobBytes(information.Value);
            int length = BitConverter.ToInt32(blob, 0);
            if (length == 0)
            {
                return blob.Skip(4).ToArray();
            }

            using var inflated = new MemoryStream();
            using (var deflate = new DeflateStream(new MemoryStream(blob, 4, blob.Length - 4), CompressionMode.Decompress))
            {
                deflate.CopyTo(inflated);
            }

            Assert.Equal(length, (int)inflated.Length);
            return inflated.ToArray();
        }
    }
}
