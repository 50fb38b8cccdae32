namespace SpecGen
{
    /// <summary>What a hash or hash prefix matched.</summary>
    public enum HashMatchStatus
    {
        /// <summary>No hash starts with the prefix.</summary>
        NotFound,

        /// <summary>Exactly one distinct hash starts with the prefix.</summary>
        Found,

        /// <summary>Two or more distinct hashes start with the prefix, so it names none of them.</summary>
        Ambiguous,
    }
}
