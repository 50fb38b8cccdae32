using System;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>A list of names of a <see cref="Dimension"/> (stacks): stored as the id of the list in its kind's list table, equal lists once.</summary>
    internal sealed class NameListField : FieldType
    {
        public static readonly NameListField Instance = new NameListField();

        public override FieldKind Kind => FieldKind.NameList;

        public override bool HoldsNames => true;

        public override string Description => "a list of names";

        [MethodImpl(Jit.Hot)]
        public override FieldValue? Read(SpecField field, IFieldInput input)
        {
            string[]? names = input.ReadStrings();
            if (names is null)
            {
                return null;
            }

            bool ok = true;
            for (int i = 0; i < names.Length; i++)
            {
                ok &= input.CheckName(field.Names!, names[i], i);
            }

            return ok ? FieldValue.Of(input.Intern(names)) : null;
        }

        public override void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output)
        {
            foreach (string name in value.Items)
            {
                output.AddName(field.Names!, name);
            }
        }

        public override int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns)
        {
            columns[0] = output.NameList(field.Names!, value.Items);
            return 0;
        }

        /// <summary>The range of the spec's list in its kind's <see cref="Dimension.ListItems"/>; empty when absent.</summary>
        public static void Get(IFieldSource source, SpecField field, int spec, out int start, out int count)
        {
            ListRange(source, field, spec, field.Names!.ListStart, out start, out count);
        }

        public override string? Describe(IFieldSource source, SpecField field, int spec)
        {
            if (Index(source, field, spec) < 0)
            {
                return null;
            }

            Get(source, field, spec, out int start, out int count);
            return List(source, field.Names!.ListItems, start, start + count, i => source.Name(field.Names!, i));
        }
    }
}
