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
        [InlineData("opensuse_tumbleweed20240915", "NAME=\"openSUSE Tumbleweed\"\nID=\"opensuse-tumbleweed\"\nVERSION_ID=\"20240915\"\n")]
        [InlineData("oracle9", "NAME=\"Oracle Linux Server\"\nVERSION=\"9.4\"\nID=\"ol\"\nVERSION_ID=\"9.4\"\n")]
        [InlineData("debian13", "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nNAME=\"Debian GNU/Linux\"\nID=debian\n")]
        [InlineData("arch", "NAME=\"Arch Linux\"\nPRETTY_NAME=\"Arch Linux\"\nID=arch\nBUILD_ID=rolling\n")]
        [InlineData("ubuntu22.04", "# comment\r\nID='ubuntu'\r\nVERSION_ID=\"22.04\" # trailing comment\r\n")]
        [InlineData("unknown", "NAME=\"Nothing\"\n")]
        public void Linux_os_names_follow_spack(string expected, string osRelease)
        {
            Assert.Equal(expected, SpackArch.LinuxOs(osRelease));
        }

        [Theory]
        [InlineData("10.14.6", "mojave")]
        [InlineData("10.15", "catalina")]
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
