using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Model;

using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Pages
{
    /// <summary>A spec that passed its own checks, with the place of its hash.</summary>
    internal readonly struct SpecRead
    {
        public SpecRead(SpecData data, TextSpan hashSpan, LocationInfo hashLocation)
        {
            Data = data;
            HashSpan = hashSpan;
            HashLocation = hashLocation;
        }

        public SpecData Data { get; }

        public TextSpan HashSpan { get; }

        public LocationInfo HashLocation { get; }
    }
}
