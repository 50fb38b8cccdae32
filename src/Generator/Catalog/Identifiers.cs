using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Generator.Catalog
{
    /// <summary>Turns names from pages into C# identifiers.</summary>
    internal static class Identifiers
    {
        /// <summary>
        /// Splits on '-', '_' and '.', capitalises each part and joins them; keeps an '_' where two digits
        /// would touch; prefixes '_' when the result starts with a digit; '__' for a name with no parts.
        /// <c>py-gast</c> → <c>PyGast</c>, <c>x86_64_v3</c> → <c>X86_64V3</c>, <c>3dtk</c> → <c>_3dtk</c>.
        /// </summary>
        public static string ToIdentifier(string name)
        {
            var builder = new StringBuilder(name.Length + 1);
            foreach (string part in name.Split('-', '_', '.'))
            {
                if (part.Length == 0)
                {
                    continue;
                }

                if (builder.Length > 0 && IsDigit(builder[builder.Length - 1]) && IsDigit(part[0]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(part[0]));
                builder.Append(part, 1, part.Length - 1);
            }

            if (builder.Length == 0)
            {
                return "__";
            }

            if (IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }

            string identifier = builder.ToString();
            return SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;
        }

        /// <summary>
        /// Gives each name (taken in ordinal order) its identifier. When names collide, the ordinally first keeps
        /// the plain identifier and the others get <c>_2</c>, <c>_3</c>, ... (skipping any identifier in use);
        /// an identifier equal to <paramref name="reserved"/> (the enclosing class) gets the same treatment.
        /// </summary>
        public static List<IdentifierAssignment> Assign(IEnumerable<string> names, string reserved)
        {
            var sorted = new List<string>(names);
            sorted.Sort(StringComparer.Ordinal);
            var wanted = new List<string>(sorted.Count);
            var taken = new HashSet<string>(StringComparer.Ordinal) { reserved };
            foreach (string name in sorted)
            {
                string identifier = ToIdentifier(name);
                wanted.Add(identifier);
                taken.Add(identifier);
            }

            var owner = new Dictionary<string, string>(StringComparer.Ordinal);
            var result = new List<IdentifierAssignment>(sorted.Count);
            for (int i = 0; i < sorted.Count; i++)
            {
                string identifier = wanted[i];
                if (identifier != reserved && !owner.ContainsKey(identifier))
                {
                    owner.Add(identifier, sorted[i]);
                    result.Add(new IdentifierAssignment(sorted[i], identifier, null, identifier));
                    continue;
                }

                int n = 2;
                string candidate;
                do
                {
                    candidate = identifier + "_" + n++;
                }
                while (taken.Contains(candidate));

                taken.Add(candidate);
                owner.Add(candidate, sorted[i]);
                owner.TryGetValue(identifier, out string? other);
                result.Add(new IdentifierAssignment(sorted[i], candidate, other ?? reserved, identifier));
            }

            return result;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
