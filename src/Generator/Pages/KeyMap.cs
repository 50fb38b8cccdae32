using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Parsing;

namespace SpecGen.Generator.Pages
{
    /// <summary>
    /// The keys of a mapping, in page order: non-string keys and repeated keys are reported (the first value of a
    /// key counts). Found by a scan, since the format's mappings are small, or by an index past 16 keys.
    /// </summary>
    internal sealed class KeyMap
    {
        private const int ScanLimit = 16;
        private readonly List<KeyEntry> _entries;
        private Dictionary<string, int>? _index;

        private KeyMap(int capacity)
        {
            _entries = new List<KeyEntry>(capacity);
        }

        public IReadOnlyList<KeyEntry> Entries => _entries;

        /// <summary>Indexes a mapping; reports non-string keys (SPG0004) and duplicate keys (SPG0019).</summary>
        [MethodImpl(Jit.Hot)]
        public static KeyMap Read(PageContext page, YamlMapping mapping, FieldPath path)
        {
            var keys = new KeyMap(mapping.Entries.Count);
            foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Entries)
            {
                if (pair.Key is YamlScalar { IsNull: true, Span.Length: 0 })
                {
                    // An empty key has no text to point at: point at its value.
                    page.Report(DiagnosticDescriptors.WrongShape, pair.Value.Span, "a key of " + (path.IsEmpty ? "the front matter" : path.ToString()), "a string", "missing (this value has no key)");
                    continue;
                }

                // Not a pattern: a pattern's variable is unassigned under some mutants, which makes Stryker skip the method.
                var key = pair.Key as YamlScalar;
                if (key is null || key.IsNull)
                {
                    page.WrongShape(pair.Key, "a key of " + (path.IsEmpty ? "the front matter" : path.ToString()), "a string");
                    continue;
                }

                if (keys.TryGetValue(key.Value, out KeyEntry first))
                {
                    page.Report(DiagnosticDescriptors.DuplicateKey, key.Span, first.Key.Span, key.Value, path.IsEmpty ? string.Empty : " in " + path.ToString());
                    continue;
                }

                keys.Add(new KeyEntry(key, pair.Value));
            }

            return keys;
        }

        [MethodImpl(Jit.Hot)]
        public bool TryGetValue(string key, out KeyEntry entry)
        {
            if (_index is not null)
            {
                if (_index.TryGetValue(key, out int at))
                {
                    entry = _entries[at];
                    return true;
                }
            }
            else
            {
                foreach (KeyEntry candidate in _entries)
                {
                    if (string.Equals(candidate.Key.Value, key, StringComparison.Ordinal))
                    {
                        entry = candidate;
                        return true;
                    }
                }
            }

            entry = default;
            return false;
        }

        /// <summary>SPG0003 at <paramref name="owner"/> when the key is missing.</summary>
        [MethodImpl(Jit.Hot)]
        public bool Require(PageContext page, string key, TextSpan owner, FieldPath path, out KeyEntry entry)
        {
            if (TryGetValue(key, out entry))
            {
                return true;
            }

            page.Report(DiagnosticDescriptors.MissingKey, owner, key, path.IsEmpty ? string.Empty : " from " + path.ToString());
            return false;
        }

        /// <summary>SPG0005 for every key <paramref name="isKnown"/> rejects.</summary>
        [MethodImpl(Jit.Hot)]
        public void ReportUnknown(PageContext page, Func<string, bool> isKnown, FieldPath path)
        {
            foreach (KeyEntry entry in _entries)
            {
                if (!isKnown(entry.Key.Value))
                {
                    page.Report(DiagnosticDescriptors.UnknownKey, entry.Key.Span, entry.Key.Value, path.IsEmpty ? string.Empty : " in " + path.ToString());
                }
            }
        }

        [MethodImpl(Jit.Hot)]
        private void Add(KeyEntry entry)
        {
            _entries.Add(entry);
            if (_index is not null)
            {
                _index.Add(entry.Key.Value, _entries.Count - 1);
            }
            else if (_entries.Count > ScanLimit)
            {
                _index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < _entries.Count; i++)
                {
                    _index.Add(_entries[i].Key.Value, i);
                }
            }
        }
    }
}
