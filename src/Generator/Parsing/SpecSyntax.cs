using System;
using System.Collections.Generic;
using SpecGen.Format;

namespace SpecGen.Generator.Parsing
{
    /// <summary>A compiler field split into its parts.</summary>
    internal readonly struct CompilerSyntax
    {
        public CompilerSyntax(string name, string version, bool isExact, bool isNone)
        {
            Name = name;
            Version = version;
            IsExact = isExact;
            IsNone = isNone;
        }

        public string Name { get; }

        public string Version { get; }

        public bool IsExact { get; }

        public bool IsNone { get; }
    }

    /// <summary>A variant setting split into its parts.</summary>
    internal readonly struct VariantSyntax
    {
        public VariantSyntax(string name, int kind, bool isExact, bool isQuoted, string[] values)
        {
            Name = name;
            Kind = kind;
            IsExact = isExact;
            IsQuoted = isQuoted;
            Values = values;
        }

        public string Name { get; }

        /// <summary>One of the kinds of <see cref="VariantFlags"/>.</summary>
        public int Kind { get; }

        public bool IsExact { get; }

        public bool IsQuoted { get; }

        public string[] Values { get; }
    }

    /// <summary>The grammar of the values inside a spec: names, hashes, compilers, variants, versions, sizes, tarballs.</summary>
    internal static class SpecSyntax
    {
        /// <summary>Null when <paramref name="name"/> is a valid package, stack, target, OS, platform or tag name; else why not.</summary>
        public static string? CheckName(string name)
        {
            if (name.Length == 0)
            {
                return "it is empty";
            }

            foreach (char c in name)
            {
                if (!NameChars.IsNameChar(c))
                {
                    return "it contains " + Describe(c) + " (only letters, digits, '-', '_' and '.' are allowed)";
                }
            }

            return null;
        }

        /// <summary>Null when <paramref name="hash"/> is 32 characters of lowercase base32; else why not.</summary>
        public static string? CheckHash(string hash)
        {
            foreach (char c in hash)
            {
                if (CatalogLayout.HashCharRank(c) < 0)
                {
                    return "it contains " + Describe(c) + " (a hash is 32 characters of 'a'-'z' and '2'-'7')";
                }
            }

            if (hash.Length != CatalogLayout.HashLength)
            {
                return "it has " + hash.Length + " characters, not " + CatalogLayout.HashLength;
            }

            return null;
        }

        /// <summary>Null when <paramref name="version"/> is a valid Spack version; else why not.</summary>
        public static string? CheckVersion(string version)
        {
            if (version.Length == 0)
            {
                return "it is empty";
            }

            for (int i = 0; i < version.Length; i++)
            {
                char c = version[i];
                if (!NameChars.IsVersionChar(c, i))
                {
                    return "it contains " + Describe(c) + " (a version holds letters, digits, '.', '-', '_' and, after its first character, '=')";
                }
            }

            // The same rules SpecGen.Runtime parses versions by (for git versions: git.<ref>=<version>).
            return VersionValue.Parse(version, out string? error) is null ? error : null;
        }

        /// <summary>Parses <c>none</c>, <c>name@version</c> or <c>name@=version</c>.</summary>
        public static bool TryParseCompiler(string text, out CompilerSyntax compiler, out string error)
        {
            compiler = default;
            error = string.Empty;
            if (text == "none")
            {
                compiler = new CompilerSyntax("none", string.Empty, isExact: false, isNone: true);
                return true;
            }

            int at = text.IndexOf('@');
            if (at < 0)
            {
                error = "expected 'name@version', 'name@=version' or 'none'";
                return false;
            }

            string name = text.Substring(0, at);
            string? nameError = CheckName(name);
            if (nameError is not null)
            {
                error = "the compiler name " + nameError;
                return false;
            }

            bool exact = at + 1 < text.Length && text[at + 1] == '=';
            string version = text.Substring(at + (exact ? 2 : 1));
            string? versionError = CheckVersion(version);
            if (versionError is not null)
            {
                error = "the compiler version " + versionError;
                return false;
            }

            compiler = new CompilerSyntax(name, version, exact, isNone: false);
            return true;
        }

        /// <summary>
        /// Parses a variant setting: <c>+name</c>, <c>~name</c>, <c>-name</c>, <c>name=value</c>,
        /// <c>name=v1,v2</c>, <c>name:=v1,v2</c>; a value may be quoted with ' or " as a whole.
        /// </summary>
        public static bool TryParseVariant(string text, out VariantSyntax variant, out string error)
        {
            variant = default;
            error = string.Empty;
            if (text.Length == 0)
            {
                error = "it is empty";
                return false;
            }

            char first = text[0];
            if (first == '+' || first == '~' || first == '-')
            {
                string boolName = text.Substring(1);
                if (!CheckVariantName(boolName, out error))
                {
                    return false;
                }

                variant = new VariantSyntax(boolName, first == '+' ? VariantFlags.BoolTrue : VariantFlags.BoolFalse, false, false, Array.Empty<string>());
                return true;
            }

            int eq = text.IndexOf('=');
            if (eq < 0)
            {
                error = "expected '+name', '~name', 'name=value' or 'name:=value'";
                return false;
            }

            bool exact = eq > 0 && text[eq - 1] == ':';
            string name = text.Substring(0, exact ? eq - 1 : eq);
            if (!CheckVariantName(name, out error))
            {
                return false;
            }

            string value = text.Substring(eq + 1);
            bool quoted = false;
            if (value.Length > 0 && (value[0] == '\'' || value[0] == '"'))
            {
                char quote = value[0];
                if (value.Length < 2 || value[value.Length - 1] != quote || value.IndexOf(quote, 1) != value.Length - 1)
                {
                    error = "the quoted value is not closed by a single " + quote;
                    return false;
                }

                value = value.Substring(1, value.Length - 2);
                quoted = true;
            }
            else
            {
                foreach (char c in value)
                {
                    if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\'' || c == '"')
                    {
                        error = "the value contains " + Describe(c) + "; quote the value to allow it";
                        return false;
                    }
                }
            }

            string[] values = value.Split(',');
            foreach (string item in values)
            {
                if (item.Length == 0)
                {
                    error = value.Length == 0 ? "the value is empty" : "the value list has an empty item";
                    return false;
                }
            }

            int kind = exact || values.Length > 1 ? VariantFlags.Multi : VariantFlags.Single;
            variant = new VariantSyntax(name, kind, exact, quoted, values);
            return true;
        }

        /// <summary>True when <paramref name="size"/> is <c>-</c> or a non-negative whole number of bytes.</summary>
        public static bool IsValidSize(string size)
        {
            if (size == "-")
            {
                return true;
            }

            return size.Length > 0 && size.Length <= 19 && IsDigits(size);
        }

        /// <summary>Null when <paramref name="url"/> is an absolute URL with a scheme and no spaces; else why not.</summary>
        public static string? CheckTarball(string url)
        {
            foreach (char c in url)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return "it contains " + Describe(c);
                }
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.IsFile || uri.IsUnc || uri.Scheme.Length < 2 || uri.Host.Length == 0)
            {
                return "it is not an absolute URL such as https://binaries.spack.io/...";
            }

            return null;
        }

        /// <summary>True when every character is an invariant digit.</summary>
        public static bool IsDigits(string text)
        {
            foreach (char c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return text.Length > 0;
        }

        /// <summary>True when the text holds a lone UTF-16 surrogate, which cannot be stored as UTF-8.</summary>
        public static bool HasLoneSurrogate(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A character for a message: printable ASCII quoted, anything else as U+XXXX.</summary>
        public static string Describe(char c)
        {
            return c > ' ' && c < 127 ? "'" + c + "'" : "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        }

        private static bool CheckVariantName(string name, out string error)
        {
            error = string.Empty;
            if (name.Length == 0)
            {
                error = "the variant name is empty";
                return false;
            }

            foreach (char c in name)
            {
                if (!NameChars.IsNameChar(c))
                {
                    error = "the variant name contains " + Describe(c) + " (only letters, digits, '-', '_' and '.' are allowed)";
                    return false;
                }
            }

            return true;
        }
    }
}
