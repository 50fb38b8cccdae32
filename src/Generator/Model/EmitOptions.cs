namespace SpecGen.Generator.Model
{
    /// <summary>What the emitter needs from the compilation and its MSBuild properties.</summary>
    internal sealed record EmitOptions(string ClassName, string Namespace, bool Utf8Literals, bool NullableContext, bool Public = false, bool GlobalUsing = false, int ChunkSize = Format.GeneratedCode.BlobChunkSize, int StringHeapBudget = Format.GeneratedCode.StringHeapBudget, int ChunkPages = EmitOptions.AutoChunkPages)
    {
        /// <summary>The <see cref="ChunkPages"/> of a project that sets none: one data file up to 512 and past 8,192 pages, chunks of about 128 pages between (the chunk planner of the Emit stage).</summary>
        public const int AutoChunkPages = -1;
    }
}
