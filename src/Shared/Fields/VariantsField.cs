using System;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>A list of variant settings: stored as the id of the list in the catalog's variant list table, each variant split into its parts once.</summary>
    internal sealed class VariantsField : FieldType
    {
        public static readonly VariantsField Instance = new VariantsField();

        public override FieldKind Kind => FieldKind.Variants;

        public override string Description => "a list of variant settings";

        [MethodImpl(Jit.Hot)]
        public override FieldValue? Read(SpecField field, IFieldInput input)
        {
            string[]? variants = input.ReadStrings();
            if (variants is null)
            {
                return null;
            }

            bool ok = true;
            for (int i = 0; i < variants.Length; i++)
            {
                if (input.IsChecked(Kind, variants[i]))
                {
                    continue;
                }

                if (ValueGrammar.ParseVariant(variants[i], out string error) is VariantSyntax variant)
                {
                    input.AddVariant(variant);
                    input.MarkChecked(Kind, variants[i]);
                }
                else
                {
                    input.ReportMalformed("variant", variants[i], error, i);
                    ok = false;
                }
            }

            return ok ? FieldValue.Of(input.Intern(variants)) : null;
        }

        public override void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output) => output.AddVariants(value.Items);

        public override int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns)
        {
            columns[0] = output.VariantList(value.Items);
            return 0;
        }

        /// <summary>The range of the spec's variants in <see cref="Section.VariantListItems"/>; empty when absent.</summary>
        public static void Get(IFieldSource source, SpecField field, int spec, out int start, out int count)
        {
            ListRange(source, field, spec, Section.VariantListStart, out start, out count);
        }

        public override string? Describe(IFieldSource source, SpecField field, int spec)
        {
            if (Index(source, field, spec) < 0)
            {
                return null;
            }

            Get(source, field, spec, out int start, out int count);
            return List(source, Section.VariantListItems, start, start + count, v => source.String(source.Read(Section.VariantText, v)));
        }
    }
}
