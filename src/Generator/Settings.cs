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
    internal sealed record Settings(ReadOptions Read, EmitOptions Emit, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public const string MaxPageSizeProperty = "SpecGenMaxPageSize";
        public const string ClassNameProperty = "SpecGenClassName";
        public const string NamespaceProperty = "SpecGenNamespace";
        public const string RootNamespaceProperty = "RootNamespace";
        public const string PublicProperty = "SpecGenPublic";
        public const string MaxCatalogSizeProperty = "SpecGenMaxCatalogSize";

        /// <summary>Every MSBuild property read; SpecGen.props makes each visible to the compiler (a test checks it).</summary>
        public static readonly string[] Properties = { RootNamespaceProperty, ClassNameProperty, NamespaceProperty, MaxPageSizeProperty, PublicProperty, MaxCatalogSizeProperty };

        public static Settings From(AnalyzerConfigOptions global, ParseOptions parseOptions)
        {
            var diagnostics = new List<DiagnosticInfo>();

            int maxPageSize = (int)PositiveSize(global, MaxPageSizeProperty, ReadOptions.DefaultMaxPageSize, int.MaxValue, diagnostics);
            long maxCatalogSize = PositiveSize(global, MaxCatalogSizeProperty, ReadOptions.DefaultMaxCatalogSize(), long.MaxValue, diagnostics);

            bool isPublic = false;
            if (Property(global, PublicProperty) is string publicValue)
            {
                if (bool.TryParse(publicValue, out bool parsed))
                {
                    isPublic = parsed;
                }
                else
                {
                    diagnostics.Add(Invalid(PublicProperty, publicValue, "it is neither true nor false", "false"));
                }
            }

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
            var emit = new EmitOptions(className, ns, Utf8Literals: version >= 1100, NullableContext: version >= 800, Public: isPublic);
            return new Settings(new ReadOptions(maxPageSize, maxCatalogSize), emit, EquatableArray.From(diagnostics));
        }

        /// <summary>A positive whole number of characters, or <paramref name="fallback"/> (with SPG0020 when the property is set to something else).</summary>
        private static long PositiveSize(AnalyzerConfigOptions global, string property, long fallback, long max, List<DiagnosticInfo> diagnostics)
        {
            string? text = Property(global, property);
            if (text is null)
            {
                return fallback;
            }

            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 && value <= max)
            {
                return value;
            }

            diagnostics.Add(Invalid(property, text, "it is not a positive whole number of characters", fallback.ToString(CultureInfo.InvariantCulture)));
            return fallback;
        }

        private static DiagnosticInfo Invalid(string property, string value, string why, string used)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, null, property, value, why, used);
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
