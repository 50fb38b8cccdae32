using System.IO;
using SpecGen;
using Spectre.Console;

namespace CacheQuery
{
    /// <summary><c>stats</c>: spec counts per snapshot tag, stack, target and operating system.</summary>
    internal static class StatsCommand
    {
        public static int Run(SpecCatalog catalog, TextWriter output)
        {
            IAnsiConsole console = CacheQueryApp.Console(output);
            console.WriteLine($"{catalog.Count} specs ({catalog.HashCount} distinct hashes) of {catalog.Packages.Count} packages from {catalog.PageCount} pages.");
            Write(console, "Snapshot tag", catalog.Tags, name => catalog.Where(tag: name).Count());
            Write(console, "Stack", catalog.Stacks, name => catalog.Where(stack: name).Count());
            Write(console, "Target", catalog.Targets, name => catalog.Where(target: name).Count());
            Write(console, "Operating system", catalog.OperatingSystems, name => catalog.Where(os: name).Count());
            return 0;
        }

        private static void Write(IAnsiConsole console, string title, NameList names, System.Func<string, int> count)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn(title).AddColumn(new TableColumn("Specs").RightAligned());
            foreach (string name in names)
            {
                table.AddRow(Markup.Escape(name), count(name).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Write(table);
        }
    }
}
