extern alias Generator;

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using Generator::SpecGen.Format;

namespace SpecGen.Tool
{
    /// <summary>The options several commands share, and the checks that make a bad value a usage error (exit 2).</summary>
    internal static class ToolOptions
    {
        public static Option<string> Source() => new Option<string>("--source")
        {
            Description = "Where pages come from: the cache site's repository (its root or its _cache folder) as a URL (raw files, any mirror) or a local folder (a clone)",
            DefaultValueFactory = _ => PageSource.Default,
        };

        public static Option<string> Tag(bool required) => Tag("--tag", "The snapshot tag, e.g. develop-2025-04-20", required);

        /// <summary>An option whose value is a snapshot tag (a Spack name).</summary>
        public static Option<string> Tag(string name, string description, bool required)
        {
            var tag = new Option<string>(name) { Description = description, Required = required };
            tag.Validators.Add(result => CheckName(result, "tag", result.GetValueOrDefault<string>()));
            return tag;
        }

        /// <summary>An integer option that must be at least <paramref name="minimum"/>.</summary>
        public static Option<int> AtLeast(string name, string description, int defaultValue, int minimum)
        {
            var option = new Option<int>(name) { Description = description + " (default " + defaultValue + ")", DefaultValueFactory = _ => defaultValue };
            option.Validators.Add(result =>
            {
                // A value that is not a number is System.CommandLine's error already.
                if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, out int value) && value < minimum)
                {
                    result.AddError($"{name} must be {minimum} or more, not {value}.");
                }
            });
            return option;
        }

        /// <summary>The download options: --timeout, --retries, --retry-delay.</summary>
        public sealed class Http
        {
            public Option<int> Timeout { get; } = AtLeast("--timeout", "Seconds to wait for each download", 30, 1);

            public Option<int> Retries { get; } = AtLeast("--retries", "Retries of a download that failed for a transient reason; 0 for none", 3, 0);

            public Option<int> RetryDelay { get; } = AtLeast("--retry-delay", "Milliseconds before the first retry, doubled each time; 0 for none", 500, 0);

            public IEnumerable<Option> All => new Option[] { Timeout, Retries, RetryDelay };

            public HttpSettings Settings(ParseResult result, ToolContext context)
            {
                return new HttpSettings(TimeSpan.FromSeconds(result.GetValue(Timeout)), result.GetValue(Retries), TimeSpan.FromMilliseconds(result.GetValue(RetryDelay)), context.GitHubApi);
            }
        }

        /// <summary>Names of packages: each a Spack name, none twice, none that looks like an option.</summary>
        public static Argument<string[]> Packages(string description)
        {
            var packages = new Argument<string[]>("packages") { Description = description, Arity = ArgumentArity.ZeroOrMore };
            packages.Validators.Add(result =>
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (Token token in result.Tokens)
                {
                    if (CheckName(result, "package", token.Value) && !seen.Add(token.Value))
                    {
                        result.AddError($"The package '{token.Value}' is named twice.");
                    }
                }
            });
            return packages;
        }

        /// <summary>Arguments that are not names (folders, queries): a value that starts with '-' is an option this command does not have.</summary>
        public static T NoOptions<T>(T argument)
            where T : Argument
        {
            argument.Validators.Add(result =>
            {
                foreach (Token token in result.Tokens.Where(t => LooksLikeOption(t.Value)))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            });
            return argument;
        }

        /// <summary>
        /// Adds an error unless <paramref name="name"/> is a Spack name (ASCII letters, digits, '-', '_', '.',
        /// starting with a letter or digit, as pages name packages and tags); true when it is.
        /// </summary>
        public static bool CheckName(SymbolResult result, string what, string? name)
        {
            string? problem = NameProblem(name ?? string.Empty);
            if (problem is null)
            {
                return true;
            }

            result.AddError(LooksLikeOption(name!) ? $"Unrecognized option '{name}'." : $"'{name}' is not a {what} name: {problem}.");
            return false;
        }

        /// <summary>Why a text is not a Spack name, or null when it is one.</summary>
        public static string? NameProblem(string name)
        {
            if (name.Length == 0)
            {
                return "it is empty";
            }

            char bad = name.FirstOrDefault(c => !NameChars.IsNameChar(c));
            if (bad != default)
            {
                return $"'{bad}' is not allowed (names are ASCII letters, digits, '-', '_' and '.')";
            }

            return char.IsAsciiLetterOrDigit(name[0]) ? null : "a name starts with a letter or a digit";
        }

        /// <summary>
        /// The text given for an option, read in a command's validator without converting it (converting it there
        /// would skip the option's own validators).
        /// </summary>
        public static string? Given(CommandResult result, Option option)
        {
            OptionResult? given = result.GetResult(option);
            return given is not null && given.Tokens.Count > 0 ? given.Tokens[0].Value : null;
        }

        private static bool LooksLikeOption(string value) => value.Length > 1 && value[0] == '-';
    }
}
