namespace SpecGen.Tool
{
    /// <summary>Entry point of <c>specgen</c>.</summary>
    public static class Program
    {
        public static int Main(string[] args) => ToolApp.Run(args, ToolContext.Console());
    }
}
