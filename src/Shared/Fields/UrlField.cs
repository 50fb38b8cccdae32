using System;

namespace SpecGen.Format
{
    /// <summary>
    /// An absolute URL: stored in two columns, the string ids of the text before the spec's hash and after it
    /// (the second "none" when the URL does not hold the hash), so that URLs that differ only by their hash share
    /// their strings.
    /// </summary>
    internal sealed class UrlField : FieldType
    {
        public static readonly UrlField Instance = new UrlField();

        public override FieldKind Kind => FieldKind.Url;

        public override int Columns => 2;

        public override string Description => "an absolute URL";

        public override FieldValue? Read(SpecField field, IFieldInput input)
        {
            string? text = input.ReadString();
            if (text is null)
            {
                return null;
            }

            if (ValueGrammar.CheckTarball(text) is string error)
            {
                input.ReportInvalidSizeOrUrl(text, ": " + error);
                return null;
            }

            return FieldValue.Of(text);
        }

        public override void Collect(SpecField field, FieldValue value, string specHash, IFieldOutput output)
        {
            Split(value.Text!, specHash, out string head, out string? tail);
            output.AddString(head);
            if (tail is not null)
            {
                output.AddString(tail);
            }
        }

        public override int Encode(SpecField field, FieldValue value, string specHash, IFieldOutput output, Span<int> columns)
        {
            Split(value.Text!, specHash, out string head, out string? tail);
            columns[0] = output.StringId(head);
            columns[1] = tail is null ? -1 : output.StringId(tail);
            return 0;
        }

        /// <summary>The URL, or null when absent: the text before the hash, the spec's hash, the text after it.</summary>
        public static string? Get(IFieldSource source, SpecField field, int spec)
        {
            int head = Index(source, field, spec);
            if (head < 0)
            {
                return null;
            }

            int tail = Index(source, field, spec, 1);
            string start = source.String(head);
            return tail < 0 ? start : start + HashField.Get(source, SpecFields.Hash, spec) + source.String(tail);
        }

        public override string? Describe(IFieldSource source, SpecField field, int spec) => Get(source, field, spec);

        private static void Split(string url, string hash, out string head, out string? tail)
        {
            int at = url.IndexOf(hash, StringComparison.Ordinal);
            head = at < 0 ? url : url.Substring(0, at);
            tail = at < 0 ? null : url.Substring(at + hash.Length);
        }
    }
}
