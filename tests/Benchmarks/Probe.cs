using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Emit;
using SpecGen.Generator.Model;
using SpecGen.Generator.Parsing;
using SpecGen.Generator.Validation;
using YamlDotNet.Core;
namespace SpecGen.Benchmarks
{
    public static class Probe
    {
        public static void Run()
        {
            var pages = Corpora.Get("S1");
            if (Environment.GetEnvironmentVariable("PROBE_EMIT") == "1")
            {
                var models0 = pages.Select(p => PageReader.Read("/" + p.RelativePath, SourceText.From(p.Text), int.MaxValue, CancellationToken.None).Page!).ToImmutableArray();
                var data0 = CatalogBuilder.Build(models0, CancellationToken.None).Data;
                var sw0 = Stopwatch.StartNew();
                for (int i = 0; i < 30; i++)
                {
                    CatalogEmitter.Emit(data0, new EmitOptions("SpackCache", "X", true, true), CancellationToken.None);
                }

                Console.WriteLine($"emit {sw0.ElapsedMilliseconds / 30.0:F1} ms");
                return;
            }

            int rounds = Environment.GetEnvironmentVariable("PROBE_ROUNDS") is string r ? int.Parse(r) : 3;
            for (int round = 0; round < rounds; round++)
            {
                var sw = Stopwatch.StartNew();
                foreach (var p in pages) { var parser = new Parser(new StringReader(p.Text)); while (parser.MoveNext()) { } }
                Console.Write($"yaml {sw.ElapsedMilliseconds} ms; ");
                sw.Restart();
                var texts = pages.Select(p => SourceText.From(p.Text)).ToArray();
                Console.Write($"sourcetext {sw.ElapsedMilliseconds} ms; ");
                sw.Restart();
                foreach (var t in texts) { var fm = FrontMatter.Find(t); YamlTreeReader.Read("/x", t, fm.YamlEnd, new System.Collections.Generic.List<DiagnosticInfo>(), CancellationToken.None); }
                Console.Write($"tree {sw.ElapsedMilliseconds} ms; ");
                sw.Restart();
                var models = pages.Select((p, i) => PageReader.Read("/" + p.RelativePath, texts[i], int.MaxValue, CancellationToken.None).Page!).ToImmutableArray();
                Console.Write($"read {sw.ElapsedMilliseconds} ms; ");
                sw.Restart();
                var catalog = CatalogBuilder.Build(models, CancellationToken.None);
                Console.Write($"build {sw.ElapsedMilliseconds} ms; ");
                sw.Restart();
                var encoded = CatalogEncoder.Encode(catalog.Data, CancellationToken.None);
                Console.Write($"encode {sw.ElapsedMilliseconds} ms; ");
                if (round == 0)
                {
                    long pageBytes = pages.Sum(p => (long)System.Text.Encoding.UTF8.GetByteCount(p.Text));
                    Console.WriteLine($"pages {pageBytes} bytes; tables {encoded.Tables.Length}; strings {encoded.StringBytes}; ratio {(encoded.Tables.Length + encoded.StringBytes) / (double)pageBytes:F3}");
                    foreach (var kv in encoded.SectionSizes.OrderByDescending(k => k.Value).Take(12)) Console.WriteLine($"  {kv.Key} {kv.Value}");
                }
                sw.Restart();
                string source = CatalogEmitter.Emit(catalog.Data, new EmitOptions("SpackCache", "X", true, true), CancellationToken.None);
                Console.Write($"emit(+encode) {sw.ElapsedMilliseconds} ms ({source.Length} chars); ");
                sw.Restart();
                var tree = CSharpSyntaxTree.ParseText(SourceText.From(source, System.Text.Encoding.UTF8));
                tree.GetRoot();
                Console.Write($"parse-generated {sw.ElapsedMilliseconds} ms; ");
                sw.Restart();
                bool eq = catalog.Data.Equals(CatalogBuilder.Build(models, CancellationToken.None).Data);
                Console.WriteLine($"build+equals {sw.ElapsedMilliseconds} ms {eq}");
            }
        }
    }
}
