extern alias Generator;

using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Generator::SpecGen.Generator.Emit;
using SpecGen.Format;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// A catalog decoded into readable lines: the header, one line per section (its count and width), the tables of
    /// names, compilers and variants, one line per page and one per spec with every field of the schema as its kind
    /// describes it. Stored next to the blob snapshots, so a change of the format reads as a diff of lines.
    /// </summary>
    internal static class CatalogDump
    {
        public static string Of(EncodedCatalog encoded)
        {
            CatalogHeader header = CatalogHeader.Read(encoded.Tables, out string? error) ?? throw new InvalidOperationException(error);
            SpecCatalog catalog = SpecCatalog.FromArrays(encoded.Tables, Encoding.UTF8.GetBytes(encoded.Strings));
            var text = new StringBuilder();
            void Line(string line) => text.Append(line).Append('\n');
            Line("format " + CatalogHeader.Magic + ", schema fingerprint " + Number(TableLayout.Fingerprint));
            Line("specs " + Number(header.SpecCount) + ", pages " + Number(header.PageCount) + ", strings " + Number(header.StringCount) + " (" + Number(encoded.StringBytes) + " bytes), hashes " + Number(header.HashCount) + ", slots " + Number(header.SlotCount) + " (" + Number(header.HomeSlots) + " home, " + Number(header.SlotDigits) + " digits)");
            for (int s = 0; s < header.Sections.Length; s++)
            {
                SectionInfo section = header.Sections[s];
                Line("section " + TableLayout.NameOf((Section)s) + ": " + Number(section.Count) + " x " + Number(section.Width));
            }

            foreach (Dimension dimension in Dimensions.All)
            {
                Line("names " + dimension.Parameter + ": [" + string.Join(", ", catalog.Names(dimension)) + "]");
            }

            IFieldSource source = catalog;
            int compilers = header[Section.CompilerText].Count;
            Line("compilers: [" + string.Join(", ", Enumerable.Range(0, compilers).Select(c => source.String(source.Read(Section.CompilerText, c)) + " (" + source.String(source.Read(Section.CompilerName, c)) + " " + source.String(source.Read(Section.CompilerVersion, c)) + " flags " + Number(source.Read(Section.CompilerFlags, c)) + ")")) + "]");
            int variants = header[Section.VariantText].Count;
            Line("variants: [" + string.Join(", ", Enumerable.Range(0, variants).Select(v => source.String(source.Read(Section.VariantText, v)) + " (" + source.String(source.Read(Section.VariantName, v)) + " flags " + Number(source.Read(Section.VariantFlags, v)) + ")")) + "]");
            for (int p = 0; p < header.PageCount; p++)
            {
                Line("page " + Number(p) + ": " + catalog.Name(Dimensions.Tag, source.Read(Dimensions.Tag.Column, p) - 1) + "/" + catalog.Name(Dimensions.Package, source.Read(Dimensions.Package.Column, p) - 1) + ", specs " + Number(source.Read(Section.PageFirstSpec, p)) + ".." + Number(source.Read(Section.PageFirstSpec, p + 1)));
            }

            for (int i = 0; i < header.SpecCount; i++)
            {
                string fields = string.Join(", ", SpecFields.All.Select(f => f.Key + "=" + (catalog.TextOf(f, i) ?? "(absent)")));
                Line("spec " + Number(i) + ": " + fields + ", flags " + Number(source.Read(Section.SpecFlags, i)));
            }

            return text.ToString();
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
