using System;
using System.Collections.Generic;
using System.Globalization;
using SpecGen.Format;

namespace SpecGen
{
    /// <summary>
    /// What a machine says about its CPU, reduced to what archspec's detection reads (its "partial
    /// microarchitecture": a name, a vendor, features, a POWER generation, an AArch64 CPU part), and the choice of
    /// the best known microarchitecture for it (archspec's <c>compatible_microarchitectures</c> and <c>host</c>).
    /// </summary>
    internal sealed class CpuReport
    {
        private const string X86_64 = "x86_64";
        private const string Aarch64 = "aarch64";
        private const string Ppc64le = "ppc64le";
        private const string Ppc64 = "ppc64";
        private const string Riscv64 = "riscv64";

        private CpuReport(string family, bool darwin)
        {
            Family = family;
            Darwin = darwin;
        }

        /// <summary>The architecture family the machine reports: on Linux what <c>uname -m</c> says, as it says it (archspec trusts platform.machine() there); on macOS decided by the brand.</summary>
        public string Family { get; }

        /// <summary>True for a macOS report: AArch64 compatibility then follows the model, not the features.</summary>
        public bool Darwin { get; }

        public string Name { get; private set; } = string.Empty;

        public string Vendor { get; private set; } = string.Empty;

        public HashSet<string> Features { get; } = new HashSet<string>(StringComparer.Ordinal);

        public int Generation { get; private set; }

        public string CpuPart { get; private set; } = string.Empty;

        /// <summary>archspec's proc_cpuinfo: the first processor block of <c>/proc/cpuinfo</c>.</summary>
        public static CpuReport FromCpuInfo(string text, string machine)
        {
            Dictionary<string, string> data = FirstBlock(text);

            // detect.py _machine(): on Linux platform.machine() unchanged, so 'arm64' or 'AMD64' is a family archspec
            // has no check for, and detection gives a generic microarchitecture of that name.
            var report = new CpuReport(machine, darwin: false);
            switch (report.Family)
            {
                case X86_64:
                    report.Vendor = Get(data, "vendor_id", "generic");
                    report.AddFeatures(Get(data, "flags", string.Empty));
                    break;
                case Aarch64:
                    // _canonicalize_aarch64_vendor: the implementer code as a vendor name.
                    report.Vendor = data.TryGetValue("CPU implementer", out string? code) ? ArmVendor(code) : "generic";
                    report.AddFeatures(Get(data, "Features", string.Empty));
                    report.CpuPart = Get(data, "CPU part", string.Empty);
                    break;
                case Ppc64le:
                case Ppc64:
                    report.Generation = PowerGeneration(Get(data, "cpu", string.Empty));
                    break;
                case Riscv64:
                    string uarch = Get(data, "uarch", Riscv64);
                    if (uarch == "sifive,u74-mc")
                    {
                        uarch = "u74mc";
                    }
                    else if (uarch == "spacemit,x60" || Get(data, "model name", string.Empty) == "Spacemit(R) X60")
                    {
                        uarch = "x60";
                    }

                    report.Name = uarch;
                    break;
            }

            return report;
        }

        /// <summary>archspec's sysctl_info: <c>sysctl</c> output as <c>key: value</c> lines.</summary>
        public static CpuReport FromSysctl(string text, string machine)
        {
            // _darwin_sysctl_data: raw.splitlines() (Python's line boundaries), line.partition(": "), both parts stripped.
            var data = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in SplitLines(text))
            {
                int separator = line.IndexOf(": ", StringComparison.Ordinal);
                if (separator >= 0)
                {
                    data[PythonText.Strip(line.Substring(0, separator))] = PythonText.Strip(line.Substring(separator + 2));
                }
            }

            string brand = Get(data, "machdep.cpu.brand_string", string.Empty);

            // _machine on Darwin: an Apple brand means AArch64 even under Rosetta; without a brand, uname -m decides.
            bool apple = brand.IndexOf("Apple", StringComparison.Ordinal) >= 0 || (brand.Length == 0 && Normalize(machine) == Aarch64);
            var report = new CpuReport(apple ? Aarch64 : X86_64, darwin: true);
            if (apple)
            {
                report.Vendor = "Apple";
                report.Name = AppleModel(brand.ToLowerInvariant());
                return report;
            }

            string raw = Get(data, "machdep.cpu.features", string.Empty) + " " + Get(data, "machdep.cpu.leaf7_features", string.Empty) + " " + Get(data, "machdep.cpu.extfeatures", string.Empty);
            report.AddFeatures(raw.ToLowerInvariant());

            // Flags detected on Darwin turned to their Linux counterparts (each when all of its names are there).
            for (int i = 0; i < ArchspecData.DarwinFlags.Length; i++)
            {
                bool all = true;
                foreach (string flag in Split(ArchspecData.DarwinFlags[i]))
                {
                    all &= report.Features.Contains(flag);
                }

                if (all)
                {
                    report.AddFeatures(ArchspecData.DarwinFlagsLinux[i]);
                }
            }

            report.Vendor = Get(data, "machdep.cpu.vendor", string.Empty);
            return report;
        }

        /// <summary>
        /// archspec's host(): among the known microarchitectures compatible with the report, the best generic one, then
        /// (narrowed to the report's CPU part when one matches) the descendant of it with the most ancestors, then the
        /// most features; the first in archspec's order on a tie.
        /// </summary>
        public Microarchitecture Select()
        {
            var candidates = new List<Microarchitecture>();
            foreach (Microarchitecture target in Microarchitecture.All)
            {
                if (IsCompatible(target))
                {
                    candidates.Add(target);
                }
            }

            if (candidates.Count == 0)
            {
                return Microarchitecture.Unknown(Family);
            }

            Microarchitecture? bestGeneric = null;
            foreach (Microarchitecture candidate in candidates)
            {
                if (candidate.Vendor == "generic" && (bestGeneric is null || Better(candidate, bestGeneric)))
                {
                    bestGeneric = candidate;
                }
            }

            if (bestGeneric is null)
            {
                return Microarchitecture.Unknown(Family);
            }

            if (CpuPart.Length > 0 && candidates.Exists(c => c.CpuPart == CpuPart))
            {
                candidates.RemoveAll(c => c.CpuPart != CpuPart);
            }

            Microarchitecture? best = null;
            foreach (Microarchitecture candidate in candidates)
            {
                if (candidate > bestGeneric && (best is null || Better(candidate, best)))
                {
                    best = candidate;
                }
            }

            return best ?? bestGeneric;
        }

        /// <summary>The compatibility check of the report's family (detect.py compatibility_check_for_*).</summary>
        private bool IsCompatible(Microarchitecture target)
        {
            switch (Family)
            {
                case X86_64:
                    return target.Family.Name == X86_64
                        && (target.Vendor == Vendor || target.Vendor == "generic")
                        && IsSubset(target.Features);
                case Aarch64:
                    if (target.Vendor == "generic" && target.Name != Aarch64)
                    {
                        return false;
                    }

                    bool rootAndVendor = target.Family.Name == Aarch64 && (target.Vendor == Vendor || target.Vendor == "generic");
                    if (Darwin)
                    {
                        return rootAndVendor && Microarchitecture.TryParse(Name, out Microarchitecture? model) && target <= model;
                    }

                    return rootAndVendor && IsSubset(target.Features);
                case Ppc64le:
                case Ppc64:
                    return target.Family.Name == Family && target.Generation <= Generation;
                case Riscv64:
                    return target.Family.Name == Riscv64 && (target.Name == Name || target.Vendor == "generic");
                default:
                    return false;
            }
        }

        private bool IsSubset(IReadOnlyList<string> features)
        {
            foreach (string feature in features)
            {
                if (!Features.Contains(feature))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>archspec's sorting key (number of ancestors, number of features): strictly greater wins, so the first stays on a tie.</summary>
        private static bool Better(Microarchitecture candidate, Microarchitecture best)
        {
            int ancestors = candidate.Ancestors.Count.CompareTo(best.Ancestors.Count);
            return ancestors > 0 || (ancestors == 0 && candidate.Features.Count > best.Features.Count);
        }

        private void AddFeatures(string text)
        {
            foreach (string feature in Split(text))
            {
                Features.Add(feature);
            }

            // A partial microarchitecture is a Microarchitecture: ssse3 implies sse3 there too.
            if (Features.Contains("ssse3"))
            {
                Features.Add("sse3");
            }
        }

        /// <summary>The first block of /proc/cpuinfo: <c>key : value</c> lines up to the first line without a colon.</summary>
        private static Dictionary<string, string> FirstBlock(string text)
        {
            var data = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in Lines(text))
            {
                int colon = line.IndexOf(':');
                if (colon < 0 && data.Count > 0)
                {
                    break;
                }

                // key.strip(), value.strip(): Python's whitespace, U+001C-U+001F included.
                string key = colon < 0 ? line : line.Substring(0, colon);
                string value = colon < 0 ? string.Empty : line.Substring(colon + 1);
                data[PythonText.Strip(key)] = PythonText.Strip(value);
            }

            return data;
        }

        /// <summary>
        /// A POWER generation (detect.py proc_cpuinfo): <c>re.search(r"POWER(\d+)", cpu)</c> then <c>int()</c>. Python's
        /// <c>\d</c> and <c>int()</c> take any Unicode decimal digit (<c>POWER٩</c> is 9); a number of more than 4300 digits
        /// makes <c>int()</c> raise ValueError, which archspec reads as generation 0; Python's integers do not overflow,
        /// so a larger number is above every generation (kept here as <see cref="int.MaxValue"/>). No match is 0, as
        /// under emulation.
        /// </summary>
        internal static int PowerGeneration(string cpu)
        {
            int at = cpu.IndexOf("POWER", StringComparison.Ordinal);
            while (at >= 0)
            {
                int i = at + 5;
                long value = ReadDigits(cpu, ref i, out int digits);
                if (digits > 0)
                {
                    // sys.int_info.default_max_str_digits (Python 3.11 and later).
                    return digits > 4300 ? 0 : (int)value;
                }

                at = cpu.IndexOf("POWER", at + 5, StringComparison.Ordinal);
            }

            return 0;
        }

        /// <summary>
        /// _sysctl_info_apple: <c>re.search(r"apple\s+m(\d+)", brand.lower())</c> (Python's Unicode whitespace and
        /// digits), then the models counting down from that number to the newest archspec knows; "apple processor" is
        /// an M1. A number too long for <c>int()</c> (over 4300 digits) makes detection fail, and archspec falls back to
        /// the family, aarch64.
        /// </summary>
        private static string AppleModel(string brand)
        {
            int at = brand.IndexOf("apple", StringComparison.Ordinal);
            while (at >= 0)
            {
                int i = at + 5;
                int spaces = i;
                while (i < brand.Length && PythonText.IsSpace(brand[i]))
                {
                    i++;
                }

                if (i > spaces && i < brand.Length && brand[i] == 'm')
                {
                    i++;
                    long number = ReadDigits(brand, ref i, out int digits);
                    if (digits > 4300)
                    {
                        return Aarch64;
                    }

                    if (digits > 0)
                    {
                        for (long m = Math.Min(number, 1000); m >= 1; m--)
                        {
                            string model = "m" + m.ToString(CultureInfo.InvariantCulture);
                            if (ArchspecGraph.IndexOf(model) >= 0)
                            {
                                return model;
                            }
                        }

                        return "m1";
                    }
                }

                at = brand.IndexOf("apple", at + 5, StringComparison.Ordinal);
            }

            return brand == "apple processor" ? "m1" : Aarch64;
        }

        /// <summary>
        /// Python's <c>\d+</c> then <c>int()</c> at <paramref name="i"/>: Unicode decimal digits (a surrogate pair is one
        /// digit), their value held at <see cref="int.MaxValue"/> (Python's integers do not overflow, and every use here
        /// only compares it), and how many digits there were.
        /// </summary>
        private static long ReadDigits(string text, ref int i, out int digits)
        {
            digits = 0;
            long value = 0;
            while (i < text.Length && CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.DecimalDigitNumber)
            {
                value = Math.Min((value * 10) + CharUnicodeInfo.GetDecimalDigitValue(text, i), int.MaxValue);
                digits++;
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            return value;
        }

        private static string ArmVendor(string code)
        {
            int index = Array.IndexOf(ArchspecData.ArmVendorCodes, code);
            return index >= 0 ? ArchspecData.ArmVendorNames[index] : code;
        }

        /// <summary>
        /// The family a machine name stands for on macOS and Windows, where archspec normalizes it (detect.py _machine:
        /// WINDOWS_MAPPING, and macOS's <c>arm64</c>): <c>uname -m</c>'s names plus <c>arm64</c>, <c>AMD64</c>, <c>ARM64</c>.
        /// Linux reports are not normalized (<see cref="FromCpuInfo"/>).
        /// </summary>
        internal static string Normalize(string machine)
        {
            string trimmed = (machine ?? string.Empty).Trim();
            switch (trimmed.ToLowerInvariant())
            {
                case "arm64":
                case "aarch64":
                    return Aarch64;
                case "amd64":
                case "x64":
                case "x86_64":
                    return X86_64;
                default:
                    return trimmed;
            }
        }

        private static string Get(Dictionary<string, string> data, string key, string fallback)
        {
            return data.TryGetValue(key, out string? value) ? value : fallback;
        }

        /// <summary>str.split(): Python's whitespace, U+001C-U+001F and U+0085 included.</summary>
        private static List<string> Split(string text) => PythonText.Split(text);

        /// <summary>Lines as Python's text mode reads a file (universal newlines: LF, CR LF and CR end a line).</summary>
        private static IEnumerable<string> Lines(string text)
        {
            return text.Split(new[] { "\r\n", "\n", "\r" }, StringSplitOptions.None);
        }

        /// <summary>str.splitlines(): LF, CR LF, CR, VT, FF, U+001C-U+001E, U+0085, U+2028 and U+2029 end a line.</summary>
        private static IEnumerable<string> SplitLines(string text)
        {
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
                {
                    yield return text.Substring(start, i - start);
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }

            if (start < text.Length)
            {
                yield return text.Substring(start);
            }
        }
    }
}
