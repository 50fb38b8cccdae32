using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;

namespace SpecGen.Tool
{
    /// <summary>
    /// <c>tags</c> and <c>packages</c>: what a source has, one name per line. Over HTTP the tags come from the
    /// repository's <c>_data/tags.yaml</c> (else its <c>_cache</c> folder's listing) and a tag's packages from its
    /// folder's listing (GitHub's API for raw.githubusercontent.com, an HTML index elsewhere); for a folder, its sub-folders.
    /// </summary>
    internal static class SourceCommands
    {
        public static Command Tags(ToolContext context)
        {
            Option<string> source = ToolOptions.Source();
            var http = new ToolOptions.Http();
            var tags = new Command("tags", "List the snapshot tags a source has") { source };
            foreach (Option option in http.All)
            {
                tags.Options.Add(option);
            }

            tags.SetAction(result =>
            {
                using PageSource from = PageSource.Open(result.GetValue(source)!, http.Settings(result, context));
                return Print(from.TagsAsync(CancellationToken.None).GetAwaiter().GetResult(), "tag", from.Name, context);
            });
            return tags;
        }

        public static Command Packages(ToolContext context)
        {
            Option<string> tag = ToolOptions.Tag(required: true);
            Option<string> source = ToolOptions.Source();
            var http = new ToolOptions.Http();
            var packages = new Command("packages", "List the packages a source has pages of in a snapshot tag") { tag, source };
            foreach (Option option in http.All)
            {
                packages.Options.Add(option);
            }

            packages.SetAction(result =>
            {
                string t = result.GetValue(tag)!;
                using PageSource from = PageSource.Open(result.GetValue(source)!, http.Settings(result, context));
                IReadOnlyList<string>? names = from.PackagesAsync(t, CancellationToken.None).GetAwaiter().GetResult();
                if (names is null)
                {
                    IReadOnlyList<string> tags = PageSource.OrNone(async () => await from.TagsAsync(CancellationToken.None).ConfigureAwait(false)).GetAwaiter().GetResult();
                    context.Error.WriteLine($"The tag '{t}' is not at {from.Name}{Text.DidYouMean(t, tags)}");
                    return ToolApp.Failure;
                }

                return Print(names, "package", from.Name + "/" + t, context);
            });
            return packages;
        }

        private static int Print(IReadOnlyList<string> names, string what, string where, ToolContext context)
        {
            foreach (string name in names)
            {
                context.Output.WriteLine(name);
            }

            context.Error.WriteLine($"{Text.Count(names.Count, what)} at {where}.");
            return names.Count > 0 ? 0 : ToolApp.Failure;
        }
    }
}
