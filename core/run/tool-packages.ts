/** Which Debian package provides each program gomme calls, so a missing one is named precisely. */
const packages: Record<string, string> = {
  lsblk: 'util-linux',
  losetup: 'mount',
  blkdiscard: 'util-linux',
  blockdev: 'util-linux',
  findmnt: 'util-linux',
  hdparm: 'hdparm',
  nvme: 'nvme-cli',
  smartctl: 'smartmontools',
  sg_inq: 'sg3-utils',
  sg_readcap: 'sg3-utils',
  sg_opcodes: 'sg3-utils',
  sg_sanitize: 'sg3-utils',
  sg_format: 'sg3-utils',
  sg_requests: 'sg3-utils',
  sg_vpd: 'sg3-utils',
  dmidecode: 'dmidecode',
  lspci: 'pciutils',
  lsusb: 'usbutils',
  'edid-decode': 'edid-decode',
  memtester: 'memtester',
  'stress-ng': 'stress-ng',
  upower: 'upower',
  rtcwake: 'util-linux',
  mkfs: 'util-linux',
  'mkfs.ext4': 'e2fsprogs',
  mount: 'mount',
  umount: 'mount',
  udevadm: 'udev',
  openssl: 'openssl',
  evtest: 'evtest',
  'speaker-test': 'alsa-utils',
  arecord: 'alsa-utils',
  aplay: 'alsa-utils',
  amixer: 'alsa-utils',
  'v4l2-ctl': 'v4l-utils',
};

export function debianPackageFor(program: string): string {
  const base = program.split('/').pop() ?? program;
  return packages[base] ?? base;
}
