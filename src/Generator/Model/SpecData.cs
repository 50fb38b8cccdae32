using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// One spec of a page as the page writes it: one value per field of SpecFields.All, at the field's ordinal
    /// (no locations, so moving text re-emits nothing).
    /// </summary>
    internal sealed record SpecData(EquatableArray<FieldValue> Values)
    {
        public FieldValue this[SpecField field] => Values[field.Ordinal];

        public string Hash => this[SpecFields.Hash].Text!;
    }
}
