namespace SpecGen.Format
{
    /// <summary>A variant setting split into its parts: <c>languages:='c,c++'</c> is languages, multi, exact, quoted, [c, c++].</summary>
    /// <param name="Text">The setting as the page writes it.</param>
    /// <param name="Name">The variant's name.</param>
    /// <param name="Kind">One of the kinds of SpecGen.Format.VariantFlags.</param>
    /// <param name="IsExact">True for <c>:=</c>.</param>
    /// <param name="IsQuoted">True when the value is quoted.</param>
    /// <param name="Values">The values, in order.</param>
    internal sealed record VariantSyntax(string Text, string Name, int Kind, bool IsExact, bool IsQuoted, EquatableArray<string> Values);
}
