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
