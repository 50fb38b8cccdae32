using System;

namespace SpecGen.Format
{
    /// <summary>
    /// A kind of spec field, in one place: how it is read and checked on a page (<see cref="Read"/>), how it is
    /// stored (<see cref="Columns"/> per-spec columns and <see cref="FlagCount"/> flag bits, filled by
    /// <see cref="Collect"/> then <see cref="Encode"/>) and how it is read back (<see cref="Describe"/> and each
    /// kind's typed accessors). Every kind may be optional: an absent value is stored as 0 in each of its
    /// columns, a present one as its index + 1, for every kind alike (<see cref="Stored"/>).
    /// </summary>
    internal abstract class FieldType
    {
        public abstract FieldKind Kind { get; }

        /// <summary>Per-spec columns the kind stores.</summary>
        public virtual int Columns => 1;

        /// <summary>Per-spec flag bits the kind stores.</summary>
        public virtual int FlagCount => 0;

        /// <summary>True for kinds whose values are names of a <see cref="Dimension"/> (they can be filters).</summary>
        public virtual bool HoldsNames => false;

        /// <summary>What a value of the kind is, in messages about the schema.</summary>
        public abstract string Description { get; }

        // ---- the page side (the generator) -------------------------------------------------------

        /// <summary>Reads and checks a present value; null when it is invalid (reported through <paramref name="input"/>).</summary>
        public abstract FieldValue? Read(SpecField field, IFieldInput input);

        /// <summary>Adds what a present value needs to the catalog's shared tables.</summary>
        public abstract void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output);

        /// <summary>
        /// Writes a present value's indices (each &gt;= 0, or -1 for "none" in a column that allows it) into
        /// <paramref name="columns"/> and returns its flag bits (the low <see cref="FlagCount"/> bits).
        /// </summary>
        public abstract int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns);

        /// <summary>The stored form of an index: 0 is absent (or "none"), an index is stored + 1.</summary>
        public static int Stored(int index) => index + 1;

        // ---- the catalog side (the runtime, the analyzer, the tests) -------------------------------

        /// <summary>The value in column <paramref name="column"/> of a spec: its index, or -1 when absent.</summary>
        public static int Index(IFieldSource source, SpecField field, int spec, int column = 0) => source.Read(field.Column(column), spec) - 1;

        /// <summary>The field's flag bits of a spec.</summary>
        public static int Flags(IFieldSource source, SpecField field, int spec) => (source.Read(Section.SpecFlags, spec) >> field.FlagShift) & ((1 << field.Type.FlagCount) - 1);

        /// <summary>The value as text (lists as <c>[a, b]</c>), or null when absent: what a page would write, for generic access and the readable snapshot.</summary>
        public abstract string? Describe(IFieldSource source, SpecField field, int spec);

        /// <summary>The range of the list a spec's field points to in a table of lists (<paramref name="starts"/>: list offsets); empty when absent.</summary>
        protected static void ListRange(IFieldSource source, SpecField field, int spec, Section starts, out int start, out int count)
        {
            int list = Index(source, field, spec);
            start = list < 0 ? 0 : source.Read(starts, list);
            count = list < 0 ? 0 : source.Read(starts, list + 1) - start;
        }

        /// <summary>A list as text: <c>[a, b]</c>.</summary>
        protected static string List(IFieldSource source, Section items, int start, int end, Func<int, string> item)
        {
            var builder = new System.Text.StringBuilder("[");
            for (int k = start; k < end; k++)
            {
                builder.Append(k > start ? ", " : string.Empty).Append(item(source.Read(items, k)));
            }

            return builder.Append(']').ToString();
        }
    }
}
