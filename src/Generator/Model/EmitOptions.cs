namespace SpecGen.Generator.Model
{
    /// <summary>What the emitter needs from the compilation and its MSBuild properties.</summary>
    internal sealed record EmitOptions(string ClassName, string Namespace, bool Utf8Literals, bool NullableContext, bool Public = false, bool GlobalUsing = false, int ChunkSize = Format.GeneratedCode.BlobChunkSize, int StringHeapBudget = Format.GeneratedCode.StringHeapBudget);
}
