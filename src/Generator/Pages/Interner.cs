using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using SpecGen.Generator.Model;

using SpecGen.Format;

namespace SpecGen.Generator.Pages
{
    /// <summary>
    /// Gives equal strings and equal lists of a page one instance: specs repeat values, and the encoder finds
    /// values by instance before it hashes their characters. A value new to the page is taken from
    /// <see cref="SharedValues"/>, so pages share them too.
    /// </summary>
    internal sealed class Interner
    {
        private readonly Dictionary<string, string> _strings = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<EquatableArray<string>, EquatableArray<string>> _lists = new Dictionary<EquatableArray<string>, EquatableArray<string>>();

        [MethodImpl(Jit.Hot)]
        public string Intern(string value)
        {
            if (_strings.TryGetValue(value, out string? existing))
            {
                return existing;
            }

            value = SharedValues.Share(value);
            _strings.Add(value, value);
            return value;
        }

        /// <summary>The list's one instance; its items are interned in place.</summary>
        [MethodImpl(Jit.Hot)]
        public EquatableArray<string> Intern(string[] items)
        {
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Intern(items[i]);
            }

            var list = new EquatableArray<string>(items);
            if (_lists.TryGetValue(list, out EquatableArray<string> existing))
            {
                return existing;
            }

            list = SharedValues.Share(list);
            _lists.Add(list, list);
            return list;
        }
    }
}
