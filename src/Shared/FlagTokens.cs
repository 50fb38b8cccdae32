using System.Collections.Generic;

namespace SpecGen.Format
{
    /// <summary>
    /// Compiler flags as Spack splits a flag value (spack/spack lib/spack/spack/compilers/flags.py, tokenize_flags):
    /// the value is split at Python's whitespace, and a word that does not start with '-' belongs to the flag before
    /// it, joined by one blank (<c>-I /opt/include -O2</c> is two flags, <c>-I /opt/include</c> and <c>-O2</c>); the
    /// first word starts a flag whatever it is. An empty or blank value has no flag.
    /// </summary>
    internal static class FlagTokens
    {
        /// <summary>tokenize_flags.</summary>
        public static string[] Tokenize(string value)
        {
            List<string> words = PythonText.Split(value);
            var flags = new List<string>(words.Count);
            string? flag = null;
            foreach (string word in words)
            {
                if (flag is null)
                {
                    flag = word;
                }
                else if (word[0] != '-')
                {
                    flag += " " + word;
                }
                else
                {
                    flags.Add(flag);
                    flag = word;
                }
            }

            if (flag is not null)
            {
                flags.Add(flag);
            }

            return flags.ToArray();
        }

        /// <summary>
        /// True when the flags of a spec's setting hold <paramref name="flag"/> (one flag as <see cref="Tokenize"/>
        /// gives it): the setting's values, joined again with the commas the page's list split them at, read as
        /// <see cref="Tokenize"/> reads a value (a page writes a spec's flags as Spack prints them, joined by blanks).
        /// Allocates nothing.
        /// </summary>
        public static bool Contains<TList>(TList values, string flag)
            where TList : IReadOnlyList<string>
        {
            // Walk the text values[0] + "," + values[1] + ... word by word; a word starting with '-' (or the first word)
            // starts a flag, any other word continues it after one blank.
            int matched = 0;
            bool failed = false;
            bool inWord = false;
            bool anyFlag = false;
            for (int v = 0; v < values.Count; v++)
            {
                string part = values[v];
                int end = part.Length + (v + 1 < values.Count ? 1 : 0);
                for (int i = 0; i < end; i++)
                {
                    char c = i < part.Length ? part[i] : ',';
                    if (PythonText.IsSpace(c))
                    {
                        inWord = false;
                        continue;
                    }

                    if (!inWord)
                    {
                        inWord = true;
                        if (c == '-' || !anyFlag)
                        {
                            // A new flag: the one before it is complete.
                            if (anyFlag && !failed && matched == flag.Length)
                            {
                                return true;
                            }

                            anyFlag = true;
                            matched = 0;
                            failed = false;
                        }
                        else if (!failed && matched < flag.Length && flag[matched] == ' ')
                        {
                            matched++;
                        }
                        else
                        {
                            failed = true;
                        }
                    }

                    if (!failed && matched < flag.Length && flag[matched] == c)
                    {
                        matched++;
                    }
                    else
                    {
                        failed = true;
                    }
                }
            }

            return anyFlag && !failed && matched == flag.Length;
        }
    }
}
