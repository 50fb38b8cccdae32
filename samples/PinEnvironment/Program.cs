using System;

namespace PinEnvironment
{
    /// <summary>Entry point: pins packages to cached binaries in a Spack environment file.</summary>
    public static class Program
    {
        public static int Main(string[] args) => PinEnvironmentApp.Run(args, Console.Out, Console.Error);
    }
}
