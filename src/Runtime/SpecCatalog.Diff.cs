using System;

namespace SpecGen
{
    public sealed partial class SpecCatalog
    {
        /// <summary>
        /// What changed between two snapshot tags of the catalog: per package, the binaries added, removed and kept,
        /// matched by hash. Throws <see cref="ArgumentException"/> for a tag the catalog does not have.
        /// </summary>
        public SpecDiff Diff(string fromTag, string toTag)
        {
            CheckTag(fromTag, nameof(fromTag));
            CheckTag(toTag, nameof(toTag));
            return SpecDiff.Between(fromTag, Where(tag: fromTag), toTag, Where(tag: toTag));
        }

        private void CheckTag(string tag, string parameter)
        {
            if (tag is null)
            {
                throw new ArgumentNullException(parameter);
            }

            if (!Tags.Contains(tag))
            {
                throw new ArgumentException("The catalog has no snapshot tag '" + tag + "' (it has " + Tags + ").", parameter);
            }
        }
    }
}
