using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecGen.Tests.Infrastructure;
using Xunit;
using static SpecGen.Tests.Infrastructure.PageEdit;

namespace SpecGen.Tests.Diagnostics
{
    /// <summary>
    /// The details of the page checks that the per-ID tests leave open (found by mutation testing): the order of
    /// several findings, mappings long enough to be indexed, and that one bad value is reported once and nothing
    /// follows from it.
    /// </summary>
    public class PageCheckDetailTests
    {
        private static TestPage Edit(string find, string replacement) => Zlib with { Text = Replace(Zlib.Text, find, replacement) };

        private static Diagnostic[] All(TestPage page)
        {
            GeneratorOutput output = GeneratorHarness.Run(new[] { page });
            return output.Diagnostics.Where(d => d.Id.StartsWith("SPG", StringComparison.Ordinal)).ToArray();
        }

        [Theory]
        [InlineData("\"num_specs_by_stack\": {\"developer-tools-darwin\": 1, \"e4s\": 1, \"ml-linux-x86_64-rocm\": 1, \"root\": 3}, ", "num_specs_by_stack")]
        [InlineData("\"targets\": [\"aarch64\", \"x86_64_v3\"], ", "targets")]
        public void A_missing_meta_key_is_reported_once_and_not_compared(string entry, string key)
        {
            Diagnostic d = Assert.Single(All(Edit(entry, string.Empty)));
            Assert.Equal("SPG0003", d.Id);
            Assert.Equal("Required key '" + key + "' is missing from meta", d.GetMessage());
        }

        [Fact]
        public void Stacks_without_a_count_are_reported_in_name_order()
        {
            // The specs list ml-linux-x86_64-rocm before developer-tools-darwin; the findings come in ordinal order.
            TestPage page = Edit("{\"developer-tools-darwin\": 1, \"e4s\": 1, \"ml-linux-x86_64-rocm\": 1, \"root\": 3}", "{\"e4s\": 1, \"root\": 3}");
            Diagnostic[] found = All(page);
            Assert.Equal(
                new[] { "stack 'developer-tools-darwin' is listed by 1 specs but has no count", "stack 'ml-linux-x86_64-rocm' is listed by 1 specs but has no count" }
                    .Select(m => "meta.num_specs_by_stack disagrees with the specs: " + m),
                found.Select(d => d.GetMessage()));
            Assert.All(found, d => Assert.Equal("SPG0010", d.Id));
        }

        [Fact]
        public void A_stack_a_spec_lists_twice_counts_once_for_that_spec()
        {
            // root counts 3 specs; the first spec naming it twice leaves it at 3, with or without a repeated other stack.
            TestPage twice = Edit("\"stacks\": [\"ml-linux-x86_64-rocm\", \"root\"]", "\"stacks\": [\"ml-linux-x86_64-rocm\", \"root\", \"root\", \"ml-linux-x86_64-rocm\"]");
            Assert.Empty(All(twice));

            // The count still sees a real difference: root given 4.
            TestPage wrong = Edit("\"root\": 3}", "\"root\": 4}");
            Diagnostic d = Assert.Single(All(wrong));
            Assert.Equal("meta.num_specs_by_stack disagrees with the specs: stack 'root' is given 4 specs but 3 list it", d.GetMessage());
        }

        [Fact]
        public void A_spec_of_many_keys_is_read_key_by_key()
        {
            // Twenty unknown keys before the real ones: the key map switches to an index past 16 keys.
            string extra = string.Concat(Enumerable.Range(0, 20).Select(i => "\"x" + i + "\": " + i + ", "));
            TestPage page = Edit("{\"compiler\": \"gcc@13.2.0\"", "{" + extra + "\"compiler\": \"gcc@13.2.0\"");
            GeneratorOutput output = GeneratorHarness.Run(new[] { page });

            Assert.All(output.Diagnostics, d => Assert.Equal("SPG0005", d.Id));
            Assert.Equal(Enumerable.Range(0, 20).Select(i => "x" + i), output.Diagnostics.Select(KeyOf));
            SpecCatalog catalog = GeneratorHarness.LoadCatalog(output.Compilation);
            SpecCatalog original = GeneratorHarness.CompileCatalog(new[] { Zlib });
            Assert.Equal(original.Select(s => s.ToString() + " " + s.Size + " " + string.Join(",", s.Stacks)), catalog.Select(s => s.ToString() + " " + s.Size + " " + string.Join(",", s.Stacks)));
        }

        [Fact]
        public void A_repeated_key_in_a_long_spec_is_found_past_the_index_switch()
        {
            string extra = string.Concat(Enumerable.Range(0, 20).Select(i => "\"x" + i + "\": " + i + ", "));
            TestPage page = Edit("{\"compiler\": \"gcc@13.2.0\"", "{" + extra + "\"compiler\": \"gcc@13.2.0\", \"x3\": 3");
            Diagnostic duplicate = Assert.Single(All(page), d => d.Id == "SPG0019");
            Assert.StartsWith("Key 'x3' appears more than once", duplicate.GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public void A_lone_surrogate_escape_is_refused_once_by_the_YAML_reader()
        {
            // YamlDotNet refuses the escape itself, so the page checks' own lone-surrogate guard (ValueReader) is
            // defence in depth for a reader that would not.
            TestPage page = Edit("\"os\": \"ubuntu24.04\"", "\"os\": \"ubuntu\\U0000D800\"");
            Diagnostic d = Assert.Single(All(page));
            Assert.Equal("SPG0002", d.Id);
        }

        [Fact]
        public void A_list_with_a_bad_item_is_reported_at_the_item_and_nothing_follows()
        {
            TestPage page = Edit("\"stacks\": [\"ml-linux-x86_64-rocm\", \"root\"]", "\"stacks\": [[], \"root\"]");
            Diagnostic d = Assert.Single(All(page));
            Assert.Equal("SPG0004", d.Id);
            Assert.StartsWith("spec_details[0].stacks[0] must be a string", d.GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public void An_invalid_target_name_is_reported_once_and_not_looked_up_in_archspec()
        {
            TestPage page = Edit("\"target\": \"aarch64\"", "\"target\": \"aarch 64\"");
            Diagnostic d = Assert.Single(All(page));
            Assert.Equal("SPG0006", d.Id);
        }

        private static string KeyOf(Diagnostic d)
        {
            string message = d.GetMessage();
            int open = message.IndexOf('\'');
            return message.Substring(open + 1, message.IndexOf('\'', open + 1) - open - 1);
        }
    }
}
