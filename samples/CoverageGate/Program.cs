using System;

namespace CoverageGate
{
    /// <summary>Entry point: what of a Spack environment the cache holds.</summary>
    public static class Program
    {
        public static int Main(string[] args) => CoverageGateApp.Run(args, Console.Out, Console.Error);
    }
}
