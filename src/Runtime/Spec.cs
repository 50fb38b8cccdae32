using System;
using System.Globalization;
using System.Text;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// One entry of a <see cref="SpecCatalog"/>: a prebuilt binary of a package in one snapshot tag.
    /// A small view (catalog and index); its strings are created once per catalog and then reused.
    /// </summary>
    public readonly struct Spec : IEquatable<Spec>
    {
        /// <summary>Length of the short hash Spack prints by default (<c>/7u33aej</c>).</summary>
        public const int ShortHashLength = 7;

        private readonly SpecCatalog? _catalog;

        internal Spec(SpecCatalog catalog, int index)
        {
            _catalog = catalog;
            Index = index;
        }

        /// <summary>False for <c>default</c>, the spec of no catalog.</summary>
        internal bool IsFromCatalog => _catalog is not null;

        /// <summary>The catalog this entry is stored in: for an entry of a combined catalog (catalog libraries combined, or a generated catalog written in chunks), the part that holds it.</summary>
        public SpecCatalog Catalog => _catalog ?? throw new InvalidOperationException("This Spec is default: it belongs to no catalog.");

        /// <summary>Position in catalog order within <see cref="Catalog"/> (the part that holds it, for a combined catalog).</summary>
        public int Index { get; }

        /// <summary>The package name (the page's title), e.g. <c>py-gast</c>.</summary>
        public string Package => Catalog.ValueName(Dimensions.Package, Index);

        /// <summary>The snapshot tag of the page, e.g. <c>develop-2025-04-20</c>.</summary>
        public string Tag => Catalog.ValueName(Dimensions.Tag, Index);

        /// <summary>The 32-character Spack DAG hash.</summary>
        public string Hash => Catalog.TextOf(SpecFields.Hash, Index)!;

        /// <summary>The first seven characters of the hash, as Spack prints it.</summary>
        public string ShortHash => Catalog.ShortHashOf(FieldType.Index(Catalog, SpecFields.Hash, Index));

        /// <summary>The version (e.g. <c>0.5.4</c>), ordered by Spack's rules; <c>ToString()</c> gives the page's text.</summary>
        public SpackVersion Version => Catalog.VersionOf(SpecFields.Versions, Index)!.Value;

        /// <summary>The compiler the binary was built with, or <see cref="SpecGen.Compiler.IsNone"/>.</summary>
        public Compiler Compiler => Catalog.CompilerOf(SpecFields.Compiler, Index)!.Value;

        /// <summary>The operating system, e.g. <c>ubuntu24.04</c>.</summary>
        public string Os => Catalog.TextOf(SpecFields.Os, Index)!;

        /// <summary>The platform, e.g. <c>linux</c>.</summary>
        public string Platform => Catalog.TextOf(SpecFields.Platform, Index)!;

        /// <summary>The target microarchitecture, e.g. <c>aarch64</c>.</summary>
        public string Target => Catalog.TextOf(SpecFields.Target, Index)!;

        /// <summary>The architecture in Spack's form <c>platform-os-target</c>.</summary>
        public string Arch => Platform + "-" + Os + "-" + Target;

        /// <summary>The stacks whose cache holds this binary, in page order.</summary>
        public NameList Stacks => Catalog.NamesOf(SpecFields.Stacks, Index);

        /// <summary>The variant settings, in page order.</summary>
        public VariantList Variants => Catalog.VariantsOf(SpecFields.Variants, Index);

        /// <summary>The size in bytes, or null when the page gives <c>-</c> (unknown).</summary>
        public long? Size
        {
            get
            {
                string text = SizeText;
                return text == "-" ? null : long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        /// <summary>The size exactly as the page writes it: <c>-</c> or a number of bytes.</summary>
        public string SizeText => Catalog.TextOf(SpecFields.Size, Index)!;

        /// <summary>True when the page writes the size as a bare number rather than a quoted string.</summary>
        public bool SizeWrittenAsNumber => SizeField.IsWrittenAsNumber(Catalog, SpecFields.Size, Index);

        /// <summary>The URL of the binary tarball, when the page gives one (older snapshots); else null.</summary>
        public string? Tarball => Catalog.TextOf(SpecFields.Tarball, Index);

        /// <summary>
        /// The spec in Spack syntax, as a query that finds it: <c>name@version variants arch=platform-os-target /shorthash %compiler</c>,
        /// e.g. <c>bc@1.07.1 build_system=autotools arch=linux-ubuntu22.04-x86_64_v3 /acfejrq %gcc@=11.4.0</c>. The compiler
        /// comes last because in Spack's syntax what follows <c>%name</c> belongs to the compiler; values that need it are quoted.
        /// </summary>
        public override string ToString()
        {
            if (_catalog is null)
            {
                return string.Empty;
            }

            var builder = new StringBuilder(96);
            builder.Append(Package).Append('@').Append(Version);
            foreach (Variant variant in Variants)
            {
                builder.Append(' ');
                QueryText.AppendVariant(builder, variant);
            }

            QueryText.AppendArch(builder, Platform, Os, Target);
            builder.Append(" /").Append(ShortHash);
            Compiler compiler = Compiler;
            if (!compiler.IsNone)
            {
                builder.Append(" %").Append(compiler.Text);
            }

            return builder.ToString();
        }

        /// <inheritdoc/>
        public bool Equals(Spec other) => ReferenceEquals(_catalog, other._catalog) && Index == other.Index;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Spec other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => Index;

        /// <summary>Same catalog, same entry.</summary>
        public static bool operator ==(Spec left, Spec right) => left.Equals(right);

        /// <summary>Different catalog or entry.</summary>
        public static bool operator !=(Spec left, Spec right) => !left.Equals(right);
    }
}
