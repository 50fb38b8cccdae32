namespace SpecGen.Generator
{
    /// <summary>Tracking names of the pipeline steps, each named after what it carries (tests assert how each step ran).</summary>
    public static class PipelineSteps
    {
        /// <summary>The pages and lockfiles SpecGen.targets lists (SpecGen.inputs), and the pages' stamps (SpecGen.stamps).</summary>
        public const string InputList = "SpecGen.InputList";

        /// <summary>The additional files that are pages, each with its stamp (command-line builds) or none.</summary>
        public const string PageFiles = "SpecGen.PageFiles";

        /// <summary>Whether the project lists any page.</summary>
        public const string HasPages = "SpecGen.HasPages";

        /// <summary>The MSBuild settings, checked.</summary>
        public const string Settings = "SpecGen.Settings";

        /// <summary>What the page reader needs from the settings.</summary>
        public const string ReadOptions = "SpecGen.ReadOptions";

        /// <summary>Whether the API has a constant per package (SpecGenPackageConstants).</summary>
        public const string PackageConstants = "SpecGen.PackageConstants";

        /// <summary>What the emitter needs from the settings and the language version.</summary>
        public const string EmitOptions = "SpecGen.EmitOptions";

        /// <summary>Which diagnostics are errors in this compilation.</summary>
        public const string Severities = "SpecGen.Severities";

        /// <summary>Each page's path and text, compared by content (an unchanged file is not read again by a kept driver).</summary>
        public const string PageTexts = "SpecGen.PageTexts";

        /// <summary>Each page read: its model (when readable) and diagnostics.</summary>
        public const string PageResults = "SpecGen.PageResults";

        /// <summary>Each page that enters the catalog, by its diagnostics' effective severity.</summary>
        public const string CatalogPages = "SpecGen.CatalogPages";

        /// <summary>The diagnostics of every page, ordered by file and position.</summary>
        public const string PageDiagnostics = "SpecGen.PageDiagnostics";

        /// <summary>The catalog: pages in order, API model, cross-page diagnostics.</summary>
        public const string Catalog = "SpecGen.Catalog";

        /// <summary>The pages the data blobs are made from.</summary>
        public const string CatalogData = "SpecGen.CatalogData";

        /// <summary>Each page's names, spec count and versions (no locations), what the API is made from.</summary>
        public const string PageNames = "SpecGen.PageNames";

        /// <summary>The API model and the names that collided (SPG0017).</summary>
        public const string ApiResult = "SpecGen.ApiResult";

        /// <summary>SPG0017 diagnostics, with the names' locations.</summary>
        public const string Collisions = "SpecGen.Collisions";

        /// <summary>The names, identifiers and docs the API source is made from.</summary>
        public const string ApiModel = "SpecGen.ApiModel";

        /// <summary>The input of the API source output.</summary>
        public const string ApiSource = "SpecGen.ApiSource";

        /// <summary>The input of the data source output.</summary>
        public const string DataSource = "SpecGen.DataSource";

        /// <summary>The catalog's pages split into chunks (one data file each).</summary>
        public const string ChunkPlan = "SpecGen.ChunkPlan";

        /// <summary>One chunk of the catalog's pages: an edit changes one; the others compare equal and stay cached.</summary>
        public const string Chunks = "SpecGen.Chunks";

        /// <summary>The chunks' names, for the index that combines them (empty for a catalog written as one file).</summary>
        public const string ChunkIndex = "SpecGen.ChunkIndex";

        /// <summary>Each lockfile (SpackLockfile item) read: its model (when readable) and diagnostics (SPG0027, SPG0028).</summary>
        public const string Lockfiles = "SpecGen.Lockfiles";

        /// <summary>The lockfiles the list names and the build did not hand over (a file that does not exist): SPG0027 each.</summary>
        public const string AbsentLockfiles = "SpecGen.AbsentLockfiles";

        /// <summary>Each readable lockfile checked against the catalog's data: SPG0026 per node the catalog lacks.</summary>
        public const string Coverage = "SpecGen.Coverage";
    }
}
