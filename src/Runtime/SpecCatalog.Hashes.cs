using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// Hash lookups. The distinct hashes sit in a table of slots in sorted order, each at its home slot (from
    /// its first six characters) or just after it, so a prefix walks the few slots around its home. A full hash
    /// goes through the full-hash table made on the first such lookup (one word read, one stored hash compared:
    /// see SpecCatalog.FullHashIndex.cs), or, where a catalog has none, the same sorted walk.
    /// </summary>
    public sealed unsafe partial class SpecCatalog
    {
        /// <summary>
        /// Finds the spec whose hash is <paramref name="hashOrUniquePrefix"/> or starts with it, by Spack's
        /// <c>/hash</c> rule: the prefix must match exactly one distinct hash (an ambiguous prefix finds nothing).
        /// A hash kept in several snapshot tags is one binary listed several times; this returns its first
        /// entry in catalog order (see <see cref="FindByHash"/> for all of them). Allocates nothing.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryFindByHash(ReadOnlySpan<char> hashOrUniquePrefix, out Spec spec)
        {
            // Returned by value (in two registers on x64 Unix and Arm64, a stack buffer on Windows x64), then stored where the caller wants it: written through the caller's
            // reference inside the search, the spec (a catalog reference) took the runtime's checked write barrier.
            spec = FindFirstByHash(hashOrUniquePrefix);
            return spec.IsFromCatalog;
        }

        /// <summary>The spec <see cref="TryFindByHash"/> finds, or default.</summary>
        private Spec FindFirstByHash(ReadOnlySpan<char> hashOrUniquePrefix)
        {
            // The common case in a method of its own size: a full hash once the full-hash table is made. Everything
            // else (the first lookup, a prefix, a catalog without a table) is one call away, so this path saves and
            // restores few registers.
            FullHashTable? table = _fullHashTable;
            if (hashOrUniquePrefix.Length == CatalogLayout.HashLength && table?.Entries is not null && _fullHashMix is null)
            {
                (ulong home, uint check) = HomeAndCheck(hashOrUniquePrefix);
                return Probe(table, home, check, hashOrUniquePrefix);
            }

            return TryFindByHashSlow(hashOrUniquePrefix, out Spec spec) ? spec : default;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private bool TryFindByHashSlow(ReadOnlySpan<char> hashOrUniquePrefix, out Spec spec)
        {
            if (hashOrUniquePrefix.Length == CatalogLayout.HashLength)
            {
                // A full hash cannot be ambiguous: one table over every part's hashes names the first part that has it.
                bool found = TryFindInFullHashTable(hashOrUniquePrefix, out spec, out bool answered);
                if (answered)
                {
                    return found;
                }
            }

            if (_parts is not null)
            {
                return TryFindByHashCombined(hashOrUniquePrefix, out spec);
            }

            int slot = hashOrUniquePrefix.Length == CatalogLayout.HashLength
                ? FindFullHash(hashOrUniquePrefix)
                : FindPrefix(hashOrUniquePrefix, out _);
            if (slot < 0)
            {
                spec = default;
                return false;
            }

            spec = new Spec(this, FirstSpecOf(slot));
            return true;
        }

        /// <summary>
        /// Looks up a hash or hash prefix and tells whether it matched nothing, one distinct hash (with every
        /// entry of that hash, one per snapshot tag that lists it), or several hashes. Allocates nothing.
        /// </summary>
        public HashMatch FindByHash(ReadOnlySpan<char> hashOrPrefix)
        {
            if (_parts is not null)
            {
                return FindByHashCombined(hashOrPrefix, firstOnly: false);
            }

            int slot = FindPrefix(hashOrPrefix, out int matches);
            if (slot < 0)
            {
                return new HashMatch(this, matches > 1 ? HashMatchStatus.Ambiguous : HashMatchStatus.NotFound, -1, 0, 0);
            }

            int start = Read(_hashEntryStart, slot);
            int end = Read(_hashEntryStart, slot + 1);
            return new HashMatch(this, HashMatchStatus.Found, slot, start, end - start);
        }

        /// <summary>
        /// A full hash found without the full-hash table: on one catalog by the sorted walk from its home slot, on a
        /// combined one by asking the parts in order. Tests compare it with the table's answers.
        /// </summary>
        internal bool TryFindFullHashWithoutTable(ReadOnlySpan<char> hash, out Spec spec)
        {
            if (_parts is null)
            {
                int slot = FindFullHash(hash);
                spec = slot < 0 ? default : new Spec(this, FirstSpecOf(slot));
                return slot >= 0;
            }

            foreach (SpecCatalog part in _parts)
            {
                if (part.TryFindFullHashWithoutTable(hash, out spec))
                {
                    return true;
                }
            }

            spec = default;
            return false;
        }

        /// <summary>The spec at an entry of the hash-grouped list.</summary>
        internal Spec HashEntry(int position) => new Spec(this, Read(_hashEntries, position));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private byte* Slot(int slot) => _slots + ((long)slot * _slotSize);

        private int FirstSpecOf(int slot) => FirstSpecAt(Slot(slot));

        /// <summary>The first spec of the slot that starts at <paramref name="stored"/> (a slot of this catalog): its digits after the hash.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int FirstSpecAt(byte* stored)
        {
            byte* digits = stored + CatalogLayout.HashLength;
#if NET8_0_OR_GREATER
            if (_slotDigits <= 4 && System.Runtime.Intrinsics.X86.Bmi2.IsSupported)
            {
                // All digits at once: each byte minus '#', minus one more past '\\', then the 6-bit fields gathered.
                uint x = Unsafe.ReadUnaligned<uint>(digits);
                uint adjust = ((x + 0x23232323u) >> 7) & 0x01010101u;
                uint values = x - 0x23232323u - adjust;
                return (int)System.Runtime.Intrinsics.X86.Bmi2.ParallelBitExtract(values, 0x3F3F3F3Fu >> (8 * (4 - _slotDigits)));
            }
#endif

            return Digits.Read(new ReadOnlySpan<byte>(digits, _slotDigits), 0, _slotDigits);
        }

        /// <summary>
        /// The slot of a full 32-character hash, or -1, without the full-hash table (the path of a catalog that has
        /// none; tests compare the two). Walks the slots from the hash's home by their 16-bit
        /// fingerprints (a dense array made on the first lookup, a few cache lines per thousand hashes), so a miss
        /// usually reads no slot at all and a hit reads one; stops at an empty slot or a greater hash.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int FindFullHash(ReadOnlySpan<char> hash)
        {
            ushort[] fingerprints = _fingerprints ?? BuildFingerprints();
            ushort wanted = QueryFingerprint(hash);
            for (int slot = CatalogLayout.HomeSlot(FullHashKey(hash), _homeSlots); slot < _slotCount; slot++)
            {
                ushort fingerprint = fingerprints[slot];
                if (fingerprint == 0)
                {
                    return -1;
                }

                if (fingerprint != wanted)
                {
                    continue;
                }

                int c = Compare(Slot(slot), hash);
                if (c == 0)
                {
                    return slot;
                }

                if (c > 0)
                {
                    return -1;
                }
            }

            return -1;
        }

        /// <summary>Each slot's fingerprint (0 for an empty slot), made once.</summary>
        private ushort[] BuildFingerprints()
        {
            var fingerprints = new ushort[_slotCount];
            for (int slot = 0; slot < _slotCount; slot++)
            {
                byte* stored = Slot(slot);
                fingerprints[slot] = *stored == CatalogLayout.EmptySlot ? (ushort)0 : Fingerprint(Unsafe.ReadUnaligned<ulong>(stored + FingerprintStart));
            }

            return System.Threading.Interlocked.CompareExchange(ref _fingerprints, fingerprints, null) ?? fingerprints;
        }

        /// <summary>Characters 8 to 15 of a hash (past the ones that pick the home slot) make its fingerprint.</summary>
        private const int FingerprintStart = 8;

        /// <summary>A nonzero 16-bit fingerprint of eight hash characters packed as bytes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ushort Fingerprint(ulong eightChars)
        {
            ushort fingerprint = (ushort)((eightChars * 0x9E3779B97F4A7C15UL) >> 48);
            return fingerprint == 0 ? (ushort)1 : fingerprint;
        }

        /// <summary>The fingerprint of a query's characters 8 to 15 (each taken as its low byte, as stored hashes are ASCII).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ushort QueryFingerprint(ReadOnlySpan<char> hash)
        {
            ref byte chars = ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(hash), FingerprintStart));
            return Fingerprint(Pack(Unsafe.ReadUnaligned<ulong>(ref chars)) | (Pack(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref chars, 8))) << 32));
        }

        /// <summary>Four 16-bit characters to their four low bytes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Pack(ulong fourChars)
        {
            ulong x = fourChars & 0x00FF00FF00FF00FFUL;
            x = (x | (x >> 8)) & 0x0000FFFF0000FFFFUL;
            return (x | (x >> 16)) & 0x00000000FFFFFFFFUL;
        }

        /// <summary>
        /// The slot of the one distinct hash that starts with <paramref name="prefix"/>, or -1;
        /// <paramref name="matches"/> is 0, 1 or 2 (two or more).
        /// </summary>
        private int FindPrefix(ReadOnlySpan<char> prefix, out int matches)
        {
            matches = 0;
            int length = prefix.Length;
            if (length == 0 || length > CatalogLayout.HashLength)
            {
                return -1;
            }

            int key = CatalogLayout.Key(prefix, Math.Min(CatalogLayout.KeyChars, length));
            if (key < 0)
            {
                return -1;
            }

            // Hashes with the prefix sit at or after the home of its smallest completion, contiguous in sorted
            // order; the slots before them hold only smaller hashes displaced from earlier homes, or nothing.
            int found = -1;
            for (int slot = CatalogLayout.HomeSlot(key, _homeSlots); slot < _slotCount; slot++)
            {
                byte* stored = Slot(slot);
                if (*stored == CatalogLayout.EmptySlot)
                {
                    continue;
                }

                int c = ComparePrefix(stored, prefix);
                if (c < 0)
                {
                    continue;
                }

                if (c > 0)
                {
                    break;
                }

                if (found >= 0)
                {
                    matches = 2;
                    return -1;
                }

                found = slot;
                matches = 1;
                if (length == CatalogLayout.HashLength)
                {
                    break;
                }
            }

            return found;
        }

        /// <summary>The key of a 32-character query (<see cref="CatalogLayout.UncheckedKey"/>), with SIMD where the CPU has it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int FullHashKey(ReadOnlySpan<char> hash)
        {
#if NET8_0_OR_GREATER
            if (System.Runtime.Intrinsics.X86.Sse2.IsSupported)
            {
                // Ranks of the first eight characters at once, then pairs of 5-bit ranks joined by a multiply-add.
                Vector128<ushort> c = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(hash)));
                Vector128<ushort> rank = (c - Vector128.Create((ushort)0x32) - (Vector128.ShiftRightLogical(c, 6) * Vector128.Create((ushort)41))) & Vector128.Create((ushort)31);
                Vector128<int> pairs = System.Runtime.Intrinsics.X86.Sse2.MultiplyAddAdjacent(rank.AsInt16(), Vector128.Create((short)32, 1, 32, 1, 32, 1, 32, 1));
                return (pairs.GetElement(0) << 20) | (pairs.GetElement(1) << 10) | pairs.GetElement(2);
            }
#endif
            return CatalogLayout.UncheckedKey(hash);
        }

        /// <summary>Compares a stored hash with a 32-character query.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Compare(byte* stored, ReadOnlySpan<char> hash)
        {
#if NET8_0_OR_GREATER
            if (Vector256.IsHardwareAccelerated)
            {
                var bytes = Vector256.Load(stored);
                (Vector256<ushort> low, Vector256<ushort> high) = Vector256.Widen(bytes);
                ref ushort query = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(hash));
                uint low16 = Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.LoadUnsafe(ref query), low));
                uint high16 = Vector256.ExtractMostSignificantBits(Vector256.Equals(Vector256.LoadUnsafe(ref query, 16), high));
                uint equal = low16 | (high16 << 16);
                if (equal == uint.MaxValue)
                {
                    return 0;
                }

                // The first character that differs decides the order.
                int i = System.Numerics.BitOperations.TrailingZeroCount(~equal);
                return stored[i] - hash[i];
            }
#endif
            return ComparePrefix(stored, hash);
        }

        /// <summary>Compares the first <c>prefix.Length</c> characters of a stored hash with <paramref name="prefix"/>.</summary>
        private static int ComparePrefix(byte* stored, ReadOnlySpan<char> prefix)
        {
            for (int i = 0; i < prefix.Length; i++)
            {
                int c = stored[i] - prefix[i];
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
