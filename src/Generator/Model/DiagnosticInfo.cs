using Microsoft.CodeAnalysis;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Model
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
            return new DiagnosticInfo(descriptor.Id, location, EquatableArray<LocationInfo>.Empty, new EquatableArray<string>(args));
        }

        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, LocationInfo? other, params string[] args)
        {
            EquatableArray<LocationInfo> more = other is null ? EquatableArray<LocationInfo>.Empty : new EquatableArray<LocationInfo>(new[] { other });
            return new DiagnosticInfo(descriptor.Id, location, more, new EquatableArray<string>(args));
        }

        public DiagnosticDescriptor Descriptor => DiagnosticDescriptors.ById(Id);

        public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;

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

            object?[] args = new object?[MessageArgs.Count];
            for (int i = 0; i < args.Length; i++)
            {
                args[i] = MessageArgs[i];
            }

            return Diagnostic.Create(Descriptor, location, additional, args);
        }
    }
}
