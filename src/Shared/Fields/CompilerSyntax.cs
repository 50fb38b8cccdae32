namespace SpecGen.Format
{
    /// <summary>A compiler field split into its parts: <c>gcc@=13.2.0</c> is gcc, 13.2.0, exact.</summary>
    internal sealed record CompilerSyntax(string Text, string Name, string Version, bool IsExact, bool IsNone);
}
