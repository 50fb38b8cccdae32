using System;
using System.Runtime.CompilerServices;
using System.Threading;
using SpecGen.Format;

namespace SpecGen.Generator.Model
{
    /// <summary>
    /// One instance of a value for all pages: a fixed table of the strings, lists, compilers, variants and name counts
    /// pages read, so that 50,000 pages that each say <c>linux</c> or <c>+shared</c> keep one string between them in
    /// the driver's tables (at all snapshots, 3.7 million strings of 168 MB held 25 MB of distinct ones).
    /// <para>
    /// The table works like a direct-mapped cache: a value goes to one slot by its hash, and a different value with
    /// the same slot takes it over. So it never grows (a few hundred kilobytes for the compiler process's lifetime,
    /// whatever it reads), and it needs no lock: a reference is read and written whole, and two pages read at once
    /// can only lose a chance to share. Sharing changes which instance a model holds, never a value: every comparison
    /// of models is by value.
    /// </para>
    /// </summary>
    internal static class SharedValues
    {
        private const int Bits = 15;

        private static readonly object?[] Slots = new object?[1 << Bits];

        /// <summary>Longest text <see cref="Text"/> looks up: names, versions, variants and keys are shorter; hashes (32) and paths would only evict them.</summary>
        public const int MaxTextLength = 24;

        /// <summary>A string: the one in the table when equal (ordinally), else <paramref name="value"/>.</summary>
        public static string Share(string value) => ShareText(value, 0, value.Length, value);

        /// <summary>
        /// The <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/> as a string:
        /// the one in the table when equal, so the page reader makes no string for a value seen before; else a new one.
        /// Texts longer than <see cref="MaxTextLength"/> are not looked up.
        /// </summary>
        public static string Text(string text, int start, int length)
        {
            return length > MaxTextLength ? text.Substring(start, length) : ShareText(text, start, length, null);
        }

        /// <summary>The table's string equal to the characters, else <paramref name="whole"/> (or a new string of them), which takes the slot.</summary>
        [MethodImpl(Jit.Hot)]
        private static string ShareText(string text, int start, int length, string? whole)
        {
            int slot = SlotOf(TextHash(text, start, length));
            if (Volatile.Read(ref Slots[slot]) is string existing && existing.Length == length && string.CompareOrdinal(existing, 0, text, start, length) == 0)
            {
                return existing;
            }

            string value = whole ?? text.Substring(start, length);
            Volatile.Write(ref Slots[slot], value);
            return value;
        }

        /// <summary>A record (compared by value): the one in the table when equal, else <paramref name="value"/>.</summary>
        [MethodImpl(Jit.Hot)]
        public static T Share<T>(T value)
            where T : class, IEquatable<T>
            => Share(value, value.GetHashCode(), static (a, b) => a.Equals(b));

        /// <summary>A list's array: the one in the table when it holds equal items, else <paramref name="items"/>'s.</summary>
        [MethodImpl(Jit.Hot)]
        public static EquatableArray<string> Share(EquatableArray<string> items)
        {
            if (items.Identity is not string[] array)
            {
                return items;
            }

            return new EquatableArray<string>(Share(array, items.GetHashCode(), static (a, b) => new EquatableArray<string>(a).Equals(new EquatableArray<string>(b))));
        }

        [MethodImpl(Jit.Hot)]
        private static T Share<T>(T value, int hash, Func<T, T, bool> equal)
            where T : class
        {
            int slot = SlotOf(hash);
            if (Volatile.Read(ref Slots[slot]) is T existing && equal(existing, value))
            {
                return existing;
            }

            Volatile.Write(ref Slots[slot], value);
            return value;
        }

        /// <summary>The hash's top bits after a multiply pick the slot (a list's or record's hash may vary little in its low bits).</summary>
        private static int SlotOf(int hash) => (int)(unchecked((uint)hash * 0x9E3779B9u) >> (32 - Bits));

        /// <summary>FNV-1a of the characters: the same for a string and for the same characters inside a page's text.</summary>
        [MethodImpl(Jit.Hot)]
        private static int TextHash(string text, int start, int length)
        {
            uint hash = 2166136261u;
            for (int i = start; i < start + length; i++)
            {
                hash = unchecked((hash ^ text[i]) * 16777619u);
            }

            return unchecked((int)hash);
        }
    }
}
