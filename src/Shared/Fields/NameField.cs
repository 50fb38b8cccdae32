using System;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>A name of a <see cref="Dimension"/> (an OS, a target...): stored as its index among the sorted names of its kind, which makes the field a filter.</summary>
    internal sealed class NameField : FieldType
    {
        public static readonly NameField Instance = new NameField();

        public override FieldKind Kind => FieldKind.Name;

        public override bool HoldsNames => true;

        public override string Description => "a name";

        [MethodImpl(Jit.Hot)]
        public override FieldValue? Read(SpecField field, IFieldInput input)
        {
            string? name = input.ReadString();
            return name is null || !input.CheckName(field.Names!, name) ? null : FieldValue.Of(input.Intern(name));
        }

        public override void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output) => output.AddName(field.Names!, value.Text!);

        public override int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns)
        {
            columns[0] = output.NameIndex(field.Names!, value.Text!);
            return 0;
        }

        /// <summary>The name, or null when absent.</summary>
        public static string? Get(IFieldSource source, SpecField field, int spec)
        {
            int index = Index(source, field, spec);
            return index < 0 ? null : source.Name(field.Names!, index);
        }

        public override string? Describe(IFieldSource source, SpecField field, int spec) => Get(source, field, spec);
    }
}
