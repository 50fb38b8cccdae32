using System;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>The compiler of a spec: <c>gcc@11.4.0</c>, <c>gcc@=13.2.0</c> (exact version), or none.</summary>
    public readonly struct Compiler : IEquatable<Compiler>
    {
        private readonly SpecCatalog? _catalog;
        private readonly int _index;

        internal Compiler(SpecCatalog catalog, int index)
        {
            _catalog = catalog;
            _index = index;
        }

        private SpecCatalog Catalog => _catalog ?? throw new InvalidOperationException("This Compiler is default: it belongs to no catalog.");

        /// <summary>True when the spec names no compiler (<c>none</c>, e.g. pure Python packages).</summary>
        public bool IsNone => (Flags & CompilerFlags.None) != 0;

        /// <summary>The compiler name (<c>gcc</c>, <c>intel-oneapi-compilers</c>); <c>none</c> when there is none.</summary>
        public string Name => Catalog.GetString(Catalog.Read(Section.CompilerName, _index));

        /// <summary>The compiler version (<c>11.4.0</c>), ordered by Spack's rules; empty when there is none.</summary>
        public SpackVersion Version => Catalog.VersionOf(Catalog.Read(Section.CompilerVersion, _index));

        /// <summary>True when the page writes <c>name@=version</c>: exactly this version.</summary>
        public bool IsExact => (Flags & CompilerFlags.Exact) != 0;

        /// <summary>The compiler exactly as the page writes it.</summary>
        public string Text => Catalog.GetString(Catalog.Read(Section.CompilerText, _index));

        private int Flags => Catalog.Read(Section.CompilerFlags, _index);

        /// <inheritdoc/>
        public override string ToString() => _catalog is null ? string.Empty : Text;

        /// <inheritdoc/>
        public bool Equals(Compiler other) => ReferenceEquals(_catalog, other._catalog) && _index == other._index;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Compiler other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => _index;

        /// <summary>Same compiler text in the same catalog.</summary>
        public static bool operator ==(Compiler left, Compiler right) => left.Equals(right);

        /// <summary>Different compiler text or catalog.</summary>
        public static bool operator !=(Compiler left, Compiler right) => !left.Equals(right);
    }
}
