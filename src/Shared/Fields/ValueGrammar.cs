using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>The grammar of the values inside a spec: names, hashes, compilers, variants, versions, sizes, tarballs.</summary>
    internal static class ValueGrammar
    {
        /// <summary>Null when <paramref name="name"/> is a valid package, stack, target, OS, platform or tag name; else why not.</summary>
        public static string? CheckName(string name) => CheckName(name, "it");

        /// <summary>Null when <paramref name="hash"/> is 32 characters of lowercase base32; else why not.</summary>
        [MethodImpl(Jit.Hot)]
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
        [MethodImpl(Jit.Hot)]
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

            // The same rules SpecGen.Runtime parses versions by (for git versions: git.<ref>=<version>). Only an '=' can make
            // valid characters fail to parse (a git version needs its ref and version), so most versions are not parsed here.
            if (version.IndexOf('=') < 0)
            {
                return null;
            }

            return VersionValue.Parse(version, out string? error) is null ? error : null;
        }

        /// <summary>Parses <c>none</c>, <c>name@version</c> or <c>name@=version</c>; null with the reason when malformed.</summary>
        [MethodImpl(Jit.Hot)]
        public static CompilerSyntax? ParseCompiler(string text, out string error)
        {
            error = string.Empty;
            if (text == "none")
            {
                return new CompilerSyntax(text, "none", string.Empty, IsExact: false, IsNone: true);
            }

            int at = text.IndexOf('@');
            if (at < 0)
            {
                error = "expected 'name@version', 'name@=version' or 'none'";
                return null;
            }

            string name = text.Substring(0, at);
            if (CheckName(name, "the compiler name") is string nameError)
            {
                error = nameError;
                return null;
            }

            bool exact = at + 1 < text.Length && text[at + 1] == '=';
            string version = text.Substring(at + (exact ? 2 : 1));
            if (CheckVersion(version) is string versionError)
            {
                error = "the compiler version " + versionError;
                return null;
            }

            return new CompilerSyntax(text, name, version, exact, IsNone: false);
        }

        /// <summary>
        /// Parses a variant setting: <c>+name</c>, <c>~name</c>, <c>-name</c>, <c>name=value</c>,
        /// <c>name=v1,v2</c>, <c>name:=v1,v2</c>; a value may be quoted with ' or " as a whole. Null with the
        /// reason when malformed.
        /// </summary>
        [MethodImpl(Jit.Hot)]
        public static VariantSyntax? ParseVariant(string text, out string error)
        {
            error = string.Empty;
            if (text.Length == 0)
            {
                error = "it is empty";
                return null;
            }

            char first = text[0];
            if (first == '+' || first == '~' || first == '-')
            {
                string boolName = text.Substring(1);
                if (CheckName(boolName, "the variant name") is string boolError)
                {
                    error = boolError;
                    return null;
                }

                int kind = first == '+' ? VariantFlags.BoolTrue : VariantFlags.BoolFalse;
                return new VariantSyntax(text, boolName, kind, IsExact: false, IsQuoted: false, EquatableArray<string>.Empty);
            }

            int eq = text.IndexOf('=');
            if (eq < 0)
            {
                error = "expected '+name', '~name', 'name=value' or 'name:=value'";
                return null;
            }

            bool exact = eq > 0 && text[eq - 1] == ':';
            string name = text.Substring(0, exact ? eq - 1 : eq);
            if (CheckName(name, "the variant name") is string nameError)
            {
                error = nameError;
                return null;
            }

            string value = text.Substring(eq + 1);
            bool quoted = false;
            if (value.Length > 0 && (value[0] == '\'' || value[0] == '"'))
            {
                char quote = value[0];
                if (value.Length < 2 || value[value.Length - 1] != quote || value.IndexOf(quote, 1) != value.Length - 1)
                {
                    error = "the quoted value is not closed by a single " + quote;
                    return null;
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
                        return null;
                    }
                }
            }

            string[] values = value.Split(',');
            foreach (string item in values)
            {
                if (item.Length == 0)
                {
                    error = value.Length == 0 ? "the value is empty" : "the value list has an empty item";
                    return null;
                }
            }

            int valueKind = exact || values.Length > 1 ? VariantFlags.Multi : VariantFlags.Single;
            return new VariantSyntax(text, name, valueKind, exact, quoted, new EquatableArray<string>(values));
        }

        /// <summary>Null when <paramref name="size"/> is <c>-</c> or a whole number of bytes that fits a long; else why not.</summary>
        [MethodImpl(Jit.Hot)]
        public static string? CheckSize(string size)
        {
            if (size == "-")
            {
                return null;
            }

            if (!NameChars.IsDigits(size))
            {
                return "neither '-' nor a non-negative whole number of bytes";
            }

            return long.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? null
                : "more bytes than a size can hold (at most " + long.MaxValue.ToString(CultureInfo.InvariantCulture) + ")";
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

        /// <summary>The characters of Spack's unquoted value token (spack/spack spec_parser.py, VALUE); a value with any other is quoted.</summary>
        public static bool IsBareValueChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '+' || c == '*' || c == '.' || c == ',' || c == ':' || c == '='
                || c == '%' || c == '^' || c == '~' || c == '/' || c == '\\';
        }

        /// <summary>True when the text holds a lone UTF-16 surrogate, which cannot be stored as UTF-8.</summary>
        [MethodImpl(Jit.Hot)]
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
            return c > ' ' && c < 127 ? "'" + c + "'" : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        }

        /// <summary>Null when <paramref name="name"/> is a valid Spack name; else why not, about <paramref name="subject"/>.</summary>
        [MethodImpl(Jit.Hot)]
        private static string? CheckName(string name, string subject)
        {
            if (name.Length == 0)
            {
                return subject + " is empty";
            }

            foreach (char c in name)
            {
                if (!NameChars.IsNameChar(c))
                {
                    return subject + " contains " + Describe(c) + " (only letters, digits, '-', '_' and '.' are allowed)";
                }
            }

            return null;
        }
    }
}
