using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using SpecGen.Tests.Infrastructure;
using Xunit;

namespace SpecGen.Tests.Archspec
{
    /// <summary>
    /// archspec's choice of the host among the compatible targets (detect.py host() and its x86_64 and aarch64 checks:
    /// vendor, features, CPU part, the best generic, ancestors then features, the first on a tie), on reports made from
    /// every target of archspec's JSON, those reports with a feature taken away, and random reports. The expected answer
    /// is <see cref="ArchspecOracle.Host"/>, written from archspec's description over the JSON, not SpecGen's detection.
    /// </summary>
    public class HostSelectionTests
    {
        private static readonly ArchspecOracle Oracle = ArchspecOracle.Instance;

        public static IEnumerable<object[]> Targets()
        {
            return Oracle.InOrder.Where(n => Oracle.Family(n) is "x86_64" or "aarch64").Select(n => new object[] { n });
        }

        [Theory]
        [MemberData(nameof(Targets))]
        public void A_report_of_exactly_a_targets_vendor_features_and_part_is_detected_as_archspec_detects_it(string target)
        {
            string family = Oracle.Family(target);
            string[] features = Oracle.Features(target).ToArray();
            string expected = Oracle.Host(family, Oracle.Vendor(target), features, Oracle.CpuPart(target));

            Assert.Equal(expected, Detect(family, Oracle.Vendor(target), features, Oracle.CpuPart(target)));
        }

        [Theory]
        [MemberData(nameof(Targets))]
        public void The_same_report_without_any_one_feature_is_detected_as_archspec_detects_it(string target)
        {
            string family = Oracle.Family(target);
            string[] features = Oracle.Features(target).ToArray();
            foreach (string missing in features)
            {
                string[] fewer = features.Where(f => f != missing).ToArray();
                string expected = Oracle.Host(family, Oracle.Vendor(target), fewer, Oracle.CpuPart(target));
                Assert.True(expected == Detect(family, Oracle.Vendor(target), fewer, Oracle.CpuPart(target)), target + " without " + missing + ": archspec says " + expected);
            }
        }

        [Fact]
        public void Most_targets_are_detected_as_themselves_from_their_own_features()
        {
            // The oracle is not trivially generic: a named part is what its own report gives in most cases (the rest
            // are parts whose features another part of the same vendor also has, with more ancestors or features).
            string[] named = Targets().Select(t => (string)t[0]).Where(n => Oracle.Vendor(n) != "generic").ToArray();
            int themselves = named.Count(n => Oracle.Host(Oracle.Family(n), Oracle.Vendor(n), Oracle.Features(n), Oracle.CpuPart(n)) == n);
            Assert.True(themselves * 4 >= named.Length * 3, themselves + " of " + named.Length);
        }

        [Fact]
        public void A_cpu_part_narrows_the_choice_only_when_a_compatible_target_has_it()
        {
            // neoverse_v2's features cover neoverse_n2's (same vendor, fewer ancestors would lose): the part decides.
            string[] v2 = Oracle.Features("neoverse_v2").ToArray();
            Assert.Equal("neoverse_n2", Detect("aarch64", "ARM", v2.Concat(Oracle.Features("neoverse_n2")), Oracle.CpuPart("neoverse_n2")));
            Assert.Equal(Oracle.Host("aarch64", "ARM", v2, "0xfff"), Detect("aarch64", "ARM", v2, "0xfff"));
            Assert.Equal("neoverse_v2", Detect("aarch64", "ARM", v2, "0xfff"));
        }

        [Fact]
        public void Random_reports_are_detected_as_archspec_detects_them()
        {
            string[] families = { "x86_64", "aarch64" };
            Dictionary<string, string[]> features = families.ToDictionary(f => f, f => Oracle.InOrder.Where(n => Oracle.Family(n) == f).SelectMany(Oracle.Features).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray());
            Dictionary<string, string[]> vendors = families.ToDictionary(f => f, f => Oracle.InOrder.Where(n => Oracle.Family(n) == f).Select(Oracle.Vendor).Append("Elsewhere").Distinct().ToArray());
            string[] parts = Oracle.InOrder.Select(Oracle.CpuPart).Where(p => p.Length > 0).Append("0xfff").Append(string.Empty).Distinct().ToArray();

            // A target's features plus or minus a few: near the edges where one feature moves the answer.
            Gen.Select(Gen.Int[0, 1], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 3].Array, Gen.Int[0, 1000].Array)
                .Sample((f, t, v, p, drop, add) =>
                {
                    string family = families[f];
                    string[] named = Oracle.InOrder.Where(n => Oracle.Family(n) == family).ToArray();
                    string start = named[t % named.Length];
                    var have = Oracle.Features(start).ToList();
                    foreach (int d in drop)
                    {
                        if (have.Count > 0)
                        {
                            have.RemoveAt(d % have.Count);
                        }
                    }

                    have.AddRange(add.Select(a => features[family][a % features[family].Length]));
                    string vendor = v % 3 == 0 ? vendors[family][v % vendors[family].Length] : Oracle.Vendor(start);
                    string part = p % 3 == 0 ? parts[p % parts.Length] : Oracle.CpuPart(start);
                    string expected = Oracle.Host(family, vendor, have, part);
                    string detected = Detect(family, vendor, have, part);
                    return expected == detected;
                }, iter: 3000, seed: "0000000000002");
        }

        [Theory]
        [MemberData(nameof(Targets))]
        public void A_macos_report_of_an_intel_or_amd_target_is_read_in_darwin_spelling(string target)
        {
            if (Oracle.Family(target) != "x86_64")
            {
                Assert.Equal("aarch64", Oracle.Family(target));
                return;
            }

            // sysctl's spelling: upper case, the JSON's Darwin names for the Linux ones it converts, spread over the
            // three keys archspec reads (features, leaf7_features, extfeatures).
            var darwin = new List<string>();
            foreach (string feature in Oracle.Features(target))
            {
                string? spelled = Oracle.DarwinFlags.Where(p => p.Value.Split(' ').Contains(feature)).Select(p => p.Key).FirstOrDefault();
                darwin.AddRange((spelled ?? feature).Split(' ').Select(f => f.ToUpperInvariant()));
            }

            string[] keys = { "machdep.cpu.features", "machdep.cpu.leaf7_features", "machdep.cpu.extfeatures" };
            string sysctl = "machdep.cpu.vendor: " + Oracle.Vendor(target) + "\nmachdep.cpu.brand_string: Intel(R) Xeon(R)\n"
                + string.Join('\n', keys.Select((k, i) => k + ": " + string.Join(' ', darwin.Where((_, j) => j % 3 == i)))) + "\n";

            // What archspec reads from it: the names in lower case, then each conversion whose Darwin names are all there.
            var read = new HashSet<string>(darwin.Select(f => f.ToLowerInvariant()), StringComparer.Ordinal);
            foreach (KeyValuePair<string, string> conversion in Oracle.DarwinFlags)
            {
                if (conversion.Key.Split(' ').All(read.Contains))
                {
                    read.UnionWith(conversion.Value.Split(' '));
                }
            }

            string expected = Oracle.Host("x86_64", Oracle.Vendor(target), read, string.Empty);
            Assert.Equal(expected, Microarchitecture.DetectFromSysctl(sysctl, "x86_64").Name);
        }

        /// <summary>A /proc/cpuinfo block as Linux writes it for the family, detected by SpecGen.</summary>
        private static string Detect(string family, string vendor, IEnumerable<string> features, string cpuPart)
        {
            string text;
            if (family == "x86_64")
            {
                text = "processor\t: 0\nvendor_id\t: " + vendor + "\nflags\t\t: " + string.Join(' ', features) + "\n";
            }
            else
            {
                // The implementer as its code when the JSON has one, else the vendor as written (archspec keeps an unknown code).
                string code = Oracle.ArmVendors.Where(p => p.Value == vendor).Select(p => p.Key).FirstOrDefault() ?? vendor;
                text = "processor\t: 0\nFeatures\t: " + string.Join(' ', features) + "\n" + (vendor == "generic" ? string.Empty : "CPU implementer\t: " + code + "\n")
                    + (cpuPart.Length == 0 ? string.Empty : "CPU part\t: " + cpuPart + "\n");
            }

            return Microarchitecture.DetectFromCpuInfo(text, family).Name;
        }
    }
}
