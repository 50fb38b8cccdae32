using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace SpecGen.Generator.Common
{
    /// <summary>Equality by instance (netstandard2.0 has no <c>ReferenceEqualityComparer</c>); contravariant, so it serves any reference type.</summary>
    internal sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new ReferenceComparer();

        private ReferenceComparer()
        {
        }

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
