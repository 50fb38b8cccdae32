using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

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
        /// The OS name Spack gives a Linux distribution, from <c>/etc/os-release</c> text (linux_distro.py over the
        /// distro module): the <c>ID</c> (lower case; <c>ol</c> is <c>oracle</c>, <c>opensuse-leap</c> is
        /// <c>opensuse</c>), then the first part of the version (<c>VERSION_ID</c>, or the version at the end of
        /// <c>PRETTY_NAME</c>), or for Ubuntu its first two parts, with <c>-</c> written <c>_</c>:
        /// <c>ubuntu22.04</c>, <c>rhel8</c>, <c>rocky9</c>, <c>almalinux9</c>, <c>amzn2023</c>, <c>debian12</c>,
        /// <c>sles15</c>, <c>fedora40</c>. Without an <c>ID</c> the name is <c>unknown</c>.
        /// </summary>
        public static string LinuxOs(string osReleaseText)
        {
            if (osReleaseText is null)
            {
                throw new ArgumentNullException(nameof(osReleaseText));
            }

            Dictionary<string, string> fields = OsRelease(osReleaseText);
            if (!fields.TryGetValue("ID", out string? id) || id.Length == 0)
            {
                return "unknown";
            }

            string distname = id.ToLowerInvariant().Replace(" ", "_");
            distname = distname == "ol" ? "oracle" : distname == "opensuse-leap" ? "opensuse" : distname;

            string version = fields.TryGetValue("VERSION_ID", out string? versionId) ? versionId : string.Empty;
            if (version.Length == 0 && fields.TryGetValue("PRETTY_NAME", out string? pretty))
            {
                version = VersionAtEnd(pretty);
            }

            // Spack: re.split(r"[^\w-]", version); Ubuntu keeps two components, every other distribution one.
            List<string> components = SplitOnNonWord(version);
            version = distname.IndexOf("ubuntu", StringComparison.Ordinal) >= 0
                ? string.Join(".", components.GetRange(0, Math.Min(2, components.Count)))
                : components[0];

            // OperatingSystem.__init__ writes '-' as '_' in the name and the version.
            return distname.Replace('-', '_') + version.Replace('-', '_');
        }

        /// <summary>
        /// The OS name Spack gives macOS from its product version (mac_os.py): the release name of the major version
        /// (of major.minor before macOS 11), e.g. <c>sequoia</c> for 15.2, <c>mojave</c> for 10.14.6; <c>macos</c> for
        /// a version Spack does not name.
        /// </summary>
        public static string MacOs(string productVersion)
        {
            if (productVersion is null)
            {
                throw new ArgumentNullException(nameof(productVersion));
            }

            string[] parts = productVersion.Trim().Split('.');
            bool modern = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major) && major >= 11;
            string key = modern || parts.Length < 2 ? parts[0] : parts[0] + "." + parts[1];
            return MacReleases.TryGetValue(key, out string? name) ? name : "macos";
        }

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
                        return LinuxOs(File.ReadAllText(path));
                    }
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

        /// <summary>os-release lines <c>KEY=value</c>, the value unquoted as a shell would ('...' literal, "..." with backslash escapes).</summary>
        private static Dictionary<string, string> OsRelease(string text)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.Trim();
                int equals = line.IndexOf('=');
                if (line.Length == 0 || line[0] == '#' || equals <= 0)
                {
                    continue;
                }

                fields[line.Substring(0, equals).Trim()] = Unquote(line.Substring(equals + 1).Trim());
            }

            return fields;
        }

        private static string Unquote(string value)
        {
            var result = new StringBuilder(value.Length);
            char quote = '\0';
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (quote == '\0' && (c == '"' || c == '\''))
                {
                    quote = c;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote != '\'' && i + 1 < value.Length)
                {
                    result.Append(value[++i]);
                }
                else if (quote == '\0' && c == '#' && (i == 0 || char.IsWhiteSpace(value[i - 1])))
                {
                    break;
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString().Trim();
        }

        /// <summary>The distro module's reading of a version at the end of a name: "Ubuntu 22.04.3 LTS", "Debian GNU/Linux 12 (bookworm)".</summary>
        private static string VersionAtEnd(string name)
        {
            string text = name.Trim();
            if (text.EndsWith(")", StringComparison.Ordinal) && text.LastIndexOf('(') is int open && open >= 0)
            {
                text = text.Substring(0, open).TrimEnd();
            }

            if (text.EndsWith(" LTS", StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - 4).TrimEnd();
            }

            int start = text.Length;
            while (start > 0 && IsVersionChar(text[start - 1]))
            {
                start--;
            }

            // The version starts with a digit and ends with one.
            while (start < text.Length && !char.IsDigit(text[start]))
            {
                start++;
            }

            return start < text.Length && char.IsDigit(text[text.Length - 1]) ? text.Substring(start) : string.Empty;
        }

        private static bool IsVersionChar(char c) => char.IsDigit(c) || c == '.' || c == '+' || c == '-' || (c >= 'a' && c <= 'z');

        private static List<string> SplitOnNonWord(string text)
        {
            var parts = new List<string>();
            var current = new StringBuilder();
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c) || c == '_' || c == '-')
                {
                    current.Append(c);
                }
                else
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
            }

            parts.Add(current.ToString());
            return parts;
        }
    }
}
