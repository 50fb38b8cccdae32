using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Generator.Diagnostics;
using SpecGen.Format;
using SpecGen.Generator.Model;

namespace SpecGen.Generator
{
    /// <summary>The MSBuild properties SpecGen reads (see SpecGen.props), checked; bad values fall back to defaults with SPG0020.</summary>
    internal sealed record Settings(ReadOptions Read, EmitOptions Emit, EquatableArray<DiagnosticInfo> Diagnostics, bool PackageConstants = true)
    {
        public const string MaxPageSizeProperty = "SpecGenMaxPageSize";
        public const string ClassNameProperty = "SpecGenClassName";
        public const string NamespaceProperty = "SpecGenNamespace";
        public const string RootNamespaceProperty = "RootNamespace";
        public const string PublicProperty = "SpecGenPublic";
        public const string MaxCatalogSizeProperty = "SpecGenMaxCatalogSize";
        public const string GlobalUsingProperty = "SpecGenGlobalUsing";
        public const string StringHeapBudgetProperty = "SpecGenStringHeapBudget";
        public const string ChunkPagesProperty = "SpecGenChunkPages";
        public const string PackageConstantsProperty = "SpecGenPackageConstants";
        public const string ReadAheadProperty = "SpecGenReadAhead";

        /// <summary>Every MSBuild property read; SpecGen.props makes each visible to the compiler (a test checks it).</summary>
        public static readonly string[] Properties = { RootNamespaceProperty, ClassNameProperty, NamespaceProperty, MaxPageSizeProperty, PublicProperty, MaxCatalogSizeProperty, GlobalUsingProperty, StringHeapBudgetProperty, ChunkPagesProperty, PackageConstantsProperty, ReadAheadProperty };

        public static Settings From(AnalyzerConfigOptions global, ParseOptions parseOptions)
        {
            var diagnostics = new List<DiagnosticInfo>();

            int maxPageSize = (int)PositiveSize(global, MaxPageSizeProperty, ReadOptions.DefaultMaxPageSize, int.MaxValue, diagnostics);
            long maxCatalogSize = PositiveSize(global, MaxCatalogSizeProperty, ReadOptions.DefaultMaxCatalogSize(), long.MaxValue, diagnostics);

            int stringHeapBudget = (int)Size(global, StringHeapBudgetProperty, GeneratedCode.StringHeapBudget, 16 * 1024 * 1024, allowZero: true, "bytes", diagnostics);
            int chunkPages = (int)Size(global, ChunkPagesProperty, EmitOptions.AutoChunkPages, int.MaxValue, allowZero: true, "pages", diagnostics);
            bool isPublic = Flag(global, PublicProperty, false, diagnostics);
            bool globalUsing = Flag(global, GlobalUsingProperty, true, diagnostics);
            bool packageConstants = Flag(global, PackageConstantsProperty, true, diagnostics);
            bool readAhead = Flag(global, ReadAheadProperty, true, diagnostics);

            string className = Property(global, ClassNameProperty) ?? GeneratedCode.DefaultClassName;
            if (!IsIdentifier(className))
            {
                diagnostics.Add(Invalid(ClassNameProperty, className, "it is not a C# identifier", GeneratedCode.DefaultClassName));
                className = GeneratedCode.DefaultClassName;
            }

            string ns = string.Empty;
            if (Property(global, NamespaceProperty) is string explicitNamespace)
            {
                if (IsNamespace(explicitNamespace))
                {
                    ns = explicitNamespace;
                }
                else
                {
                    diagnostics.Add(Invalid(NamespaceProperty, explicitNamespace, "it is not a C# namespace name", "(the global namespace)"));
                }
            }
            else if (Property(global, RootNamespaceProperty) is string root && IsNamespace(root))
            {
                ns = root;
            }

            int version = parseOptions is CSharpParseOptions csharp ? (int)csharp.LanguageVersion : 0;
            // A global using of the catalog's namespace (C# 10 and later) puts SpackCache in scope in every file, top-level statements included.
            var emit = new EmitOptions(className, ns, Utf8Literals: version >= 1100, NullableContext: version >= 800, Public: isPublic, GlobalUsing: globalUsing && version >= 1000 && ns.Length > 0, StringHeapBudget: stringHeapBudget, ChunkPages: chunkPages);
            return new Settings(new ReadOptions(maxPageSize, maxCatalogSize, readAhead), emit, EquatableArray.From(diagnostics), packageConstants);
        }

        /// <summary>A true/false property, or <paramref name="fallback"/> (with SPG0020 when it is set to something else).</summary>
        private static bool Flag(AnalyzerConfigOptions global, string property, bool fallback, List<DiagnosticInfo> diagnostics)
        {
            if (Property(global, property) is not string value)
            {
                return fallback;
            }

            if (bool.TryParse(value, out bool parsed))
            {
                return parsed;
            }

            diagnostics.Add(Invalid(property, value, "it is neither true nor false", fallback ? "true" : "false"));
            return fallback;
        }

        /// <summary>A positive whole number of characters, or <paramref name="fallback"/> (with SPG0020 when the property is set to something else).</summary>
        private static long PositiveSize(AnalyzerConfigOptions global, string property, long fallback, long max, List<DiagnosticInfo> diagnostics)
            => Size(global, property, fallback, max, allowZero: false, "characters", diagnostics);

        /// <summary>A whole number up to <paramref name="max"/> (positive, or also 0), or <paramref name="fallback"/> (with SPG0020 when the property is set to something else).</summary>
        private static long Size(AnalyzerConfigOptions global, string property, long fallback, long max, bool allowZero, string unit, List<DiagnosticInfo> diagnostics)
        {
            string? text = Property(global, property);
            if (text is null)
            {
                return fallback;
            }

            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && (value > 0 || (allowZero && value == 0)) && value <= max)
            {
                return value;
            }

            string expected = allowZero ? "a whole number of " + unit + " from 0 to " + max.ToString(CultureInfo.InvariantCulture) : "a positive whole number of " + unit;
            diagnostics.Add(Invalid(property, text, "it is not " + expected, fallback < 0 ? "(the default)" : fallback.ToString(CultureInfo.InvariantCulture)));
            return fallback;
        }

        /// <summary>SPG0020; <paramref name="used"/> is a value (quoted in the message) or, in parentheses, a description.</summary>
        private static DiagnosticInfo Invalid(string property, string value, string why, string used)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, null, property, value, why, used.StartsWith("(", StringComparison.Ordinal) ? used.Substring(1, used.Length - 2) : "'" + used + "'");
        }

        private static string? Property(AnalyzerConfigOptions global, string name)
        {
            return global.TryGetValue("build_property." + name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value!.Trim() : null;
        }

        private static bool IsIdentifier(string name)
        {
            return SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;
        }

        private static bool IsNamespace(string name)
        {
            foreach (string part in name.Split('.'))
            {
                if (!IsIdentifier(part))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
