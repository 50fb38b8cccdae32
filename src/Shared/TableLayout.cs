using System;
using System.Collections.Generic;
using System.Globalization;

namespace SpecGen.Format
{
    /// <summary>
    /// The sections of the table blob that the schema decides, numbered after the fixed <see cref="Section"/>
    /// members: per kind of name (<see cref="Dimensions.All"/>) its sorted names, then its page column (package,
    /// tag) or, for a list kind, its list offsets and items; per spec field (<see cref="SpecFields.All"/>) its
    /// <see cref="FieldType.Columns"/> columns. Flag bits are given out the same way. Nothing here is numbered by
    /// hand, so a row added to either table gets its sections, and <see cref="Fingerprint"/> changes with it.
    /// </summary>
    internal static class TableLayout
    {
        /// <summary>Number of fixed sections.</summary>
        public const int FixedCount = (int)Section.HashEntries + 1;

        private static readonly Section[] DimensionNames;
        private static readonly Section[] DimensionColumns;
        private static readonly Section[] DimensionListStarts;
        private static readonly Section[] DimensionListItems;
        private static readonly SpecField?[] DimensionFields;
        private static readonly Section[][] FieldColumns;
        private static readonly int[] FieldFlagShifts;
        private static readonly string[] Names;

        static TableLayout()
        {
            var names = new List<string>();
            for (int s = 0; s < FixedCount; s++)
            {
                names.Add(((Section)s).ToString());
            }

            Section Next(string name)
            {
                names.Add(name);
                return (Section)(names.Count - 1);
            }

            Dimension[] dimensions = Dimensions.All;
            DimensionNames = new Section[dimensions.Length];
            DimensionColumns = new Section[dimensions.Length];
            DimensionListStarts = new Section[dimensions.Length];
            DimensionListItems = new Section[dimensions.Length];
            DimensionFields = new SpecField?[dimensions.Length];
            foreach (Dimension dimension in dimensions)
            {
                int d = dimension.Index;
                DimensionNames[d] = Next("Names:" + dimension.Parameter);
                DimensionColumns[d] = DimensionListStarts[d] = DimensionListItems[d] = (Section)(-1);
                if (dimension.PerPage)
                {
                    DimensionColumns[d] = Next("PageColumn:" + dimension.Parameter);
                }
                else if (dimension.IsList)
                {
                    DimensionListStarts[d] = Next("ListStart:" + dimension.Parameter);
                    DimensionListItems[d] = Next("ListItems:" + dimension.Parameter);
                }
            }

            SpecField[] fields = SpecFields.All;
            FieldColumns = new Section[fields.Length][];
            FieldFlagShifts = new int[fields.Length];
            int flagBits = 0;
            foreach (SpecField field in fields)
            {
                var columns = new Section[field.Type.Columns];
                for (int c = 0; c < columns.Length; c++)
                {
                    columns[c] = Next("Column:" + field.Key + (c == 0 ? string.Empty : "#" + c.ToString(CultureInfo.InvariantCulture)));
                }

                FieldColumns[field.Ordinal] = columns;
                FieldFlagShifts[field.Ordinal] = flagBits;
                flagBits += field.Type.FlagCount;
                if (field.Names is Dimension dimension)
                {
                    if (dimension.PerPage || DimensionFields[dimension.Index] is not null)
                    {
                        throw new InvalidOperationException("The kind of name '" + dimension.Parameter + "' is held by more than one field, or by a field and the page.");
                    }

                    DimensionFields[dimension.Index] = field;
                    DimensionColumns[dimension.Index] = columns[0];
                }
            }

            if (flagBits > 30)
            {
                throw new InvalidOperationException("The spec fields need " + flagBits + " flag bits; a flags column holds 30.");
            }

            foreach (Dimension dimension in dimensions)
            {
                if ((int)DimensionColumns[dimension.Index] < 0)
                {
                    throw new InvalidOperationException("The kind of name '" + dimension.Parameter + "' is neither per page nor held by a spec field.");
                }
            }

            Names = names.ToArray();
            Count = Names.Length;
            Fingerprint = ComputeFingerprint();
        }

        /// <summary>Number of sections: the fixed ones and those of the schema.</summary>
        public static int Count { get; }

        /// <summary>
        /// A 30-bit digest of the schema (every field's key, kind, requiredness and kind of name; every kind of
        /// name's parameter and shape) and of the section layout, stored in each catalog's header: a catalog built
        /// with another schema is refused, never misread.
        /// </summary>
        public static int Fingerprint { get; }

        public static Section NamesOf(Dimension dimension) => DimensionNames[dimension.Index];

        public static Section ColumnOf(Dimension dimension) => DimensionColumns[dimension.Index];

        /// <summary>A list kind's list offsets; -1 for a kind that is not a list.</summary>
        public static Section ListStartOf(Dimension dimension) => DimensionListStarts[dimension.Index];

        /// <summary>A list kind's list items; -1 for a kind that is not a list.</summary>
        public static Section ListItemsOf(Dimension dimension) => DimensionListItems[dimension.Index];

        public static SpecField? FieldOf(Dimension dimension) => DimensionFields[dimension.Index];

        public static Section ColumnOf(SpecField field, int index) => FieldColumns[field.Ordinal][index];

        public static int FlagShiftOf(SpecField field) => FieldFlagShifts[field.Ordinal];

        /// <summary>A section's name: the fixed member's, or what the schema made it for (<c>Column:os</c>).</summary>
        public static string NameOf(Section section) => (uint)section < (uint)Names.Length ? Names[(int)section] : ((int)section).ToString(CultureInfo.InvariantCulture);

        private static int ComputeFingerprint()
        {
            // FNV-1a over a text form of the schema, folded to 30 bits (five base-64 digits).
            var text = new System.Text.StringBuilder();
            foreach (Dimension dimension in Dimensions.All)
            {
                text.Append(dimension.Parameter).Append(dimension.PerPage ? "/page" : "/spec").Append(dimension.IsList ? "/list;" : ";");
            }

            foreach (SpecField field in SpecFields.All)
            {
                text.Append(field.Key).Append('/').Append(field.Kind).Append(field.Required ? "/required" : "/optional").Append('/').Append(field.Names?.Parameter).Append(';');
            }

            text.Append(string.Join(",", Names));
            uint hash = 2166136261;
            foreach (char c in text.ToString())
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return (int)((hash ^ (hash >> 30)) & ((1u << 30) - 1));
        }
    }
}
