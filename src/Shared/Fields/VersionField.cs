using System;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>A list that holds exactly one Spack version (<c>versions: ["1.3.1"]</c>): stored as the version's string id.</summary>
    internal sealed class VersionField : FieldType
    {
        public static readonly VersionField Instance = new VersionField();

        public override FieldKind Kind => FieldKind.Version;

        public override string Description => "a list of one Spack version";

        [MethodImpl(Jit.Hot)]
        public override FieldValue? Read(SpecField field, IFieldInput input)
        {
            string[]? items = input.ReadStrings();
            if (items is null)
            {
                return null;
            }

            if (items.Length != 1)
            {
                input.ReportMalformed("version list", "[" + string.Join(", ", items) + "]", "it holds " + items.Length + " versions; a spec has exactly one");
                return null;
            }

            string version = items[0];
            if (!input.IsChecked(Kind, version))
            {
                if (ValueGrammar.CheckVersion(version) is string error)
                {
                    input.ReportMalformed("version", version, error, 0);
                    return null;
                }

                input.MarkChecked(Kind, version);
            }

            return FieldValue.Of(input.Intern(version));
        }

        public override void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output) => output.AddString(value.Text!);

        public override int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns)
        {
            columns[0] = output.StringId(value.Text!);
            return 0;
        }

        /// <summary>The string id of the version, or -1 when absent.</summary>
        public static int Get(IFieldSource source, SpecField field, int spec) => Index(source, field, spec);

        public override string? Describe(IFieldSource source, SpecField field, int spec)
        {
            int id = Get(source, field, spec);
            return id < 0 ? null : source.String(id);
        }
    }
}
