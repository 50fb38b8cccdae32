namespace SpecGen.Generator.Model
{
    /// <summary>A variant setting split into its parts: <c>languages:='c,c++'</c> is languages, multi, exact, quoted, [c, c++].</summary>
    /// <param name="Kind">One of the kinds of SpecGen.Format.VariantFlags.</param>
    internal sealed record VariantSyntax(string Text, string Name, int Kind, bool IsExact, bool IsQuoted, EquatableArray<string> Values);
}
