using System;
using System.IO;
using Xunit;

namespace SpecGen.Tests.Infrastructure
{
    /// <summary>
    /// Stored expected outputs under tests/SpecGen.Tests/Snapshots. A mismatch writes the actual text next to
    /// the snapshot as *.received and fails; set SPECGEN_UPDATE_SNAPSHOTS=1 to accept it.
    /// </summary>
    internal static class Snapshot
    {
        public static string Compare(string name, string actual)
        {
            string directory = Path.Combine(TestPaths.RepositoryRoot, "tests", "SpecGen.Tests", "Snapshots");
            string path = Path.Combine(directory, name + ".txt");
            if (Environment.GetEnvironmentVariable("SPECGEN_UPDATE_SNAPSHOTS") == "1")
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(path, actual);
            }

            Assert.True(File.Exists(path), "No snapshot " + path + "; run with SPECGEN_UPDATE_SNAPSHOTS=1 to create it.");
            string expected = File.ReadAllText(path);
            if (expected != actual)
            {
                File.WriteAllText(path + ".received", actual);
            }

            Assert.Equal(expected, actual);
            return expected;
        }
    }
}
