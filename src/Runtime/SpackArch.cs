using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecGen
{
    /// <summary>
    /// A machine as Spack names it in a spec's <c>arch=</c>: platform, operating system and target, e.g.
    /// <c>linux-ubuntu22.04-zen3</c>. <see cref="Current"/> is this machine, named by Spack's rules
    /// (<c>lib/spack/spack/operating_systems/</c> and <c>platforms/</c>).
    /// </summary>
    public sealed class SpackArch
    {
        private static readonly Lazy<SpackArch> CurrentValue = new Lazy<SpackArch>(Detect);

        /// <summary>mac_os.py's release names (macOS 11 and later by major version).</summary>
        private static readonly Dictionary<string, string> MacReleases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["10.0"] = "cheetah", ["10.1"] = "puma", ["10.2"] = "jaguar", ["10.3"] = "panther", ["10.4"] = "tiger",
            ["10.5"] = "leopard", ["10.6"] = "snowleopard", ["10.7"] = "lion", ["10.8"] = "mountainlion",
            ["10.9"] = "mavericks", ["10.10"] = "yosemite", ["10.11"] = "elcapitan", ["10.12"] = "sierra",
            ["10.13"] = "highsierra", ["10.14"] = "mojave", ["10.15"] = "catalina", ["10.16"] = "bigsur",
            ["11"] = "bigsur", ["12"] = "monterey", ["13"] = "ventura", ["14"] = "sonoma", ["15"] = "sequoia", ["26"] = "tahoe",
        };

        /// <summary>version_types.py VALID_VERSION.</summary>
        private static readonly Regex MacVersionText = new Regex("^[A-Za-z0-9_.-][=A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);

        /// <summary>version_types.py SEGMENT_REGEX.</summary>
        private static readonly Regex MacVersionSegment = new Regex("(?:(?<num>[0-9]+)|(?<str>[a-zA-Z]+))(?<sep>[_.-]*)", RegexOptions.CultureInvariant);

        /// <summary>A machine from its three parts.</summary>
        public SpackArch(string platform, string os, Microarchitecture target)
        {
            Platform = platform ?? throw new ArgumentNullException(nameof(platform));
            Os = os ?? throw new ArgumentNullException(nameof(os));
            Target = target ?? throw new ArgumentNullException(nameof(target));
        }

        /// <summary>This machine, detected once: the platform, the OS by Spack's naming, and <see cref="Microarchitecture.Host"/>.</summary>
        public static SpackArch Current => CurrentValue.Value;

        /// <summary>The platform: <c>linux</c>, <c>darwin</c>, <c>windows</c> or <c>freebsd</c>.</summary>
        public string Platform { get; }

        /// <summary>The operating system as Spack names it: <c>ubuntu22.04</c>, <c>rhel8</c>, <c>sequoia</c>, <c>windows10.0.22631</c>.</summary>
        public string Os { get; }

        /// <summary>The target microarchitecture.</summary>
        public Microarchitecture Target { get; }

        /// <summary>Spack's <c>platform-os-target</c>, e.g. <c>linux-ubuntu22.04-zen3</c>.</summary>
        public override string ToString() => Platform + "-" + Os + "-" + Target.Name;

        /// <summary>
        /// The OS name Spack gives a Linux distribution from <c>/etc/os-release</c> text (linux_distro.py over the distro
        /// module, read as <see cref="LinuxOs(string, string)"/> reads it); for openSUSE Tumbleweed the glibc version is
        /// read on this machine (<c>ldd --version</c>), as Spack does.
        /// </summary>
        public static string LinuxOs(string osReleaseText) => LinuxOs(osReleaseText, null);

        /// <summary>
        /// The OS name Spack gives a Linux distribution, from <c>/etc/os-release</c> text alone (spack/spack
        /// operating_systems/linux_distro.py over distro 1.9): the file is read as a shell would split it
        /// (<c>shlex</c>: lower-case keys are keys too, <c>export ID=...</c>, two assignments on a line, quotes, <c>#</c>
        /// comments); the name is <c>ID</c> (lower case, blanks as <c>_</c>; <c>ol</c> is <c>oracle</c>,
        /// <c>opensuse-leap</c> is <c>opensuse</c>; <c>ID_LIKE</c> is never used), the version <c>VERSION_ID</c> or the
        /// version at the end of <c>PRETTY_NAME</c>, cut at the first character that is neither a word character nor
        /// <c>-</c> (Ubuntu keeps two parts), and <c>-</c> is written <c>_</c>: <c>ubuntu22.04</c>, <c>rhel8</c>,
        /// <c>rocky9</c>, <c>amzn2023</c>, <c>sles15_SP5</c>. openSUSE Tumbleweed is <c>opensusetumbleweed</c> and the
        /// glibc version <paramref name="glibcVersion"/> (<c>opensusetumbleweed2.41</c>); an empty one (no glibc, as
        /// with musl) gives its <c>VERSION_ID</c> instead, and null reads it on this machine. Throws
        /// <see cref="FormatException"/> where Spack fails (an unclosed quote, a final backslash).
        /// </summary>
        public static string LinuxOs(string osReleaseText, string? glibcVersion)
        {
            if (osReleaseText is null)
            {
                throw new ArgumentNullException(nameof(osReleaseText));
            }

            Dictionary<string, string> props = OsRelease.Parse(osReleaseText);
            string distname = OsRelease.Id(props);
            List<string> parts = OsRelease.SplitOnNonWord(OsRelease.Version(props));
            string version;
            if (distname.IndexOf("ubuntu", StringComparison.Ordinal) >= 0)
            {
                version = string.Join(".", parts.GetRange(0, Math.Min(2, parts.Count)));
            }
            else if (distname.IndexOf("opensuse-tumbleweed", StringComparison.Ordinal) >= 0 || distname.IndexOf("opensusetumbleweed", StringComparison.Ordinal) >= 0)
            {
                distname = "opensuse";
                string? glibc = glibcVersion ?? OsRelease.GlibcOfThisMachine();
                version = "tumbleweed" + (string.IsNullOrEmpty(glibc) ? parts[0] : glibc);
            }
            else
            {
                version = parts[0];
            }

            // OperatingSystem.__init__ writes '-' as '_' in the name and the version.
            return distname.Replace('-', '_') + version.Replace('-', '_');
        }

        /// <summary>
        /// The OS name Spack gives macOS from its product version (mac_os.py): the release name of the major version
        /// (of major.minor before macOS 11), e.g. <c>sequoia</c> for 15.2, <c>mojave</c> for 10.14.6; <c>macos</c> for
        /// a version Spack does not name. The version is cut as Spack's <c>Version.up_to</c> cuts it: numbers lose
        /// their leading zeros (<c>015.2</c> is 15, <c>10.09</c> is 10.9) and the separators written are kept
        /// (<c>10-15</c> is not 10.15), a pre-release suffix is dropped (<c>14.5-beta</c> is 14).
        /// </summary>
        public static string MacOs(string productVersion)
        {
            if (productVersion is null)
            {
                throw new ArgumentNullException(nameof(productVersion));
            }

            // version_types.py parse_string_components: stripped; other characters than these make Spack fail.
            string text = Format.PythonText.Strip(productVersion);
            if (text.Length == 0 || !MacVersionText.IsMatch(text) || !SpackVersion.TryParse(text, out SpackVersion version))
            {
                return "macos";
            }

            var release = new List<string>();
            var separators = new List<string>();
            foreach (Match segment in MacVersionSegment.Matches(text))
            {
                string number = segment.Groups["num"].Value;
                release.Add(number.Length > 0 ? System.Numerics.BigInteger.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : segment.Groups["str"].Value);
                separators.Add(segment.Groups["sep"].Value);
            }

            // A trailing alpha, beta or rc (and its number) is the pre-release, not part of the release.
            int count = release.Count;
            if (count >= 3 && IsPrerelease(release[count - 2]) && char.IsDigit(release[count - 1][0]))
            {
                count -= 2;
            }
            else if (count >= 2 && IsPrerelease(release[count - 1]))
            {
                count -= 1;
            }

            // mac_os.py: part = 1 if version >= Version("11") else 2; str(version.up_to(part)).
            int part = Math.Min(version >= SpackVersion.Parse("11") ? 1 : 2, count);
            var key = new StringBuilder();
            for (int i = 0; i < part; i++)
            {
                key.Append(release[i]);
                if (i + 1 < part)
                {
                    key.Append(separators[i]);
                }
            }

            return MacReleases.TryGetValue(key.ToString(), out string? name) ? name : "macos";
        }

        private static bool IsPrerelease(string segment) => segment is "alpha" or "beta" or "rc";

        private static SpackArch Detect()
        {
            Microarchitecture target = Microarchitecture.Host;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                return new SpackArch("linux", LinuxOsOfThisMachine(), target);
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                // macos_version(): MACOSX_DEPLOYMENT_TARGET first, then the system's product version.
                string? deployment = Environment.GetEnvironmentVariable("MACOSX_DEPLOYMENT_TARGET");
                string version = string.IsNullOrEmpty(deployment) ? Environment.OSVersion.Version.ToString() : deployment!;
                return new SpackArch("darwin", MacOs(version), target);
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                // windows_os.py: "windows" and platform.version(), which is major.minor.build.
                Version windows = Environment.OSVersion.Version;
                return new SpackArch("windows", "windows" + windows.Major + "." + windows.Minor + "." + windows.Build, target);
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Create("FREEBSD")))
            {
                // freebsd.py: the release before its first '-' (14.1-RELEASE-p5 is 14.1).
                string[] description = RuntimeInformation.OSDescription.Split(' ');
                string release = description.Length > 1 ? description[1].Split('-')[0] : string.Empty;
                return new SpackArch("freebsd", "freebsd" + release, target);
            }

            return new SpackArch(RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant(), "unknown", target);
        }

        private static string LinuxOsOfThisMachine()
        {
            foreach (string path in new[] { "/etc/os-release", "/usr/lib/os-release" })
            {
                try
                {
                    if (File.Exists(path))
                    {
                        // Spack would go on to lsb_release and the release files, which SpecGen does not read.
                        string os = LinuxOs(File.ReadAllText(path));
                        return os.Length > 0 ? os : "unknown";
                    }
                }
                catch (FormatException)
                {
                    return "unknown";
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            return "unknown";
        }
    }
}
