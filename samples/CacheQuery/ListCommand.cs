using System.Collections.Generic;
using System.IO;
using SpecGen;
using Spectre.Console;

namespace CacheQuery
{
    /// <summary><c>list</c>: the matching specs as a table, or as JSON lines.</summary>
    internal static class ListCommand
    {
        public static int Run(SpecCatalog catalog, Filter filter, string? runnableOn, bool json, TextWriter output, TextWriter error)
        {
            string? unknown = filter.FindUnknown(catalog);
            if (unknown is not null)
            {
                error.WriteLine(unknown);
                return 2;
            }

            SpecQuery query = catalog.Where(filter.Package, filter.Stack, filter.Target, filter.Os, filter.Platform, filter.Tag);
            if (runnableOn is not null)
            {
                if (HostCommand.Resolve(runnableOn, error) is not Microarchitecture host)
                {
                    return 2;
                }

                query = query.RunnableOn(host);
            }

            Write(query, json, output);
            return 0;
        }

        /// <summary>Specs as JSON lines, or as a table with a count.</summary>
        public static void Write(IEnumerable<Spec> specs, bool json, TextWriter output)
        {
            if (json)
            {
                foreach (Spec spec in specs)
                {
                    output.WriteLine(ToJson(spec));
                }

                return;
            }

            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumns("Hash", "Package", "Version", "Compiler", "Platform", "OS", "Target", "Tag", "Stacks");
            int count = 0;
            foreach (Spec spec in specs)
            {
                count++;
                table.AddRow(
                    Markup.Escape(spec.ShortHash),
                    Markup.Escape(spec.Package),
                    Markup.Escape(spec.Version.ToString()),
                    Markup.Escape(spec.Compiler.Text),
                    Markup.Escape(spec.Platform),
                    Markup.Escape(spec.Os),
                    Markup.Escape(spec.Target),
                    Markup.Escape(spec.Tag),
                    Markup.Escape(spec.Stacks.ToString()));
            }

            table.Caption(count == 1 ? "1 spec" : count + " specs");
            CacheQueryApp.Console(output).Write(table);
        }

        /// <summary>One spec as a JSON object with exactly the page's keys and values: the format of <c>specgen list --json</c>, from the tool's own writer.</summary>
        public static string ToJson(Spec spec) => SpecGen.Tool.SpecJson.Of(spec);
    }
}
