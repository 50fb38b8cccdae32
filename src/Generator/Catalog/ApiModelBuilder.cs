using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
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

        /// <summary>
        /// The API of the pages (in any order; they are put in catalog order here), leaving out the pages at <paramref name="leftOut"/>;
        /// without a constant per package when <paramref name="packageConstants"/> is false (SpecGenPackageConstants).
        /// </summary>
        [MethodImpl(Jit.Hot)]
        public static ApiResult Build(IReadOnlyList<PageNames> pages, EquatableArray<string> leftOut, bool packageConstants = true)
        {
            var excluded = new HashSet<string>(leftOut, StringComparer.Ordinal);
            var ordered = new List<PageNames>(pages.Count);
            foreach (PageNames page in pages)
            {
                if (!excluded.Contains(page.FilePath))
                {
                    ordered.Add(page);
                }
            }

            ordered.Sort(static (a, b) =>
            {
                int c = string.CompareOrdinal(a.Tag, b.Tag);
                c = c != 0 ? c : string.CompareOrdinal(a.Package, b.Package);
                return c != 0 ? c : string.CompareOrdinal(a.FilePath, b.FilePath);
            });

            var facts = new Dictionary<(Dimension, string), Facts>();
            int specCount = 0;
            foreach (PageNames page in ordered)
            {
                specCount += page.SpecCount;
                foreach (NameCount name in page.Names)
                {
                    if (!facts.TryGetValue((name.Kind, name.Name), out Facts? f))
                    {
                        f = new Facts(page.FilePath);
                        facts.Add((name.Kind, name.Name), f);
                    }

                    f.Specs += name.Kind.PerPage ? page.SpecCount : name.Specs;
                    f.Tags.Add(page.Tag);
                    f.Packages.Add(page.Package);
                    if (name.Kind == Dimensions.Package)
                    {
                        f.Versions.UnionWith(page.Versions);
                    }
                }
            }

            var names = new List<ApiName>();
            var collisions = new List<ApiCollision>();
            foreach (Dimension dimension in Dimensions.All)
            {
                if (dimension == Dimensions.Package && !packageConstants)
                {
                    // No constant, so no identifier to make or to collide (SpecGenPackageConstants=false).
                    continue;
                }

                Dimension kind = dimension;
                IEnumerable<string> ofKind = facts.Keys.Where(k => k.Item1 == kind).Select(k => k.Item2);
                foreach (IdentifierAssignment assignment in Identifiers.Assign(ofKind, dimension.ClassName))
                {
                    Facts f = facts[(kind, assignment.Name)];
                    names.Add(new ApiName(kind, assignment.Name, assignment.Identifier, Describe(dimension, assignment.Name, f)));
                    if (assignment.CollidedWith is string other)
                    {
                        collisions.Add(new ApiCollision(kind, assignment.Name, other, assignment.Wanted, assignment.Identifier, f.FirstPage));
                    }
                }
            }

            int packages = facts.Keys.Count(k => k.Item1 == Dimensions.Package);
            int tags = names.Count(n => n.Kind == Dimensions.Tag);
            return new ApiResult(new ApiModel(specCount, ordered.Count, packages, tags, EquatableArray.From(names), packageConstants), EquatableArray.From(collisions));
        }

        /// <summary>SPG0017 for each collision, at the name's first place in its first page (the page's title when the page is not among <paramref name="pages"/>).</summary>
        public static EquatableArray<DiagnosticInfo> Diagnostics(EquatableArray<ApiCollision> collisions, IReadOnlyList<PageModel> pages)
        {
            if (collisions.Count == 0)
            {
                return EquatableArray<DiagnosticInfo>.Empty;
            }

            var byPath = new Dictionary<string, PageModel>(StringComparer.Ordinal);
            foreach (PageModel page in pages)
            {
                if (!byPath.ContainsKey(page.FilePath))
                {
                    byPath.Add(page.FilePath, page);
                }
            }

            var diagnostics = new List<DiagnosticInfo>(collisions.Count);
            foreach (ApiCollision collision in collisions)
            {
                LocationInfo? location = null;
                if (byPath.TryGetValue(collision.FilePath, out PageModel? page))
                {
                    location = page.TitleLocation;
                    foreach (NameOccurrence name in page.Names)
                    {
                        if (name.Kind == collision.Kind && name.Name == collision.Name)
                        {
                            location = name.Location;
                            break;
                        }
                    }
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IdentifierCollision, location, collision.Kind.Noun, collision.Other, collision.Name, collision.Wanted, collision.Identifier));
            }

            return EquatableArray.From(diagnostics);
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
            public Facts(string firstPage)
            {
                FirstPage = firstPage;
            }

            public string FirstPage { get; }

            public int Specs { get; set; }

            public HashSet<string> Tags { get; } = new HashSet<string>(StringComparer.Ordinal);

            public HashSet<string> Packages { get; } = new HashSet<string>(StringComparer.Ordinal);

            public HashSet<string> Versions { get; } = new HashSet<string>(StringComparer.Ordinal);
        }
    }
}
