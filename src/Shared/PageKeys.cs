namespace SpecGen.Format
{
    /// <summary>The keys of a page and of its <c>meta</c> (the keys of a spec are <see cref="SpecFields"/>).</summary>
    internal static class PageKeys
    {
        public const string Title = "title";
        public const string Layout = "layout";
        public const string Categories = "categories";
        public const string Meta = "meta";
        public const string SpecDetails = "spec_details";
        public const string NumSpecs = "num_specs";
        public const string NumSpecsByStack = "num_specs_by_stack";

        /// <summary>The value of <c>layout</c> on cache pages.</summary>
        public const string CacheLayout = "cache";

        /// <summary>The first item of <c>categories</c>; the second is the snapshot tag.</summary>
        public const string PackageCategory = "package";

        /// <summary>The keys of a page, in the order pages write them.</summary>
        public static readonly string[] All = { Title, Layout, Categories, Meta, SpecDetails };

        /// <summary>Keys of pages from before the snapshot folders, which list spec strings and no hashes.</summary>
        public static readonly string[] OldFormat = { "spec_files", "spec_names" };

        /// <summary>The keys of <c>meta</c>, sorted ordinally: the two counts and one set per spec field that has one.</summary>
        public static readonly string[] MetaKeys = BuildMetaKeys();

        private static string[] BuildMetaKeys()
        {
            var keys = new System.Collections.Generic.List<string> { NumSpecs, NumSpecsByStack };
            foreach (SpecField field in SpecFields.All)
            {
                if (field.MetaKey is not null)
                {
                    keys.Add(field.MetaKey);
                }
            }

            keys.Sort(System.StringComparer.Ordinal);
            return keys.ToArray();
        }
    }
}
