using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Format;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Catalog
{
    /// <summary>
    /// Builds the generated API from the pages of the catalog: one identifier per name (SPG0017 when two names
    /// collide) and a doc summary per name, from the per-page counts each page already holds.
    /// </summary>
    internal static class ApiModelBuilder
    {
        private const int MaxListed = 8;

        public static ApiModel Build(IReadOnlyList<PageModel> pages, List<DiagnosticInfo> diagnostics)
        {
            var facts = new Dictionary<(Dimension, string), Facts>();
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

                    f.Specs += name.Kind.PerPage ? page.Specs.Count : name.Specs;
                    f.Tags.Add(page.Tag);
                    f.Packages.Add(page.Package);
                    if (name.Kind == Dimensions.Package)
                    {
                        f.Versions.UnionWith(page.Versions);
                    }
                }
            }

            var names = new List<ApiName>();
            foreach (Dimension dimension in Dimensions.All)
            {
                Dimension kind = dimension;
                IEnumerable<string> ofKind = facts.Keys.Where(k => k.Item1 == kind).Select(k => k.Item2);
                foreach (IdentifierAssignment assignment in Identifiers.Assign(ofKind, dimension.ClassName))
                {
                    Facts f = facts[(kind, assignment.Name)];
                    names.Add(new ApiName(kind, assignment.Name, assignment.Identifier, Describe(dimension, assignment.Name, f)));
                    if (assignment.CollidedWith is string other)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.IdentifierCollision,
                            f.FirstLocation,
                            dimension.Noun,
                            other,
                            assignment.Name,
                            assignment.Wanted,
                            assignment.Identifier));
                    }
                }
            }

            int packages = names.Count(n => n.Kind == Dimensions.Package);
            int tags = names.Count(n => n.Kind == Dimensions.Tag);
            return new ApiModel(specCount, pages.Count, packages, tags, EquatableArray.From(names));
        }

        private static string Describe(Dimension dimension, string name, Facts facts)
        {
            string specs = TextList.Count(facts.Specs, "spec");
            string tags = TextList.Count(facts.Tags.Count, "snapshot tag") + " (" + TextList.Join(facts.Tags, MaxListed, quote: false) + ")";
            if (dimension == Dimensions.Package)
            {
                return "Package " + name + ": " + specs + " in " + tags + "; versions " + TextList.Join(facts.Versions, MaxListed, quote: false) + ".";
            }

            if (dimension == Dimensions.Tag)
            {
                return "Snapshot tag " + name + ": " + specs + " of " + TextList.Count(facts.Packages.Count, "package") + ".";
            }

            if (dimension == Dimensions.Target)
            {
                return "Target " + name + ": " + specs + " of " + TextList.Count(facts.Packages.Count, "package") + " in " + tags + ". " + Microarchitecture(name);
            }

            return dimension.Noun + " " + name + ": " + specs + " of " + TextList.Count(facts.Packages.Count, "package") + " in " + tags + ".";
        }

        /// <summary>Where a target sits in archspec's graph: what runs where, for IntelliSense.</summary>
        private static string Microarchitecture(string name)
        {
            int index = ArchspecGraph.IndexOf(name);
            if (index < 0)
            {
                return "archspec does not know this target (SPG0024).";
            }

            string[] parents = System.Array.ConvertAll(ArchspecData.Parents[index], p => ArchspecData.Names[p]);
            return "Family " + ArchspecData.Names[ArchspecGraph.Family(index)]
                + ", generic level " + ArchspecData.Names[ArchspecGraph.Generic(index)]
                + ", parents " + (parents.Length == 0 ? "none" : string.Join(", ", parents))
                + "; its binaries run on it and on every microarchitecture that descends from it.";
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
