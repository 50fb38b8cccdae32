using System;

namespace CatalogConsumer
{
    /// <summary>Entry point: the catalog libraries of the sample pages, combined.</summary>
    public static class Program
    {
        public static int Main(string[] args) => CatalogConsumerApp.Run(args, Console.Out, Console.Error);
    }
}
