using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecGen
{
    /// <summary>
    /// The <c>distro</c> module's reading of <c>/etc/os-release</c> (distro 1.9, which Spack vendors:
    /// LinuxDistribution._parse_os_release_content, id(), version(), _parse_distro_release_content) on the text alone:
    /// the file is split as Python's <c>shlex.shlex(posix=True, whitespace_split=True)</c> splits it (blanks are space,
    /// tab, CR and LF; <c>#</c> starts a comment, even inside a word; quotes and backslashes as in a POSIX shell), and
    /// every token holding <c>=</c> is a key (lower-cased) and its value.
    /// </summary>
    internal static class OsRelease
    {
        /// <summary>distro's _DISTRO_RELEASE_CONTENT_REVERSED_PATTERN: "name [release] version [(codename)]", read backwards.</summary>
        private static readonly Regex ReleaseReversed = new Regex(@"^(?:[^)]*\)(.*)\()? *(?:STL )?([\d.+\-a-z]*\d) *(?:esaeler *)?(.+)", RegexOptions.CultureInvariant);

        /// <summary>distro's NORMALIZED_OS_ID.</summary>
        private static readonly Dictionary<string, string> NormalizedId = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ol"] = "oracle",
            ["opensuse-leap"] = "opensuse",
        };

        /// <summary>_parse_os_release_content; throws <see cref="FormatException"/> where shlex raises ValueError (an unclosed quote, a final backslash).</summary>
        public static Dictionary<string, string> Parse(string text)
        {
            var props = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string token in Shlex(text))
            {
                int equals = token.IndexOf('=');
                if (equals >= 0)
                {
                    props[token.Substring(0, equals).ToLowerInvariant()] = token.Substring(equals + 1);
                }
            }

            return props;
        }

        /// <summary>distro.id() on the os-release keys alone: <c>id</c>, lower-cased, blanks as '_', then NORMALIZED_OS_ID.</summary>
        public static string Id(Dictionary<string, string> props)
        {
            string id = props.TryGetValue("id", out string? value) ? value : string.Empty;
            id = id.ToLowerInvariant().Replace(" ", "_");
            return NormalizedId.TryGetValue(id, out string? normalized) ? normalized : id;
        }

        /// <summary>distro.version() on the os-release keys alone: <c>version_id</c>, else the version at the end of <c>pretty_name</c>.</summary>
        public static string Version(Dictionary<string, string> props)
        {
            if (props.TryGetValue("version_id", out string? version) && version.Length > 0)
            {
                return version;
            }

            return props.TryGetValue("pretty_name", out string? pretty) ? ReleaseVersion(pretty) : string.Empty;
        }

        /// <summary>_parse_distro_release_content(line).get("version_id", ""): the pattern matched on the stripped line reversed.</summary>
        private static string ReleaseVersion(string line)
        {
            string stripped = Format.PythonText.Strip(line);
            Match match = ReleaseReversed.Match(Reverse(stripped));
            return match.Success && match.Groups[2].Length > 0 ? Reverse(match.Groups[2].Value) : string.Empty;
        }

        /// <summary>Python's s[::-1]: by code point (a surrogate pair stays a pair).</summary>
        private static string Reverse(string text)
        {
            var builder = new StringBuilder(text.Length);
            for (int i = text.Length - 1; i >= 0; i--)
            {
                if (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))
                {
                    builder.Append(text[i - 1]).Append(text[i]);
                    i--;
                }
                else
                {
                    builder.Append(text[i]);
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// The tokens of <c>list(shlex.shlex(text, posix=True))</c> with <c>whitespace_split = True</c> (Lib/shlex.py
        /// read_token), after Python's universal newlines made CR LF and CR a LF.
        /// </summary>
        private static List<string> Shlex(string raw)
        {
            string text = raw.Replace("\r\n", "\n").Replace('\r', '\n');
            var tokens = new List<string>();
            var token = new StringBuilder();
            char state = ' ';
            char escapedState = 'a';
            bool quoted = false;
            int i = 0;
            while (true)
            {
                bool end = i >= text.Length;
                char c = end ? '\0' : text[i++];
                if (state == ' ' || state == 'a')
                {
                    if (end || IsBlank(c) || c == '#')
                    {
                        if (!end && c == '#')
                        {
                            // instream.readline(): the rest of the line, its LF included.
                            int lineEnd = text.IndexOf('\n', i);
                            i = lineEnd < 0 ? text.Length : lineEnd + 1;
                        }

                        if (token.Length > 0 || quoted)
                        {
                            tokens.Add(token.ToString());
                            token.Clear();
                            quoted = false;
                        }

                        state = ' ';
                        if (end)
                        {
                            return tokens;
                        }
                    }
                    else if (c == '\\')
                    {
                        escapedState = 'a';
                        state = '\\';
                    }
                    else if (c == '"' || c == '\'')
                    {
                        state = c;
                    }
                    else
                    {
                        token.Append(c);
                        state = 'a';
                    }
                }
                else if (state == '"' || state == '\'')
                {
                    quoted = true;
                    if (end)
                    {
                        throw new FormatException("No closing quotation (shlex)");
                    }

                    if (c == state)
                    {
                        state = 'a';
                    }
                    else if (c == '\\' && state == '"')
                    {
                        escapedState = state;
                        state = '\\';
                    }
                    else
                    {
                        token.Append(c);
                    }
                }
                else
                {
                    // The escape state: in double quotes only '\' and '"' are escaped, the backslash stays before others.
                    if (end)
                    {
                        throw new FormatException("No escaped character (shlex)");
                    }

                    if (escapedState == '"' && c != '\\' && c != '"')
                    {
                        token.Append('\\');
                    }

                    token.Append(c);
                    state = escapedState;
                }
            }
        }

        private static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\r' || c == '\n';

        /// <summary>Python's <c>re.split(r"[^\w-]", text)</c>: the pieces between characters that are neither word characters nor '-'.</summary>
        public static List<string> SplitOnNonWord(string text)
        {
            var parts = new List<string>();
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (text[i] != '-' && !Format.PythonText.IsWord(text, i))
                {
                    parts.Add(text.Substring(start, i - start));
                    start = i + (pair ? 2 : 1);
                }

                if (pair)
                {
                    i++;
                }
            }

            parts.Add(text.Substring(start));
            return parts;
        }

        /// <summary>The glibc version <c>ldd --version</c> reports (linux_distro.py: exactly one "ldd (GNU libc) X" line), or null.</summary>
        public static string? GlibcOfThisMachine()
        {
            try
            {
                var start = new System.Diagnostics.ProcessStartInfo("ldd", "--version")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                    CreateNoWindow = true,
                };
                using System.Diagnostics.Process? process = System.Diagnostics.Process.Start(start);
                if (process is null)
                {
                    return null;
                }

                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                MatchCollection found = Regex.Matches(output, @"ldd \(GNU libc\) (.*)", RegexOptions.CultureInvariant);
                return found.Count == 1 ? found[0].Groups[1].Value.TrimEnd('\r') : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }
}
