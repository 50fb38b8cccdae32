using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

using SpecGen.Format;

namespace SpecGen.Generator.Diagnostics
{
    /// <summary>Puts diagnostics of several pages in one order: by file path (ordinal), each file's in the order found.</summary>
    internal static class DiagnosticOrder
    {
        [MethodImpl(Jit.Hot)]
        public static EquatableArray<DiagnosticInfo> ByFile(ImmutableArray<EquatableArray<DiagnosticInfo>> perPage)
        {
            var all = new List<(string Path, int Page, int Index, DiagnosticInfo Diagnostic)>();
            for (int page = 0; page < perPage.Length; page++)
            {
                EquatableArray<DiagnosticInfo> diagnostics = perPage[page];
                for (int i = 0; i < diagnostics.Count; i++)
                {
                    all.Add((diagnostics[i].Location?.FilePath ?? string.Empty, page, i, diagnostics[i]));
                }
            }

            // Stable by (path, position in its page's list); pages of one path keep their order.
            all.Sort(static (a, b) =>
            {
                int byPath = string.CompareOrdinal(a.Path, b.Path);
                return byPath != 0 ? byPath : a.Page != b.Page ? a.Page.CompareTo(b.Page) : a.Index.CompareTo(b.Index);
            });

            var sorted = new DiagnosticInfo[all.Count];
            for (int i = 0; i < sorted.Length; i++)
            {
                sorted[i] = all[i].Diagnostic;
            }

            return EquatableArray.From(sorted);
        }
    }
}
