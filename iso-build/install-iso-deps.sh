#!/usr/bin/env bash
# Installs, from Debian's own packages, what building the live image (`npm run iso`), writing it to a stick
# (`npm run usb`) and booting it in QEMU (`npm run test:image`) need on the host. Not part of CI's default path:
# `install-host-deps.sh` (npm test) does not call it.
# Usage: sudo bash iso-build/install-iso-deps.sh   (Debian 12 or 13, as root)
set -euo pipefail
packages=(
  live-build debootstrap debian-archive-keyring # lb build, run inside the chroot it makes
  xorriso squashfs-tools mtools dosfstools      # inspecting the ISO from the host
  sbsigntool                                    # `sbverify --list` evidence of the Secure Boot chain
  e2fsprogs exfatprogs fdisk                    # npm run usb: append and format the GOMME-DATA partition
  qemu-system-x86 qemu-utils ovmf               # npm run test:image: SeaBIOS, OVMF (+ Secure Boot variant)
)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Recommends off: qemu-system-x86 would otherwise pull a whole graphical stack.
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian 12's QEMU (7.2) takes ~28 s longer over the live image's kernel phase under TCG: a write to a page that holds
# translated code walks that page's list of translated blocks, and the initramfs's freed code pages are the
# first ones reused after the switch to the root filesystem (measured with perf: the kernel phase 50 s on 7.2,
# 22 s on 10.0, same image). The boot-time figures of test:image and test:netboot are taken on QEMU ≥ 10,
# which Debian 12 has in bookworm-backports (Debian 13's own is 10.0).
. /etc/os-release
qemu_major=$(dpkg-query -W -f='${Version}' qemu-system-x86 2>/dev/null | sed -E 's/^[0-9]+://; s/\..*//')
if [ "${VERSION_CODENAME:-}" = bookworm ] && [ "${qemu_major:-0}" -lt 10 ]; then
  list=/etc/apt/sources.list.d/bookworm-backports.list
  grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/ ||
    echo 'deb http://deb.debian.org/debian bookworm-backports main' >"$list"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends -t bookworm-backports qemu-system-x86 qemu-utils
fi
