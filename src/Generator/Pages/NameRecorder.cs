using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Format;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Pages
{
    /// <summary>Keeps the first place each name appears in a page, and how many times it is used.</summary>
    internal sealed class NameRecorder
    {
        private readonly PageContext _page;
        private readonly Dictionary<(Dimension, string), int> _index = new Dictionary<(Dimension, string), int>();
        private readonly List<(Dimension Kind, string Name, TextSpan Span, int Count)> _names = new List<(Dimension, string, TextSpan, int)>();

        [MethodImpl(Jit.Hot)]
        public NameRecorder(PageContext page)
        {
            _page = page;
        }

        [MethodImpl(Jit.Hot)]
        public void Add(Dimension kind, string name, TextSpan span)
        {
            if (_index.TryGetValue((kind, name), out int at))
            {
                var entry = _names[at];
                _names[at] = (entry.Kind, entry.Name, entry.Span, entry.Count + 1);
            }
            else
            {
                _index.Add((kind, name), _names.Count);
                _names.Add((kind, SharedValues.Share(name), span, 1));
            }
        }

        [MethodImpl(Jit.Hot)]
        public EquatableArray<NameOccurrence> ToArray()
        {
            var names = new NameOccurrence[_names.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = new NameOccurrence(_names[i].Kind, _names[i].Name, _page.Location(_names[i].Span), _names[i].Count);
            }

            return new EquatableArray<NameOccurrence>(names);
        }
    }
}
