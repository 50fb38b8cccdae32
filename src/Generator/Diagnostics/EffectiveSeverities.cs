using System;

using SpecGen.Format;

namespace SpecGen.Generator.Diagnostics
{
    /// <summary>
    /// Which SpecGen diagnostics this compilation reports as errors, after the project's settings
    /// (.globalconfig, WarningsAsErrors, NoWarn, TreatWarningsAsErrors). A page with such a diagnostic stays out of the catalog.
    /// </summary>
    internal sealed record EffectiveSeverities(EquatableArray<string> ErrorIds)
    {
        /// <summary>Every diagnostic at its default severity.</summary>
        public static EffectiveSeverities Default { get; } = new EffectiveSeverities(EquatableArray.From(
            System.Linq.Enumerable.Select(
                System.Linq.Enumerable.Where(Diagnostics.DiagnosticDescriptors.All, d => d.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error),
                d => d.Id)));

        public bool IsError(string id)
        {
            foreach (string error in ErrorIds)
            {
                if (string.Equals(error, id, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public bool AnyError(EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                if (IsError(diagnostic.Id))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
