using System;

namespace SpecGen.Format
{
    /// <summary>Free text: any string, stored as written (its string id). An empty string is a value; an absent key is null.</summary>
    internal sealed class TextField : FieldType
    {
        public static readonly TextField Instance = new TextField();

        public override FieldKind Kind => FieldKind.Text;

        public override string Description => "text";

        public override FieldValue? Read(SpecField field, IFieldInput input)
        {
            string? text = input.ReadString();
            return text is null ? null : FieldValue.Of(input.Intern(text));
        }

        public override void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output) => output.AddString(value.Text!);

        public override int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns)
        {
            columns[0] = output.StringId(value.Text!);
            return 0;
        }

        /// <summary>The text, or null when absent.</summary>
        public static string? Get(IFieldSource source, SpecField field, int spec)
        {
            int id = Index(source, field, spec);
            return id < 0 ? null : source.String(id);
        }

        public override string? Describe(IFieldSource source, SpecField field, int spec) => Get(source, field, spec);
    }
}
