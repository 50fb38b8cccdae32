using System.Threading;
using SpecGen.Format;

namespace SpecGen
{
    public sealed partial class SpecCatalog
    {
        private int[]? _targetArchitectures;

        /// <summary>The index in archspec's data of the target of entry <paramref name="spec"/>, or -1 when archspec does not know it.</summary>
        internal int ArchIndex(int spec)
        {
            int[] architectures = _targetArchitectures ?? BuildTargetArchitectures();
            return architectures[ValueIndex(Dimensions.Target, spec)];
        }

        /// <summary>Each target name's index in archspec's data, once per catalog.</summary>
        private int[] BuildTargetArchitectures()
        {
            var architectures = new int[SectionCount(Dimensions.Target.Names)];
            for (int i = 0; i < architectures.Length; i++)
            {
                architectures[i] = ArchspecGraph.IndexOf(Name(Dimensions.Target, i));
            }

            return Interlocked.CompareExchange(ref _targetArchitectures, architectures, null) ?? architectures;
        }
    }
}
