using System;

namespace SpecGen
{
    /// <summary>
    /// The convention every enumerator of SpecGen follows, as the BCL's array and string enumerators do: reading
    /// <c>Current</c> before the first <c>MoveNext</c> or after the last one throws <see cref="InvalidOperationException"/>;
    /// <c>MoveNext</c> keeps returning false at the end.
    /// </summary>
    internal static class Enumeration
    {
        public static InvalidOperationException NotStarted() => new InvalidOperationException("Enumeration has not started. Call MoveNext.");

        public static InvalidOperationException Ended() => new InvalidOperationException("Enumeration already finished.");

        /// <summary>Throws unless <paramref name="index"/> is in [<paramref name="start"/>, <paramref name="end"/>).</summary>
        public static void CheckPosition(int index, int start, int end)
        {
            if (index < start)
            {
                throw NotStarted();
            }

            if (index >= end)
            {
                throw Ended();
            }
        }
    }
}
