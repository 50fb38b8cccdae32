using System;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>
    /// A Spack DAG hash (32 base32 characters). The spec's key (<see cref="SpecFields.Hash"/>) is stored as the
    /// slot of its hash in the hash table, which holds the hash text once; any other hash field as a string id.
    /// </summary>
    internal sealed class HashField : FieldType
    {
        public static readonly HashField Instance = new HashField();

        public override FieldKind Kind => FieldKind.Hash;

        public override string Description => "a Spack DAG hash";

        [MethodImpl(Jit.Hot)]
        public override FieldValue? Read(SpecField field, IFieldInput input)
        {
            string? hash = input.ReadString();
            if (hash is null)
            {
                return null;
            }

            if (ValueGrammar.CheckHash(hash) is string error)
            {
                input.ReportInvalidHash(hash, error);
                return null;
            }

            return FieldValue.Of(hash);
        }

        public override void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output)
        {
            if (!field.IsKey)
            {
                output.AddString(value.Text!);
            }
        }

        public override int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns)
        {
            columns[0] = field.IsKey ? output.HashSlot(value.Text!) : output.StringId(value.Text!);
            return 0;
        }

        /// <summary>The hash, or null when absent.</summary>
        public static string? Get(IFieldSource source, SpecField field, int spec)
        {
            int index = Index(source, field, spec);
            return index < 0 ? null : field.IsKey ? source.Hash(index) : source.String(index);
        }

        public override string? Describe(IFieldSource source, SpecField field, int spec) => Get(source, field, spec);
    }
}
