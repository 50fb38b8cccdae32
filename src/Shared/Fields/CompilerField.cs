using System;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary><c>none</c>, <c>name@version</c> or <c>name@=version</c>: stored as an index into the catalog's compiler table, which keeps each compiler's parts.</summary>
    internal sealed class CompilerField : FieldType
    {
        public static readonly CompilerField Instance = new CompilerField();

        public override FieldKind Kind => FieldKind.Compiler;

        public override string Description => "a compiler (none, name@version or name@=version)";

        [MethodImpl(Jit.Hot)]
        public override FieldValue? Read(SpecField field, IFieldInput input)
        {
            string? text = input.ReadString();
            if (text is null)
            {
                return null;
            }

            if (!input.IsChecked(Kind, text))
            {
                if (ValueGrammar.ParseCompiler(text, out string error) is not CompilerSyntax compiler)
                {
                    input.ReportMalformed("compiler", text, error);
                    return null;
                }

                input.AddCompiler(compiler);
                input.MarkChecked(Kind, text);
            }

            return FieldValue.Of(input.Intern(text));
        }

        public override void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output) => output.AddCompiler(value.Text!);

        public override int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns)
        {
            columns[0] = output.CompilerIndex(value.Text!);
            return 0;
        }

        /// <summary>The index of the spec's compiler in the compiler table, or -1 when absent.</summary>
        public static int Get(IFieldSource source, SpecField field, int spec) => Index(source, field, spec);

        public override string? Describe(IFieldSource source, SpecField field, int spec)
        {
            int index = Get(source, field, spec);
            return index < 0 ? null : source.String(source.Read(Section.CompilerText, index));
        }
    }
}
