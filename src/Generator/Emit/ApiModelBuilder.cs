using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit
{
    /// <summary>
    /// Builds the generated API from the pages of the catalog: one identifier per name (SPG0017 when two names
    /// collide) and a doc summary per name, from the per-page counts each page already holds.
    /// </summary>
    internal static class ApiModelBuilder
    {
        /// <summary>The kinds of names, in the order their classes are emitted.</summary>
        public static readonly NameKind[] Kinds =
        {
            NameKind.Package, NameKind.Tag, NameKind.Stack, NameKind.Target, NameKind.OperatingSystem, NameKind.Platform,
        };

        public static readonly IReadOnlyDictionary<NameKind, string> ClassNames = new Dictionary<NameKind, string>
        {
            [NameKind.Package] = "Packages",
            [NameKind.Tag] = "Tags",
            [NameKind.Stack] = "Stacks",
            [NameKind.Target] = "Targets",
            [NameKind.OperatingSystem] = "OperatingSystems",
            [NameKind.Platform] = "Platforms",
        };

        private static readonly IReadOnlyDictionary<NameKind, string> KindNames = new Dictionary<NameKind, string>
        {
            [NameKind.Package] = "Package",
            [NameKind.Tag] = "Snapshot tag",
            [NameKind.Stack] = "Stack",
            [NameKind.Target] = "Target",
            [NameKind.OperatingSystem] = "Operating system",
            [NameKind.Platform] = "Platform",
        };

        private const int MaxListed = 8;

        public static ApiModel Build(IReadOnlyList<PageModel> pages, List<DiagnosticInfo> diagnostics)
        {
            var facts = new Dictionary<(NameKind, string), Facts>();
            int specCount = 0;
            foreach (PageModel page in pages)
            {
                specCount += page.Specs.Count;
                foreach (NameOccurrence name in page.Names)
                {
                    if (!facts.TryGetValue((name.Kind, name.Name), out Facts? f))
                    {
                        f = new Facts(name.Location);
                        facts.Add((name.Kind, name.Name), f);
                    }

                    f.Specs += name.Kind == NameKind.Package || name.Kind == NameKind.Tag ? page.Specs.Count : name.Specs;
                    f.Tags.Add(page.Tag);
                    f.Packages.Add(page.Package);
                    if (name.Kind == NameKind.Package)
                    {
                        f.Versions.UnionWith(page.Versions);
                    }
                }
            }

            var names = new List<ApiName>();
            foreach (NameKind kind in Kinds)
            {
                IEnumerable<string> ofKind = facts.Keys.Where(k => k.Item1 == kind).Select(k => k.Item2);
                foreach (Identifiers.Assignment assignment in Identifiers.Assign(ofKind, ClassNames[kind]))
                {
                    Facts f = facts[(kind, assignment.Name)];
                    names.Add(new ApiName(kind, assignment.Name, assignment.Identifier, Describe(kind, assignment.Name, f)));
                    if (assignment.CollidedWith is string other)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.IdentifierCollision,
                            f.FirstLocation,
                            KindNames[kind],
                            other,
                            assignment.Name,
                            assignment.Wanted,
                            assignment.Identifier));
                    }
                }
            }

            int packages = names.Count(n => n.Kind == NameKind.Package);
            int tags = names.Count(n => n.Kind == NameKind.Tag);
            return new ApiModel(specCount, pages.Count, packages, tags, EquatableArray.From(names));
        }

        internal static string Count(int n, string noun)
        {
            return n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
        }

        private static string Describe(NameKind kind, string name, Facts facts)
        {
            string specs = Count(facts.Specs, "spec");
            string tags = Count(facts.Tags.Count, "snapshot tag") + " (" + List(facts.Tags) + ")";
            switch (kind)
            {
                case NameKind.Package:
                    return "Package " + name + ": " + specs + " in " + tags + "; versions " + List(facts.Versions) + ".";
                case NameKind.Tag:
                    return "Snapshot tag " + name + ": " + specs + " of " + Count(facts.Packages.Count, "package") + ".";
                default:
                    string what = kind == NameKind.Stack ? "Stack " : kind == NameKind.Target ? "Target " : kind == NameKind.OperatingSystem ? "Operating system " : "Platform ";
                    return what + name + ": " + specs + " of " + Count(facts.Packages.Count, "package") + " in " + tags + ".";
            }
        }

        private static string List(HashSet<string> values)
        {
            string[] all = values.ToArray();
            Array.Sort(all, StringComparer.Ordinal);
            string listed = string.Join(", ", all.Take(MaxListed));
            return all.Length > MaxListed ? listed + " and " + (all.Length - MaxListed).ToString(CultureInfo.InvariantCulture) + " more" : listed;
        }

        private sealed class Facts
        {
            public Facts(LocationInfo firstLocation)
            {
                FirstLocation = firstLocation;
            }

            public LocationInfo FirstLocation { get; }

            public int Specs { get; set; }

            public HashSet<string> Tags { get; } = new HashSet<string>(StringComparer.Ordinal);

            public HashSet<string> Packages { get; } = new HashSet<string>(StringComparer.Ordinal);

            public HashSet<string> Versions { get; } = new HashSet<string>(StringComparer.Ordinal);
        }
    }
}
