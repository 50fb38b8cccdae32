using System.Globalization;
using System.Runtime.CompilerServices;
using SpecGen.Format;

namespace SpecGen.Generator.Pages
{
    /// <summary>
    /// Where a value is in a page, for messages: <c>title</c>, <c>meta.num_specs</c>,
    /// <c>spec_details[3].variants[2]</c>. A value; its text is made only when a message needs it.
    /// </summary>
    internal readonly struct FieldPath
    {
        private readonly string? _root;
        private readonly int _rootIndex;
        private readonly string? _key;
        private readonly int _index;

        [MethodImpl(Jit.Hot)]
        public FieldPath(string root, int rootIndex = -1, string? key = null, int index = -1)
        {
            _root = root;
            _rootIndex = rootIndex;
            _key = key;
            _index = index;
        }

        public bool IsEmpty => _root is null || _root.Length == 0;

        public static implicit operator FieldPath(string root) => new FieldPath(root);

        /// <summary>The path of a key inside this one (at most two levels: the root, then a key).</summary>
        public FieldPath Key(string key) => IsEmpty ? new FieldPath(key) : new FieldPath(_root!, _rootIndex, key);

        /// <summary>The path of an item of the list at this path.</summary>
        public FieldPath Item(int index) => _key is null ? new FieldPath(_root!, index) : new FieldPath(_root!, _rootIndex, _key, index);

        [MethodImpl(Jit.Hot)]
        public override string ToString()
        {
            string text = _root ?? string.Empty;
            if (_rootIndex >= 0)
            {
                text += "[" + _rootIndex.ToString(CultureInfo.InvariantCulture) + "]";
            }

            if (_key is not null)
            {
                text += "." + _key;
            }

            if (_index >= 0)
            {
                text += "[" + _index.ToString(CultureInfo.InvariantCulture) + "]";
            }

            return text;
        }
    }
}
