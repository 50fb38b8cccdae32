using System;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary><c>-</c> or a whole number of bytes: stored as its text's string id, with one flag bit for a number written without quotes.</summary>
    internal sealed class SizeField : FieldType
    {
        /// <summary>The flag bit: the size was written as a plain (unquoted) number.</summary>
        public const int WrittenAsNumber = 1;

        public static readonly SizeField Instance = new SizeField();

        public override FieldKind Kind => FieldKind.Size;

        public override int FlagCount => 1;

        public override string Description => "a size (- or a number of bytes)";

        [MethodImpl(Jit.Hot)]
        public override FieldValue? Read(SpecField field, IFieldInput input)
        {
            string? size = input.ReadString();
            if (size is null)
            {
                return null;
            }

            if (ValueGrammar.CheckSize(size) is string error)
            {
                input.ReportInvalidSizeOrUrl(size, ", " + error);
                return null;
            }

            return FieldValue.Of(input.Intern(size), isPlainNumber: input.IsPlainScalar && size != "-");
        }

        public override void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output) => output.AddString(value.Text!);

        public override int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns)
        {
            columns[0] = output.StringId(value.Text!);
            return value.IsPlainNumber ? WrittenAsNumber : 0;
        }

        /// <summary>The size as the page writes it, or null when absent.</summary>
        public static string? Get(IFieldSource source, SpecField field, int spec)
        {
            int id = Index(source, field, spec);
            return id < 0 ? null : source.String(id);
        }

        /// <summary>True when the page writes the size as a bare number.</summary>
        public static bool IsWrittenAsNumber(IFieldSource source, SpecField field, int spec) => (Flags(source, field, spec) & WrittenAsNumber) != 0;

        public override string? Describe(IFieldSource source, SpecField field, int spec) => Get(source, field, spec);
    }
}
