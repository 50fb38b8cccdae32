namespace SpecGen.Format
{
    /// <summary>What a spec field holds; each has one <see cref="FieldType"/>, which reads, checks, encodes and decodes it.</summary>
    internal enum FieldKind
    {
        /// <summary>A Spack DAG hash: 32 characters of base32.</summary>
        Hash,

        /// <summary><c>none</c>, <c>name@version</c> or <c>name@=version</c>.</summary>
        Compiler,

        /// <summary>A name of a <see cref="Dimension"/>.</summary>
        Name,

        /// <summary>A list of names of a <see cref="Dimension"/>.</summary>
        NameList,

        /// <summary>A list of variant settings.</summary>
        Variants,

        /// <summary>A list that holds exactly one Spack version.</summary>
        Version,

        /// <summary><c>-</c> or a whole number of bytes.</summary>
        Size,

        /// <summary>An absolute URL.</summary>
        Url,

        /// <summary>Free text: any string, stored as written.</summary>
        Text,
    }
}
