using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Emit
{
    /// <summary>
    /// The text of a generated file as the compiler gets it. The compiler embeds every generated file in the PDB, compressed,
    /// on every build that writes one; a text made from its encoded bytes carries that compressed copy, made once with the
    /// text. A compiler server whose generator driver reuses the unchanged output (a C# edit) then reuses the copy instead
    /// of compressing the file again: about 0.1 s of every build at one snapshot, whose data files hold 7.8 MB of UTF-8.
    /// The copy is made whenever a file is made, also in a run that writes no PDB (an IDE's, a build without debug
    /// information), and kept with the text: about 2 ms and 60 KB for a data chunk of 43,000 characters, 3 MB at one snapshot.
    /// </summary>
    internal static class GeneratedText
    {
        /// <summary>
        /// The command-line compiler's checksum algorithm when none is given (SHA-256). The compilers of Roslyn 5 (the .NET 10
        /// SDK's; 4.14 does not) give every generated text of another algorithm a wrapper with theirs, which carries no
        /// compressed copy: the copy survives only in a text of the compiler's own algorithm. A project that sets another
        /// <c>ChecksumAlgorithm</c> gets the wrapper, and its builds compress the files as they did before. Not a constant:
        /// a constant of a compiler enum would make the package step (which rewrites this assembly) load the compiler.
        /// </summary>
        internal static readonly SourceHashAlgorithm Checksum = SourceHashAlgorithm.Sha256;

        /// <summary>
        /// <paramref name="text"/> as UTF-8 with a byte-order mark: the bytes the compiler would checksum and compress for a
        /// text made with <see cref="Encoding.UTF8"/>, so the PDB holds the same bytes as before.
        /// </summary>
        public static SourceText Of(string text)
        {
            byte[] preamble = Encoding.UTF8.GetPreamble();
            var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(text)];
            preamble.CopyTo(bytes, 0);
            Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, preamble.Length);
            return SourceText.From(bytes, bytes.Length, Encoding.UTF8, Checksum, throwIfBinaryDetected: false, canBeEmbedded: true);
        }
    }
}
