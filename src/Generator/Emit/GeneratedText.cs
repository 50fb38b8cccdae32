using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Emit
{
    /// <summary>
    /// The text of a generated file as the compiler gets it. The compiler embeds every generated file in the PDB, compressed,
    /// on every build that writes one; a text made from its encoded bytes carries that compressed copy, made once with the
    /// text. A compiler server whose generator driver reuses the unchanged output (a C# edit) then reuses the copy instead
    /// of compressing the file again: about 0.1 s of every build at one snapshot, whose data files hold 7.8 MB of UTF-8.
    /// </summary>
    internal static class GeneratedText
    {
        /// <summary>
        /// The command-line compiler's checksum algorithm when none is given (SHA-256). A compiler that knows its algorithm
        /// (Roslyn 4.12 and later) gives every generated text of another algorithm a wrapper with that algorithm, which
        /// carries no compressed copy: the copy survives only in a text of the compiler's own algorithm. Not a constant:
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
