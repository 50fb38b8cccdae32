using System;

namespace CacheQuery
{
    /// <summary>Entry point: queries the Spack build cache pages compiled into this program.</summary>
    public static class Program
    {
        public static int Main(string[] args) => CacheQueryApp.Run(args, Console.Out, Console.Error);
    }
}
