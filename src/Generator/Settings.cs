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

        /// <summary>Every MSBuild property read; SpecGen.props makes each visible to the compiler (a test checks it).</summary>
        public static readonly string[] Properties = { RootNamespaceProperty, ClassNameProperty, NamespaceProperty, MaxPageSizeProperty };

        public static Settings From(AnalyzerConfigOptions global, ParseOptions parseOptions)
        {
            var diagnostics = new List<DiagnosticInfo>();

            int maxPageSize = ReadOptions.DefaultMaxPageSize;
            string? max = Property(global, MaxPageSizeProperty);
            if (max is not null)
            {
                if (int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0)
                {
                    maxPageSize = value;
                }
                else
                {
                    diagnostics.Add(Invalid(MaxPageSizeProperty, max, "it is not a positive whole number of characters", maxPageSize.ToString(CultureInfo.InvariantCulture)));
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
            var emit = new EmitOptions(className, ns, Utf8Literals: version >= 1100, NullableContext: version >= 800);
            return new Settings(new ReadOptions(maxPageSize), emit, EquatableArray.From(diagnostics));
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
