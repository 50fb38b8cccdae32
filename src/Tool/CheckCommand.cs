extern alias Generator;

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Generator::SpecGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace SpecGen.Tool
{
    /// <summary>
    /// <c>check [PATH] [--format text|json|sarif]</c>: every page and catalog check the build runs, over a folder of
    /// pages or one page. Text is MSBuild's format (<c>path(line,column): error SPG0009: message</c>); json is one
    /// object per diagnostic per line; sarif is a SARIF 2.1.0 log (what GitHub code scanning and Azure DevOps read).
    /// The summary goes to standard error. Exit 1 on any error, or when the path has no page.
    /// </summary>
    internal static class CheckCommand
    {
        public static Command Create(ToolContext context)
        {
            var path = ToolOptions.NoOptions(new Argument<string>("path") { Description = "A folder of pages (any depth) or one page", DefaultValueFactory = _ => ToolApp.DefaultFolder });
            var format = new Option<string>("--format") { Description = "text (as MSBuild prints diagnostics), json (one object per diagnostic per line) or sarif (SARIF 2.1.0)", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json", "sarif");
            var check = new Command("check", "Run every page and catalog check the build runs; diagnostics as MSBuild prints them, as JSON lines or as SARIF") { path, format };
            check.SetAction(result => Run(result.GetValue(path)!, result.GetValue(format)!, context));
            return check;
        }

        private static int Run(string path, string format, ToolContext context)
        {
            IReadOnlyList<string>? files = PageSet.Find(path, context.Error);
            if (files is null)
            {
                return ToolApp.Failure;
            }

            if (files.Count == 0)
            {
                context.Error.WriteLine($"No pages under {path} (no {PageFiles.FileName} at any depth); nothing was checked.");
                return ToolApp.Failure;
            }

            PageSet pages = PageSet.Read(files, context);
            switch (format)
            {
                case "json":
                    foreach (Diagnostic diagnostic in pages.Diagnostics)
                    {
                        context.Output.WriteLine(Json(diagnostic));
                    }

                    break;
                case "sarif":
                    context.Output.WriteLine(Sarif(pages.Diagnostics));
                    break;
                default:
                    foreach (Diagnostic diagnostic in pages.Diagnostics)
                    {
                        context.Output.WriteLine(PageChecker.Format(diagnostic));
                    }

                    break;
            }

            int errors = pages.Errors;
            context.Error.WriteLine($"{Text.Count(files.Count, "page")}, {Text.Count(pages.Catalog.Count, "spec")}; {Text.Count(errors, "error")}, {Text.Count(pages.Diagnostics.Count - errors, "warning")}.");
            return errors > 0 ? ToolApp.Failure : 0;
        }

        /// <summary>One diagnostic: id, severity, message, path, line, column, endLine, endColumn (1-based), helpUri.</summary>
        internal static string Json(Diagnostic diagnostic) => SpecJson.Line(w =>
        {
            // A diagnostic about no page in particular has a null path and 0 for its positions.
            bool placed = diagnostic.Location.Kind != LocationKind.None;
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            int offset = placed ? 1 : 0;
            w.WriteString("id", diagnostic.Id);
            w.WriteString("severity", Level(diagnostic));
            w.WriteString("message", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("path", placed ? span.Path : null);
            w.WriteNumber("line", span.StartLinePosition.Line + offset);
            w.WriteNumber("column", span.StartLinePosition.Character + offset);
            w.WriteNumber("endLine", span.EndLinePosition.Line + offset);
            w.WriteNumber("endColumn", span.EndLinePosition.Character + offset);
            w.WriteString("helpUri", diagnostic.Descriptor.HelpLinkUri);
        });

        /// <summary>
        /// A SARIF 2.1.0 log with one run: the tool (SpecGen, with a rule per diagnostic SpecGen has: id, title, the
        /// default level and the help link) and a result per diagnostic (rule, level, message, the physical location
        /// as a path relative to the working folder where it is under it, and any other location as a related one).
        /// </summary>
        internal static string Sarif(IReadOnlyList<Diagnostic> diagnostics)
        {
            IReadOnlyList<DiagnosticDescriptor> rules = DiagnosticDescriptors.All;
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                w.WriteString("version", "2.1.0");
                w.WriteStartArray("runs");
                w.WriteStartObject();
                w.WriteStartObject("tool");
                w.WriteStartObject("driver");
                w.WriteString("name", "SpecGen");
                w.WriteString("informationUri", DiagnosticDescriptors.HelpLinkBase.TrimEnd('#'));
                w.WriteString("semanticVersion", typeof(CheckCommand).Assembly.GetName().Version!.ToString(3));
                w.WriteStartArray("rules");
                foreach (DiagnosticDescriptor rule in rules)
                {
                    w.WriteStartObject();
                    w.WriteString("id", rule.Id);
                    w.WriteString("name", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal));
                    w.WriteStartObject("shortDescription");
                    w.WriteString("text", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                    w.WriteString("helpUri", rule.HelpLinkUri);
                    w.WriteStartObject("defaultConfiguration");
                    w.WriteString("level", Level(rule.DefaultSeverity));
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteStartArray("results");
                foreach (Diagnostic diagnostic in diagnostics)
                {
                    w.WriteStartObject();
                    w.WriteString("ruleId", diagnostic.Id);
                    w.WriteNumber("ruleIndex", rules.Select(r => r.Id).ToList().IndexOf(diagnostic.Id));
                    w.WriteString("level", Level(diagnostic));
                    w.WriteStartObject("message");
                    w.WriteString("text", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                    w.WriteStartArray("locations");
                    if (diagnostic.Location.Kind != LocationKind.None)
                    {
                        WriteLocation(w, diagnostic.Location, null);
                    }

                    w.WriteEndArray();
                    if (diagnostic.AdditionalLocations.Count > 0)
                    {
                        w.WriteStartArray("relatedLocations");
                        for (int i = 0; i < diagnostic.AdditionalLocations.Count; i++)
                        {
                            WriteLocation(w, diagnostic.AdditionalLocations[i], i + 1);
                        }

                        w.WriteEndArray();
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void WriteLocation(Utf8JsonWriter w, Location location, int? id)
        {
            FileLinePositionSpan span = location.GetLineSpan();
            w.WriteStartObject();
            if (id is int n)
            {
                w.WriteNumber("id", n);
            }

            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", ArtifactUri(span.Path));
            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", span.StartLinePosition.Line + 1);
            w.WriteNumber("startColumn", span.StartLinePosition.Character + 1);
            w.WriteNumber("endLine", span.EndLinePosition.Line + 1);
            w.WriteNumber("endColumn", span.EndLinePosition.Character + 1);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        /// <summary>A path as a SARIF artifact URI: relative (with '/') when under the working folder, else an absolute file URI.</summary>
        private static string ArtifactUri(string path)
        {
            string full = Path.GetFullPath(path);
            string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
                ? new System.Uri(full).AbsoluteUri
                : string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(System.Uri.EscapeDataString));
        }

        private static string Level(Diagnostic diagnostic) => Level(diagnostic.Severity);

        private static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "note",
        };
    }
}
