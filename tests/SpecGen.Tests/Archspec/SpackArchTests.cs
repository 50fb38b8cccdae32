using System;
using Xunit;

namespace SpecGen.Tests.Archspec
{
    /// <summary>
    /// Spack's OS names (lib/spack/spack/operating_systems/linux_distro.py over the distro module, mac_os.py): the
    /// os-release texts are those the distributions ship.
    /// </summary>
    public class SpackArchTests
    {
        [Theory]
        [InlineData("ubuntu22.04", "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"22.04\"\nVERSION=\"22.04.4 LTS (Jammy Jellyfish)\"\nVERSION_CODENAME=jammy\nID=ubuntu\nID_LIKE=debian\n")]
        [InlineData("ubuntu24.04", "PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nID=ubuntu\nID_LIKE=debian\n")]
        [InlineData("rhel8", "NAME=\"Red Hat Enterprise Linux\"\nVERSION=\"8.10 (Ootpa)\"\nID=\"rhel\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"8.10\"\nPLATFORM_ID=\"platform:el8\"\nPRETTY_NAME=\"Red Hat Enterprise Linux 8.10 (Ootpa)\"\n")]
        [InlineData("rocky9", "NAME=\"Rocky Linux\"\nVERSION=\"9.4 (Blue Onyx)\"\nID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=\"9.4\"\nPRETTY_NAME=\"Rocky Linux 9.4 (Blue Onyx)\"\n")]
        [InlineData("almalinux9", "NAME=\"AlmaLinux\"\nVERSION=\"9.4 (Seafoam Ocelot)\"\nID=\"almalinux\"\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=\"9.4\"\nPRETTY_NAME=\"AlmaLinux 9.4 (Seafoam Ocelot)\"\n")]
        [InlineData("amzn2", "NAME=\"Amazon Linux\"\nVERSION=\"2\"\nID=\"amzn\"\nID_LIKE=\"centos rhel fedora\"\nVERSION_ID=\"2\"\nPRETTY_NAME=\"Amazon Linux 2\"\n")]
        [InlineData("amzn2023", "NAME=\"Amazon Linux\"\nVERSION=\"2023\"\nID=\"amzn\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"2023\"\nPLATFORM_ID=\"platform:al2023\"\nPRETTY_NAME=\"Amazon Linux 2023.5.20240916\"\n")]
        [InlineData("debian12", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n")]
        [InlineData("centos7", "NAME=\"CentOS Linux\"\nVERSION=\"7 (Core)\"\nID=\"centos\"\nID_LIKE=\"rhel fedora\"\nVERSION_ID=\"7\"\nPRETTY_NAME=\"CentOS Linux 7 (Core)\"\n")]
        [InlineData("centos9", "NAME=\"CentOS Stream\"\nVERSION=\"9\"\nID=\"centos\"\nID_LIKE=\"rhel fedora\"\nVERSION_ID=\"9\"\nPRETTY_NAME=\"CentOS Stream 9\"\n")]
        [InlineData("sles15", "NAME=\"SLES\"\nVERSION=\"15-SP5\"\nVERSION_ID=\"15.5\"\nPRETTY_NAME=\"SUSE Linux Enterprise Server 15 SP5\"\nID=\"sles\"\nID_LIKE=\"suse\"\n")]
        [InlineData("fedora40", "NAME=\"Fedora Linux\"\nVERSION=\"40 (Container Image)\"\nID=fedora\nVERSION_ID=40\nPRETTY_NAME=\"Fedora Linux 40 (Container Image)\"\n")]
        [InlineData("opensuse15", "NAME=\"openSUSE Leap\"\nVERSION=\"15.6\"\nID=\"opensuse-leap\"\nID_LIKE=\"suse opensuse\"\nVERSION_ID=\"15.6\"\n")]
        [InlineData("oracle9", "NAME=\"Oracle Linux Server\"\nVERSION=\"9.4\"\nID=\"ol\"\nVERSION_ID=\"9.4\"\n")]
        [InlineData("debian13", "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nNAME=\"Debian GNU/Linux\"\nID=debian\n")]
        [InlineData("arch", "NAME=\"Arch Linux\"\nPRETTY_NAME=\"Arch Linux\"\nID=arch\nBUILD_ID=rolling\n")]
        [InlineData("ubuntu22.04", "# comment\r\nID='ubuntu'\r\nVERSION_ID=\"22.04\" # trailing comment\r\n")]
        [InlineData("", "NAME=\"Nothing\"\n")]
        public void Linux_os_names_follow_spack(string expected, string osRelease)
        {
            Assert.Equal(expected, SpackArch.LinuxOs(osRelease));
        }

        /// <summary>
        /// The research table of issue 21: each text run through distro 1.9's LinuxDistribution(root_dir=...) (no lsb,
        /// no uname, no /etc/debian_version) and linux_distro.py's rule, with glibc 2.41 for Tumbleweed. os-release is
        /// split as shlex splits it: lower-case keys, 'export', two assignments on one line, quotes, '#' even inside a
        /// word; blanks are only space, tab, CR and LF (form feed and U+001C are part of a word).
        /// </summary>
        [Theory]
        [InlineData("ID=ubuntu\nVERSION_ID=\"22.04\"\n", "ubuntu22.04")]
        [InlineData("id=ubuntu\nversion_id=\"22.04\"\n", "ubuntu22.04")]
        [InlineData("export ID=rhel\nexport VERSION_ID=\"8.10\"\n", "rhel8")]
        [InlineData("ID=debian VERSION_ID=12\n", "debian12")]
        [InlineData("ID=\"ubuntu\" VERSION_ID=\"22.04\"\n", "ubuntu22.04")]
        [InlineData("ID=\tdebian\nVERSION_ID=12\n", "12")]
        [InlineData("ID = ubuntu\nVERSION_ID=22.04\n", "22")]
        [InlineData("ID=\"My Distro\"\nVERSION_ID=\"1.2\"\n", "my_distro1")]
        [InlineData("ID=my distro\nVERSION_ID=1\n", "my1")]
        [InlineData("ID_LIKE=debian\nVERSION_ID=12\n", "12")]
        [InlineData("NAME=\"openSUSE Tumbleweed\"\nID=\"opensuse-tumbleweed\"\nID_LIKE=\"opensuse suse\"\nVERSION_ID=\"20250123\"\n", "opensusetumbleweed2.41")]
        [InlineData("ID=\"opensuse-leap\"\nVERSION_ID=\"15.6\"\n", "opensuse15")]
        [InlineData("ID=\"ol\"\nVERSION_ID=\"9.4\"\n", "oracle9")]
        [InlineData("ID=fedora # comment\nVERSION_ID=40\n", "fedora40")]
        [InlineData("ID=fe#dora\nVERSION_ID=40\n", "fe40")]
        [InlineData("ID=a\nID=b\nVERSION_ID=3\n", "b3")]
        [InlineData("ID=foo-bar\nVERSION_ID=1-2.3\n", "foo_bar1_2")]
        [InlineData("ID=Ubuntu\nVERSION_ID=24.04\n", "ubuntu24.04")]
        [InlineData("ID=ubuntu\nVERSION_ID=\"22.04.3\"\n", "ubuntu22.04")]
        [InlineData("ID=ubuntu\nVERSION_ID=\"24\"\n", "ubuntu24")]
        [InlineData("ID=rocky\nVERSION_ID=\"9.4 (Blue Onyx)\"\n", "rocky9")]
        [InlineData("ID=debian\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n", "debian12")]
        [InlineData("ID=debian\nPRETTY_NAME=\"Debian GNU/Linux trixie/sid\"\n", "debian")]
        [InlineData("ID=arch\n", "arch")]
        [InlineData("ID=\fdebian\nVERSION_ID=12\n", "\fdebian12")]
        [InlineData("ID=debian\u001cVERSION_ID=12\n", "debian\u001cversion_id=12")]
        [InlineData("ID=debian\r\nVERSION_ID=12\r\n", "debian12")]
        [InlineData("ID='centos'\nVERSION_ID='7'\n", "centos7")]
        [InlineData("ID=\"a\\\"b\"\nVERSION_ID=1\n", "a\"b1")]
        [InlineData("ID=\"deb\nian\"\nVERSION_ID=12\n", "deb\nian12")]
        [InlineData("ID=\"amzn\"\nVERSION_ID=\"2023\"\n", "amzn2023")]
        [InlineData("ID=\"sles\"\nVERSION_ID=\"15-SP5\"\n", "sles15_SP5")]
        [InlineData("ID=ubuntu\nPRETTY_NAME=\"Ubuntu 22.04.3 LTS\"\n", "ubuntu22.04")]
        [InlineData("ID=debian\u00a0x\nVERSION_ID=12\n", "debian\u00a0x12")]
        [InlineData("ID=a\\\nb\nVERSION_ID=1\n", "a\nb1")]
        [InlineData("ID=\"it's\"\nVERSION_ID=1\n", "it's1")]
        [InlineData("ID=x\\\n", "x\n")]
        [InlineData("", "")]
        [InlineData("ID=centos\nPRETTY_NAME=\"CentOS Linux 7 (Core)\"\n", "centos7")]
        [InlineData("ID=\"rhel\"\nVERSION_ID=\"9.4\"\nPRETTY_NAME=\"Red Hat Enterprise Linux 9.4 (Plow)\"\n", "rhel9")]
        public void Os_release_is_read_as_distro_and_shlex_read_it(string osRelease, string expected)
        {
            Assert.Equal(expected, SpackArch.LinuxOs(osRelease, "2.41"));
        }

        // linux_distro.py: Tumbleweed is "opensuse" + "tumbleweed" + the glibc version ldd reports (exactly one match),
        // else + VERSION_ID; Spack fails where shlex does (an unclosed quote, a final backslash).
        [Fact]
        public void Tumbleweed_takes_the_glibc_version_and_malformed_files_fail_as_in_spack()
        {
            const string Tumbleweed = "ID=\"opensuse-tumbleweed\"\nVERSION_ID=\"20250123\"\n";
            Assert.Equal("opensusetumbleweed2.41", SpackArch.LinuxOs(Tumbleweed, "2.41"));
            Assert.Equal("opensusetumbleweed2.39", SpackArch.LinuxOs("ID=opensusetumbleweed\nVERSION_ID=1\n", "2.39"));
            Assert.Equal("opensusetumbleweed20250123", SpackArch.LinuxOs(Tumbleweed, string.Empty));
            Assert.StartsWith("opensusetumbleweed", SpackArch.LinuxOs(Tumbleweed), StringComparison.Ordinal);
            Assert.Equal("ubuntu22.04", SpackArch.LinuxOs("ID=ubuntu\nVERSION_ID=22.04\n", "2.41"));

            FormatException unclosed = Assert.Throws<FormatException>(() => SpackArch.LinuxOs("ID=\"ubuntu\nVERSION_ID=1\n", "2.41"));
            Assert.Contains("No closing quotation", unclosed.Message, StringComparison.Ordinal);
            Assert.Throws<FormatException>(() => SpackArch.LinuxOs("ID=x\\", "2.41"));
        }

        /// <summary>mac_os.py: str(version.up_to(1 if version &gt;= 11 else 2)), where up_to keeps the separators written and a number loses its leading zeros.</summary>
        [Theory]
        [InlineData("015.2", "sequoia")]
        [InlineData("15.02", "sequoia")]
        [InlineData("10.15.7", "catalina")]
        [InlineData("10.015.7", "catalina")]
        [InlineData("010.15", "catalina")]
        [InlineData("10.09", "mavericks")]
        [InlineData("10-15-7", "macos")]
        [InlineData("10_15", "macos")]
        [InlineData("15-1", "sequoia")]
        [InlineData("15.", "sequoia")]
        [InlineData("14.5-beta", "sonoma")]
        [InlineData("11.0.1", "bigsur")]
        [InlineData("10.16", "bigsur")]
        [InlineData("16.0", "macos")]
        [InlineData("10rc1", "macos")]
        [InlineData("", "macos")]
        [InlineData("15.2 beta", "macos")]
        [InlineData(" 15.2\n", "sequoia")]
        public void MacOs_versions_are_cut_as_spacks_up_to_cuts_them(string version, string expected)
        {
            Assert.Equal(expected, SpackArch.MacOs(version));
        }

        [Theory]
        [InlineData("10.0", "cheetah")]
        [InlineData("10.1.5", "puma")]
        [InlineData("10.2.8", "jaguar")]
        [InlineData("10.3.9", "panther")]
        [InlineData("10.4.11", "tiger")]
        [InlineData("10.5.8", "leopard")]
        [InlineData("10.6.8", "snowleopard")]
        [InlineData("10.7.5", "lion")]
        [InlineData("10.8.5", "mountainlion")]
        [InlineData("10.9.5", "mavericks")]
        [InlineData("10.10.5", "yosemite")]
        [InlineData("10.11.6", "elcapitan")]
        [InlineData("10.12.6", "sierra")]
        [InlineData("10.13.6", "highsierra")]
        [InlineData("10.14.6", "mojave")]
        [InlineData("10.15", "catalina")]
        [InlineData("11", "bigsur")]
        [InlineData("11.7.10", "bigsur")]
        [InlineData("12.7", "monterey")]
        [InlineData("13.6.1", "ventura")]
        [InlineData("14.5", "sonoma")]
        [InlineData("15.2", "sequoia")]
        [InlineData("26.0", "tahoe")]
        [InlineData("99.1", "macos")]
        public void MacOs_names_follow_spack(string version, string expected)
        {
            Assert.Equal(expected, SpackArch.MacOs(version));
        }

        [Fact]
        public void An_arch_prints_as_spack_writes_it()
        {
            var arch = new SpackArch("linux", "ubuntu22.04", Microarchitecture.Parse("zen3"));

            Assert.Equal("linux-ubuntu22.04-zen3", arch.ToString());
            Assert.Throws<ArgumentNullException>(() => new SpackArch("linux", "ubuntu22.04", null!));
            Assert.Throws<ArgumentNullException>(() => SpackArch.LinuxOs(null!));
        }
    }
}
