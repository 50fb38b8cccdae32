extern alias Generator;

using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Generator::SpecGen.Generator;
using Xunit;

namespace SpecGen.Tests.Architecture
{
    /// <summary>
    /// The generator's stages only call forward: Parsing (text to YAML tree) knows no later stage, Pages (one page's
    /// checks) uses Parsing, Catalog (checks across pages) sees pages only as models, Emit (writers) sees only models.
    /// Read from the compiled assembly: every type a stage's code refers to, in signatures and in method bodies.
    /// </summary>
    public class StageOrderTests
    {
        private const string Root = "SpecGen.Generator.";

        /// <summary>For each stage, the namespaces its code may use besides its own (and the BCL, Roslyn, YamlDotNet).</summary>
        private static readonly Dictionary<string, string[]> Allowed = new Dictionary<string, string[]>
        {
            [Root + "Parsing"] = new[] { Root + "Model", Root + "Diagnostics", Root + "Common", "SpecGen.Format" },
            [Root + "Pages"] = new[] { Root + "Parsing", Root + "Model", Root + "Diagnostics", Root + "Common", "SpecGen.Format" },
            [Root + "Catalog"] = new[] { Root + "Model", Root + "Diagnostics", Root + "Common", "SpecGen.Format" },
            [Root + "Emit"] = new[] { Root + "Model", Root + "Common", "SpecGen.Format", "SpecGen.Generator" },
            [Root + "Model"] = new[] { Root + "Diagnostics", "SpecGen.Format" },
            [Root + "Common"] = new[] { "SpecGen.Format" },
            [Root + "Diagnostics"] = new[] { Root + "Model", "SpecGen.Generator" },
            ["SpecGen.Format"] = Array.Empty<string>(),
        };

        [Fact]
        public void Each_stage_uses_only_the_stages_before_it_and_the_models()
        {
            var violations = new List<string>();
            int checkedReferences = 0;
            foreach ((TypeDefinition type, string ns) in GeneratorTypes())
            {
                if (!Allowed.TryGetValue(ns, out string[]? allowed))
                {
                    continue;
                }

                foreach (TypeReference referenced in References(type))
                {
                    string target = NamespaceOf(referenced);
                    if (!target.StartsWith("SpecGen", StringComparison.Ordinal) || target == ns)
                    {
                        continue;
                    }

                    checkedReferences++;
                    if (!allowed.Contains(target))
                    {
                        violations.Add(type.FullName + " (" + ns + ") uses " + referenced.FullName + " (" + target + ")");
                    }
                }
            }

            Assert.True(checkedReferences > 100, "Too few cross-namespace references were found: " + checkedReferences);
            Assert.Empty(violations.Distinct());
        }

        [Fact]
        public void Every_stage_namespace_exists()
        {
            HashSet<string> namespaces = GeneratorTypes().Select(t => t.Namespace).ToHashSet();
            Assert.All(Allowed.Keys, ns => Assert.Contains(ns, namespaces));
        }

        private static IEnumerable<(TypeDefinition Type, string Namespace)> GeneratorTypes()
        {
            ModuleDefinition module = ModuleDefinition.ReadModule(typeof(SpecGenGenerator).Assembly.Location);
            foreach (TypeDefinition type in module.Types)
            {
                foreach (TypeDefinition nested in WithNested(type))
                {
                    yield return (nested, NamespaceOf(nested));
                }
            }
        }

        private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type)
        {
            yield return type;
            foreach (TypeDefinition nested in type.NestedTypes.SelectMany(WithNested))
            {
                yield return nested;
            }
        }

        private static string NamespaceOf(TypeReference type)
        {
            while (type.DeclaringType is not null)
            {
                type = type.DeclaringType;
            }

            return type.Namespace;
        }

        private static IEnumerable<TypeReference> References(TypeDefinition type)
        {
            var found = new List<TypeReference>();
            void Add(TypeReference? reference)
            {
                if (reference is null)
                {
                    return;
                }

                if (reference is GenericInstanceType generic)
                {
                    foreach (TypeReference argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }
                }

                if (reference is TypeSpecification specification)
                {
                    Add(specification.ElementType);
                    return;
                }

                found.Add(reference);
            }

            Add(type.BaseType);
            foreach (InterfaceImplementation implementation in type.Interfaces)
            {
                Add(implementation.InterfaceType);
            }

            foreach (FieldDefinition field in type.Fields)
            {
                Add(field.FieldType);
            }

            foreach (MethodDefinition method in type.Methods)
            {
                Add(method.ReturnType);
                foreach (ParameterDefinition parameter in method.Parameters)
                {
                    Add(parameter.ParameterType);
                }

                if (!method.HasBody)
                {
                    continue;
                }

                foreach (VariableDefinition variable in method.Body.Variables)
                {
                    Add(variable.VariableType);
                }

                foreach (Instruction instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t:
                            Add(t);
                            break;
                        case MethodReference m:
                            Add(m.DeclaringType);
                            Add(m.ReturnType);
                            break;
                        case FieldReference f:
                            Add(f.DeclaringType);
                            Add(f.FieldType);
                            break;
                    }
                }
            }

            return found;
        }
    }
}
