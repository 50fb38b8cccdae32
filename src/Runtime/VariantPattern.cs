using System;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// A variant setting a query asks for, with Spack's meaning (spack/spack lib/spack/spack/variant.py,
    /// VariantValue.from_string_or_bool and VariantValue.satisfies): <c>+x</c>, <c>~x</c>, <c>x=true</c> and
    /// <c>x:=FALSE</c> are a bool; <c>x=*</c> is any value; <c>x=a,b</c> needs every one of the values; <c>x:=a,b</c> needs
    /// exactly that set of values (repeats count once); for <c>patches</c> a value may be a prefix of the page's.
    /// </summary>
    public sealed class VariantPattern
    {
        private readonly string[] _values;

        private VariantPattern(string name, bool? enabled, string[] values, bool exact, bool any)
        {
            Name = name;
            Enabled = enabled;
            _values = values;
            IsExact = exact;
            IsAny = any;
        }

        /// <summary>The variant name.</summary>
        public string Name { get; }

        /// <summary>For a bool setting (<c>+x</c>, <c>~x</c>, <c>x=true</c>): whether it must be on; null for a valued setting.</summary>
        public bool? Enabled { get; }

        /// <summary>The values a valued setting asks for, sorted and without repeats (empty for <c>x=*</c> and bools).</summary>
        public IReadOnlyList<string> Values => _values;

        /// <summary>Written with <c>:=</c> (and every bool): the spec's values must be exactly these.</summary>
        public bool IsExact { get; }

        /// <summary>Written <c>x=*</c>: the spec only has to have the variant.</summary>
        public bool IsAny { get; }

        internal static VariantPattern From(QueryVariantSyntax syntax)
        {
            if (syntax.Bool is bool sigil)
            {
                return new VariantPattern(syntax.Name, sigil, Array.Empty<string>(), exact: true, any: false);
            }

            string value = syntax.Value!;
            if (IsBoolText(value, out bool enabled))
            {
                return new VariantPattern(syntax.Name, enabled, Array.Empty<string>(), exact: true, any: false);
            }

            if (value == "*")
            {
                return new VariantPattern(syntax.Name, null, Array.Empty<string>(), exact: false, any: true);
            }

            return new VariantPattern(syntax.Name, null, SortedSet(value.Split(',')), syntax.Concrete, any: false);
        }

        /// <summary>
        /// Spack's rule, on the spec's setting as the page writes it: a bool (or a single value 'true'/'false', which
        /// Spack reads as a bool) must equal a bool; an exact setting needs the same set of values; otherwise every value
        /// asked for must be among the spec's. A spec without the variant does not match.
        /// </summary>
        internal bool IsSatisfiedBy(VariantList variants)
        {
            if (!variants.TryGet(Name, out Variant variant))
            {
                return false;
            }

            NameList values = variant.Values;
            return IsSatisfiedBy(SpecBool(variant.Kind == VariantKind.Bool, variant.IsEnabled, variant.Kind == VariantKind.Single, values), values);
        }

        /// <summary>The same rule on a setting as a page or a lockfile writes it (null: the spec lacks the variant).</summary>
        internal bool IsSatisfiedBy(VariantSyntax? setting)
        {
            if (setting is null)
            {
                return false;
            }

            int kind = setting.Kind & VariantFlags.KindMask;
            bool isBool = kind == VariantFlags.BoolTrue || kind == VariantFlags.BoolFalse;
            return IsSatisfiedBy(SpecBool(isBool, kind == VariantFlags.BoolTrue, kind == VariantFlags.Single, setting.Values), setting.Values);
        }

        private bool IsSatisfiedBy<TList>(bool? have, TList values)
            where TList : IReadOnlyList<string>
        {
            if (IsAny)
            {
                return true;
            }

            if (Enabled is bool on)
            {
                return have == on;
            }

            if (have is not null)
            {
                // A bool holds True or False, never the strings asked for.
                return false;
            }

            if (IsExact)
            {
                return SameSet(values);
            }

            bool prefix = Name == "patches";
            foreach (string wanted in _values)
            {
                if (!Holds(values, wanted, prefix))
                {
                    return false;
                }
            }

            return true;
        }

        internal static bool IsBoolText(string value, out bool enabled)
        {
            enabled = string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
            return enabled || string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The spec's setting as a bool, when Spack reads it as one.</summary>
        private static bool? SpecBool<TList>(bool isBool, bool enabled, bool single, TList values)
            where TList : IReadOnlyList<string>
        {
            if (isBool)
            {
                return enabled;
            }

            return single && values.Count == 1 && IsBoolText(values[0], out bool on) ? on : null;
        }

        private static bool Holds<TList>(TList values, string wanted, bool prefix)
            where TList : IReadOnlyList<string>
        {
            for (int i = 0; i < values.Count; i++)
            {
                string value = values[i];
                if (prefix ? value.StartsWith(wanted, StringComparison.Ordinal) : string.Equals(value, wanted, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the spec's values, repeats counted once, are exactly the values asked for.</summary>
        private bool SameSet<TList>(TList values)
            where TList : IReadOnlyList<string>
        {
            foreach (string wanted in _values)
            {
                if (!Holds(values, wanted, prefix: false))
                {
                    return false;
                }
            }

            for (int i = 0; i < values.Count; i++)
            {
                if (Array.BinarySearch(_values, values[i], StringComparer.Ordinal) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static string[] SortedSet(string[] values)
        {
            var set = new SortedSet<string>(values, StringComparer.Ordinal);
            var result = new string[set.Count];
            set.CopyTo(result);
            return result;
        }
    }
}
