using System;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>
    /// The keys of a spec in <c>spec_details</c>: the field schema that the generator's reader, checks and
    /// encoder, the runtime's decoder and the analyzer all work from (CONTRIBUTING.md: adding a field). A row's
    /// columns, flag bits and ordinal come from its place in <see cref="All"/>; the format's fingerprint
    /// (<see cref="TableLayout.Fingerprint"/>) changes with the table, so a catalog built with another schema is refused.
    /// </summary>
    internal static class SpecFields
    {
        public static readonly SpecField Compiler = new SpecField("compiler", CompilerField.Instance, required: true, "Compiler", metaKey: "compilers");
        public static readonly SpecField Hash = new SpecField("hash", HashField.Instance, required: true, "Hash");
        public static readonly SpecField Os = new SpecField("os", NameField.Instance, required: true, "Os", metaKey: "oss", names: Dimensions.OperatingSystem);
        public static readonly SpecField Platform = new SpecField("platform", NameField.Instance, required: true, "Platform", metaKey: "platforms", names: Dimensions.Platform);
        public static readonly SpecField Size = new SpecField("size", SizeField.Instance, required: true, "Size");
        public static readonly SpecField Stacks = new SpecField("stacks", NameListField.Instance, required: true, "Stacks", metaKey: "stacks", names: Dimensions.Stack);
        public static readonly SpecField Target = new SpecField("target", NameField.Instance, required: true, "Target", metaKey: "targets", names: Dimensions.Target);
        public static readonly SpecField Variants = new SpecField("variants", VariantsField.Instance, required: true, "Variants");
        public static readonly SpecField Versions = new SpecField("versions", VersionField.Instance, required: true, "Version", metaKey: "versions");
        public static readonly SpecField Tarball = new SpecField("tarball", UrlField.Instance, required: false, "Tarball");

        /// <summary>Every spec key, in storage order (a new row goes anywhere; each row's <see cref="SpecField.Ordinal"/> is its place here).</summary>
        public static readonly SpecField[] All = { Compiler, Hash, Os, Platform, Size, Stacks, Target, Variants, Versions, Tarball };

        /// <summary>The required keys, sorted ordinally: the order in which missing keys are reported.</summary>
        public static readonly SpecField[] Required;

        static SpecFields()
        {
            for (int i = 0; i < All.Length; i++)
            {
                All[i].Ordinal = i;
            }

            // Array's own methods, not Linq: this constructor runs on a catalog's first use, where each generic method
            // Linq would instantiate is one more for the JIT to compile before the first answer.
            Required = Array.FindAll(All, f => f.Required);
            Array.Sort(Required, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        }

        /// <summary>The field with a key, or null.</summary>
        [MethodImpl(Jit.Hot)]
        public static SpecField? ByKey(string key)
        {
            foreach (SpecField field in All)
            {
                if (string.Equals(field.Key, key, StringComparison.Ordinal))
                {
                    return field;
                }
            }

            return null;
        }
    }
}
