using Microsoft.CodeAnalysis;

using SpecGen.Format;

namespace SpecGen.Generator.Diagnostics
{
    /// <summary>A diagnostic kept as plain values (descriptor ID, location, message arguments).</summary>
    internal sealed record DiagnosticInfo(
        string Id,
        LocationInfo? Location,
        EquatableArray<LocationInfo> AdditionalLocations,
        EquatableArray<string> MessageArgs)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
        {
            return new DiagnosticInfo(descriptor.Id, location, EquatableArray<LocationInfo>.Empty, Visible(args));
        }

        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, LocationInfo? other, params string[] args)
        {
            EquatableArray<LocationInfo> more = other is null ? EquatableArray<LocationInfo>.Empty : new EquatableArray<LocationInfo>(new[] { other });
            return new DiagnosticInfo(descriptor.Id, location, more, Visible(args));
        }

        /// <summary>
        /// The message arguments with every invisible character (controls, bidirectional and other format characters,
        /// line breaks, spaces other than U+0020, lone surrogates) written as <c>U+XXXX</c>: a page's value quoted in a
        /// message cannot reorder or hide the text around it in a terminal or the IDE.
        /// </summary>
        private static EquatableArray<string> Visible(string[] args)
        {
            var visible = new string[args.Length];
            for (int i = 0; i < args.Length; i++)
            {
                visible[i] = args[i] is null ? args[i] : PythonText.Escape(args[i]);
            }

            return new EquatableArray<string>(visible);
        }

        /// <summary>The descriptor of <see cref="Id"/> (looked up, not held: pipeline values hold no compiler objects).</summary>
        public DiagnosticDescriptor GetDescriptor() => DiagnosticDescriptors.ById(Id);

        /// <summary>True for a diagnostic that is an error unless the project changes its severity.</summary>
        public bool IsErrorByDefault => GetDescriptor().DefaultSeverity == DiagnosticSeverity.Error;

        /// <summary>The message, formatted (invariant culture).</summary>
        public string Message => string.Format(System.Globalization.CultureInfo.InvariantCulture, GetDescriptor().MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), Args());

        public Diagnostic ToDiagnostic()
        {
            Location? location = Location?.ToLocation();
            Location[]? additional = null;
            if (AdditionalLocations.Count > 0)
            {
                additional = new Location[AdditionalLocations.Count];
                for (int i = 0; i < additional.Length; i++)
                {
                    additional[i] = AdditionalLocations[i].ToLocation();
                }
            }

            return Diagnostic.Create(GetDescriptor(), location, additional, Args());
        }

        private object?[] Args()
        {
            object?[] args = new object?[MessageArgs.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = MessageArgs[i];
            }

            return args;
        }
    }
}
