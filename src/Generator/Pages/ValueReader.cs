using System.Globalization;
using System.Runtime.CompilerServices;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>Reads the scalars and lists of a page into strings and numbers, reporting nodes of the wrong shape.</summary>
    internal sealed class ValueReader
    {
        private readonly PageContext _page;

        public ValueReader(PageContext page)
        {
            _page = page;
        }

        /// <summary>A string value, or null (reported) when the node is not a non-null scalar of valid Unicode.</summary>
        [MethodImpl(Jit.Hot)]
        public string? ReadString(YamlNode node, FieldPath what)
        {
            if (node is not YamlScalar scalar || scalar.IsNull)
            {
                _page.WrongShape(node, what, "a string");
                return null;
            }

            if (ValueGrammar.HasLoneSurrogate(scalar.Value))
            {
                _page.Report(DiagnosticDescriptors.WrongShape, node.Span, what.ToString(), "valid Unicode text", "a string with a lone surrogate escape");
                return null;
            }

            return scalar.Value;
        }

        /// <summary>A non-negative whole number written without quotes, or null (reported).</summary>
        [MethodImpl(Jit.Hot)]
        public int? ReadCount(YamlNode node, FieldPath what)
        {
            if (node is YamlScalar { IsPlain: true } scalar && NameChars.IsDigits(scalar.Value)
                && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            _page.WrongShape(node, what, "a whole number such as 3");
            return null;
        }

        /// <summary>
        /// The strings of a list, or null (reported) when the node is not a list of strings. When not null, the
        /// node is a <see cref="YamlSequence"/> whose items are the nodes of the strings, in order.
        /// </summary>
        [MethodImpl(Jit.Hot)]
        public string[]? ReadStrings(YamlNode node, FieldPath what)
        {
            if (node is not YamlSequence sequence)
            {
                _page.WrongShape(node, what, "a list of strings");
                return null;
            }

            var items = new string[sequence.Items.Count];
            bool ok = true;
            for (int i = 0; i < items.Length; i++)
            {
                string? value = ReadString(sequence.Items[i], what.Item(i));
                if (value is null)
                {
                    ok = false;
                    continue;
                }

                items[i] = value;
            }

            return ok ? items : null;
        }

        /// <summary>SPG0006 unless <paramref name="name"/> is a valid name of its kind (<paramref name="noun"/>).</summary>
        [MethodImpl(Jit.Hot)]
        public bool CheckName(YamlNode node, string noun, string name)
        {
            string? error = ValueGrammar.CheckName(name);
            if (error is null)
            {
                return true;
            }

            _page.Report(DiagnosticDescriptors.InvalidName, node.Span, noun, name, error);
            return false;
        }
    }
}
