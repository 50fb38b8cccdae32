using System;
using System.Linq;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Generator
{
    /// <summary>Strings from pages are data: whatever they hold, they compile, round-trip exactly, and add no code.</summary>
    public class HostileStringTests
    {
        private static readonly string[] Variants =
        {
            "cflags='\" */ #line 1 \"evil.cs\"\n class Evil { } // '",
            "ldflags=\"a\\b\\\\c' */ /* \\u0041 \\x41 {0}\"",
            "note='line1\nline2\r\n\u2028\u2029\u0085 end'",
            "bidi='\u202Eevil\u202C \u2066x\u2069 \u200F \u061C'",
            "text='é ü 日本 😀 \u0000 nul \u0007 \u001B[31m'",
            "empty_ok='\"\"'",
            "+\u0065nable",
        };

        private const string Tarball = "https://binaries.example/a\"b\\c*/#line%209/%22/\u202E/é😀.spack";

        private static string HostilePage()
        {
            var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            string variants = JsonSerializer.Serialize(Variants, options);
            string page = PageEdit.Zlib.Text;
            page = PageEdit.Replace(page, "[\"build_system=makefile\", \"+optimize\", \"+pic\", \"+shared\"]", variants);
            page = PageEdit.Replace(page, "\"size\": \"-\"", "\"size\": \"-\", \"tarball\": " + JsonSerializer.Serialize(Tarball, options));
            return page.Replace("\"target\": \"x86_64_v3\", \"variants\"", "\"target\": \"x86_64_v3\", \"*/ #error \\\"x\\\"\": 1, \"variants\"");
        }

        [Fact]
        public void Hostile_strings_in_valid_positions_compile_and_round_trip_exactly()
        {
            TestPage page = PageEdit.Zlib with { Text = HostilePage() };
            GeneratorOutput output = GeneratorHarness.Run(new[] { page });

            Assert.Empty(output.Errors);
            // The hostile key (in the two x86_64_v3 specs) is unknown: a warning that quotes it, nothing else.
            Assert.Equal(
                new[] { "Unknown key '*/ #error \"x\"' in spec_details[0] is ignored", "Unknown key '*/ #error \"x\"' in spec_details[2] is ignored" },
                output.Diagnostics.Select(d => d.Id + " " + d.GetMessage()).Select(m => m.Substring("SPG0005 ".Length)).ToArray());
            Assert.All(output.Diagnostics, d => Assert.Equal("SPG0005", d.Id));
            Assert.Empty(output.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(output.Compilation);
            Spec spec = catalog[0];
            Assert.Equal(Variants, spec.Variants.Select(v => v.Text).ToArray());
            Assert.Equal("\" */ #line 1 \"evil.cs\"\n class Evil { } // ", spec.Variants[0].Values.Single());
            Assert.Equal("line1\nline2\r\n\u2028\u2029\u0085 end", spec.Variants[2].Values.Single());
            Assert.Equal(Tarball, spec.Tarball);
        }

        [Fact]
        public void Hostile_strings_add_no_code_and_no_directives()
        {
            TestPage page = PageEdit.Zlib with { Text = HostilePage() };
            GeneratorOutput output = GeneratorHarness.Run(new[] { page });
            SyntaxTree[] generated = output.Compilation.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).OrderBy(t => t.FilePath, StringComparer.Ordinal).ToArray();
            Assert.Equal(2, generated.Length);
            foreach (SyntaxTree tree in generated)
            {
                // Blobs are string constants of any printable character; nothing invisible, nothing that ends a line or turns the text around.
                Assert.All(tree.GetText().ToString(), c => Assert.True(
                    c == '\n' || (c >= ' ' && c != 0x7F && !(c >= 0x80 && c < 0xA0) && !(c >= 0x2000 && c <= 0x206F) && c != 0xFEFF && !char.IsSurrogate(c) && c < 0xFFF0),
                    "a control, invisible or line-ending character in the generated source: U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
                Assert.Equal(new[] { SyntaxKind.NullableDirectiveTrivia }, tree.GetRoot().DescendantTrivia().Where(t => t.IsDirective).Select(t => t.Kind()).ToArray());
            }

            SyntaxNode data = generated[0].GetRoot();
            SyntaxNode api = generated[1].GetRoot();
            Assert.Equal(new[] { "SpackCache" }, data.DescendantNodes().OfType<ClassDeclarationSyntax>().Select(c => c.Identifier.Text).ToArray());
            Assert.Equal(
                new[] { "SpecGenTables", "SpecGenTablesLength", "SpecGenStrings", "SpecGenStringsLength", "CreateCatalog" },
                data.DescendantNodes().OfType<ClassDeclarationSyntax>().Single().Members.Select(m => m switch { FieldDeclarationSyntax f => f.Declaration.Variables.Single().Identifier.Text, PropertyDeclarationSyntax p => p.Identifier.Text, _ => ((MethodDeclarationSyntax)m).Identifier.Text }).ToArray());
            Assert.Equal(
                new[] { "SpackCache", "Packages", "Tags", "Stacks", "Targets", "OperatingSystems", "Platforms" },
                api.DescendantNodes().OfType<ClassDeclarationSyntax>().Select(c => c.Identifier.Text).ToArray());
            Assert.Equal(1, api.DescendantNodes().OfType<ClassDeclarationSyntax>().First().Members.Count(m => m is PropertyDeclarationSyntax));

            Assembly assembly = GeneratorHarness.Emit(output.Compilation);
            Assert.Equal(
                new[] { "SpackCache", "SpackCache+OperatingSystems", "SpackCache+Packages", "SpackCache+Platforms", "SpackCache+Stacks", "SpackCache+Tags", "SpackCache+Targets" },
                assembly.GetTypes().Where(t => !t.FullName!.Contains('<')).Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal).ToArray());
        }
    }
}
