namespace SpecGen.Format
{
    /// <summary>
    /// The keys of a spec in <c>spec_details</c>: the field schema that the generator's reader, checks and
    /// encoder, the runtime's decoder and the analyzer all work from (CONTRIBUTING.md: adding a field).
    /// </summary>
    internal static class SpecFields
    {
        public static readonly SpecField Compiler = new SpecField(0, "compiler", FieldKind.Compiler, required: true, "Compiler", Section.SpecCompiler, metaKey: "compilers");
        public static readonly SpecField Hash = new SpecField(1, "hash", FieldKind.Hash, required: true, "Hash", Section.SpecHash);
        public static readonly SpecField Os = new SpecField(2, "os", FieldKind.Name, required: true, "Os", Section.SpecOs, metaKey: "oss", names: Dimensions.OperatingSystem);
        public static readonly SpecField Platform = new SpecField(3, "platform", FieldKind.Name, required: true, "Platform", Section.SpecPlatform, metaKey: "platforms", names: Dimensions.Platform);
        public static readonly SpecField Size = new SpecField(4, "size", FieldKind.Size, required: true, "Size", Section.SpecSize);
        public static readonly SpecField Stacks = new SpecField(5, "stacks", FieldKind.NameList, required: true, "Stacks", Section.SpecStacks, metaKey: "stacks", names: Dimensions.Stack);
        public static readonly SpecField Target = new SpecField(6, "target", FieldKind.Name, required: true, "Target", Section.SpecTarget, metaKey: "targets", names: Dimensions.Target);
        public static readonly SpecField Variants = new SpecField(7, "variants", FieldKind.Variants, required: true, "Variants", Section.SpecVariants);
        public static readonly SpecField Versions = new SpecField(8, "versions", FieldKind.Version, required: true, "Version", Section.SpecVersion, metaKey: "versions");
        public static readonly SpecField Tarball = new SpecField(9, "tarball", FieldKind.Url, required: false, "Tarball", Section.SpecTarballHead, secondColumn: Section.SpecTarballTail);

        /// <summary>Every spec key, each at its <see cref="SpecField.Ordinal"/>: the required keys sorted ordinally (the order messages name them), then the optional ones.</summary>
        public static readonly SpecField[] All = { Compiler, Hash, Os, Platform, Size, Stacks, Target, Variants, Versions, Tarball };

        /// <summary>The field with a key, or null.</summary>
        public static SpecField? ByKey(string key)
        {
            foreach (SpecField field in All)
            {
                if (string.Equals(field.Key, key, System.StringComparison.Ordinal))
                {
                    return field;
                }
            }

            return null;
        }
    }
}
