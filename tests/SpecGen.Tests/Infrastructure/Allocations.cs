using System;
using Xunit;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>Checks that a piece of work allocates nothing on the managed heap once warmed up.</summary>
    internal static class Allocations
    {
        /// <summary>
        /// Runs <paramref name="work"/> once to warm up (strings and bitsets are made on first use), then again
        /// between two readings of the thread's allocation counter. The work returns a count of what it found, so
        /// that a test that finds nothing fails instead of passing on an empty loop.
        /// </summary>
        public static void AssertNone(Func<int> work)
        {
            work();
            long before = GC.GetAllocatedBytesForCurrentThread();
            int found = work();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.True(found > 0, "the measured work found nothing");
            Assert.Equal(0, allocated);
        }
    }
}
