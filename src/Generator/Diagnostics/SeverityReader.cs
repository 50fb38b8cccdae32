using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

using SpecGen.Format;

namespace SpecGen.Generator.Diagnostics
{
    /// <summary>
    /// The severity each SpecGen diagnostic gets in a compilation, by the compiler's rules for a diagnostic outside
    /// any C# file: the project's per-ID options (WarningsAsErrors, NoWarn, a ruleset) first, then a global
    /// analyzer config (.globalconfig, whose warnings /warnaserror raises), then the default, which
    /// TreatWarningsAsErrors raises for warnings.
    /// </summary>
    internal static class SeverityReader
    {
        public static EffectiveSeverities Read(CompilationOptions options, CancellationToken cancellationToken)
        {
            var errors = new List<string>();
            foreach (DiagnosticDescriptor descriptor in DiagnosticDescriptors.All)
            {
                if (IsError(descriptor, options, cancellationToken))
                {
                    errors.Add(descriptor.Id);
                }
            }

            return new EffectiveSeverities(EquatableArray.From(errors));
        }

        private static bool IsError(DiagnosticDescriptor descriptor, CompilationOptions options, CancellationToken cancellationToken)
        {
            bool specified = true;
            if (!options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out ReportDiagnostic report))
            {
                if (options.SyntaxTreeOptionsProvider is not null
                    && options.SyntaxTreeOptionsProvider.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out report))
                {
                    if (report == ReportDiagnostic.Warn && options.GeneralDiagnosticOption == ReportDiagnostic.Error)
                    {
                        report = ReportDiagnostic.Error;
                    }
                }
                else
                {
                    specified = false;
                    report = descriptor.IsEnabledByDefault ? ReportDiagnostic.Default : ReportDiagnostic.Suppress;
                }
            }

            if (report == ReportDiagnostic.Default)
            {
                if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
                {
                    return true;
                }

                return !specified && descriptor.DefaultSeverity == DiagnosticSeverity.Warning && options.GeneralDiagnosticOption == ReportDiagnostic.Error;
            }

            return report == ReportDiagnostic.Error;
        }
    }
}
