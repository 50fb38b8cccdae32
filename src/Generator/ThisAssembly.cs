namespace SpecGen.Generator
{
    /// <summary>Facts about this build of the generator.</summary>
    internal static class ThisAssembly
    {
        /// <summary>The informational version, without build metadata.</summary>
        public static readonly string Version = ReadVersion();

        private static string ReadVersion()
        {
            object[] attributes = typeof(ThisAssembly).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false);
            string version = attributes.Length > 0 ? ((System.Reflection.AssemblyInformationalVersionAttribute)attributes[0]).InformationalVersion : "0.0.0";
            int plus = version.IndexOf('+');
            return plus >= 0 ? version.Substring(0, plus) : version;
        }
    }
}
