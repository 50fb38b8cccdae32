using System;
using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>
    /// archspec's microarchitecture graph over <see cref="ArchspecData"/>, by index: ancestors, family, generic
    /// level and the partial order, computed once. Shared by the runtime (Microarchitecture, target ranges) and the
    /// generator (SPG0024, the docs of the target constants), so both read the graph the same way.
    /// </summary>
    internal static class ArchspecGraph
    {
        private const string GenericVendor = "generic";

        private static readonly Dictionary<string, int> NameIndex = BuildIndex();
        private static readonly int[][] AncestorLists = BuildAncestors();
        private static readonly ulong[][] SelfAndAncestorMasks = BuildMasks();
        private static readonly int[] Families = BuildFamilies();
        private static readonly int[] Generics = BuildGenerics();

        /// <summary>How many microarchitectures the data has.</summary>
        public static int Count => ArchspecData.Names.Length;

        /// <summary>Words of a mask over every microarchitecture index.</summary>
        public static int MaskWords => (Count + 63) >> 6;

        /// <summary>The index of a microarchitecture name (ordinal, as archspec compares names), or -1.</summary>
        public static int IndexOf(string? name)
        {
            return name is not null && NameIndex.TryGetValue(name, out int index) ? index : -1;
        }

        /// <summary>
        /// The ancestors in archspec's order (Microarchitecture.ancestors): the parents, then each parent's ancestors
        /// that are not listed yet.
        /// </summary>
        public static int[] Ancestors(int index) => AncestorLists[index];

        /// <summary>The indexes of <paramref name="index"/> and all its ancestors, as bits.</summary>
        public static ulong[] SelfAndAncestors(int index) => SelfAndAncestorMasks[index];

        /// <summary>The root among the microarchitecture and its ancestors (archspec's <c>family</c>).</summary>
        public static int Family(int index) => Families[index];

        /// <summary>The generic microarchitecture with the most ancestors among it and its ancestors (archspec's <c>generic</c>).</summary>
        public static int Generic(int index) => Generics[index];

        /// <summary>True for vendor <c>generic</c>: the families and the generic levels (x86_64_v3, armv8.2a...).</summary>
        public static bool IsGeneric(int index) => string.Equals(ArchspecData.Vendors[index], GenericVendor, StringComparison.Ordinal);

        /// <summary>True when <paramref name="ancestor"/> is <paramref name="index"/> or one of its ancestors: a binary for it runs there.</summary>
        public static bool IsSelfOrAncestor(int ancestor, int index)
        {
            return ancestor >= 0 && index >= 0 && (SelfAndAncestorMasks[index][ancestor >> 6] & (1UL << (ancestor & 63))) != 0;
        }

        /// <summary>True when <paramref name="index"/> is in <paramref name="mask"/>.</summary>
        public static bool InMask(ulong[] mask, int index)
        {
            return index >= 0 && (mask[index >> 6] & (1UL << (index & 63))) != 0;
        }

        private static Dictionary<string, int> BuildIndex()
        {
            var index = new Dictionary<string, int>(ArchspecData.Names.Length, StringComparer.Ordinal);
            for (int i = 0; i < ArchspecData.Names.Length; i++)
            {
                index[ArchspecData.Names[i]] = i;
            }

            return index;
        }

        private static int[][] BuildAncestors()
        {
            // The data lists every name after its parents, so each parent's ancestors are known when it is reached.
            var all = new int[ArchspecData.Names.Length][];
            for (int i = 0; i < all.Length; i++)
            {
                var list = new List<int>(ArchspecData.Parents[i]);
                foreach (int parent in ArchspecData.Parents[i])
                {
                    foreach (int ancestor in all[parent])
                    {
                        if (!list.Contains(ancestor))
                        {
                            list.Add(ancestor);
                        }
                    }
                }

                all[i] = list.ToArray();
            }

            return all;
        }

        private static ulong[][] BuildMasks()
        {
            var masks = new ulong[AncestorLists.Length][];
            for (int i = 0; i < masks.Length; i++)
            {
                var mask = new ulong[MaskWords];
                mask[i >> 6] |= 1UL << (i & 63);
                foreach (int ancestor in AncestorLists[i])
                {
                    mask[ancestor >> 6] |= 1UL << (ancestor & 63);
                }

                masks[i] = mask;
            }

            return masks;
        }

        private static int[] BuildFamilies()
        {
            var families = new int[AncestorLists.Length];
            for (int i = 0; i < families.Length; i++)
            {
                families[i] = i;
                foreach (int ancestor in AncestorLists[i])
                {
                    if (AncestorLists[ancestor].Length == 0)
                    {
                        families[i] = ancestor;
                        break;
                    }
                }
            }

            return families;
        }

        private static int[] BuildGenerics()
        {
            var generics = new int[AncestorLists.Length];
            for (int i = 0; i < generics.Length; i++)
            {
                // max([self] + ancestors that are generic, key=len(ancestors)): the first one with the most ancestors.
                int best = IsGeneric(i) ? i : -1;
                foreach (int ancestor in AncestorLists[i])
                {
                    if (IsGeneric(ancestor) && (best < 0 || AncestorLists[ancestor].Length > AncestorLists[best].Length))
                    {
                        best = ancestor;
                    }
                }

                generics[i] = best < 0 ? Families[i] : best;
            }

            return generics;
        }
    }
}
