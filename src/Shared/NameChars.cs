using System.Runtime.CompilerServices;

namespace SpecGen.Format
{
    /// <summary>
    /// The characters of Spack names (packages, stacks, targets, OSes, platforms, tags, variant names): ASCII
    /// letters and digits, '-', '_' and '.'. Pages are checked against it (SPG0006) and queries are read with it;
    /// versions use the same characters and '='.
    /// </summary>
    internal static class NameChars
    {
        private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        public static bool IsNameChar(char c) => IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.';

        /// <summary>Spack's version characters: those of a name, and '=' after the first (git versions: <c>git.ref=1.2</c>).</summary>
        public static bool IsVersionChar(char c, int index) => IsNameChar(c) || (c == '=' && index > 0);

        /// <summary>True when <paramref name="text"/> is one or more ASCII digits.</summary>
        [MethodImpl(Jit.Hot)]
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
    }
}
