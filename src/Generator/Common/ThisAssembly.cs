using System;
using System.Reflection;

namespace SpecGen.Generator.Common
{
    /// <summary>Facts about this build of the generator, set by its project file.</summary>
    internal static class ThisAssembly
    {
        /// <summary>The informational version, without build metadata.</summary>
        public static readonly string Version = ReadVersion();

        /// <summary>The address of docs/diagnostics.md (from SpecGenRepositoryUrl in Directory.Build.props).</summary>
        public static readonly string DiagnosticsDocs = ReadMetadata("SpecGenDiagnosticsDocs");

        private static string ReadVersion()
        {
            var attribute = typeof(ThisAssembly).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();
            string version = attribute?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus >= 0 ? version.Substring(0, plus) : version;
        }

        private static string ReadMetadata(string key)
        {
            foreach (AssemblyMetadataAttribute attribute in typeof(ThisAssembly).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            {
                if (string.Equals(attribute.Key, key, StringComparison.Ordinal) && attribute.Value is not null)
                {
                    return attribute.Value;
                }
            }

            throw new InvalidOperationException("The generator was built without the assembly metadata " + key + ".");
        }
    }
}
