#!/usr/bin/env bash
# Writes gomme's ISO to a USB stick (or a disk IMAGE FILE) and appends the writable GOMME-DATA partition
# (journal, keys, certificates) after it.
# Usage: sudo bash iso-build/write-usb.sh TARGET [--iso FILE] [--data-size 1G] [--fs ext4|exfat] [--yes]
#   TARGET: an image file (created or overwritten), or a whole block device such as /dev/sdX. A device needs
#           --yes and is refused when it or any of its partitions is mounted, holds / or is not removable/USB.
# Default ISO: ${GOMME_ISO_WORKDIR:-/var/tmp/gomme-iso}/gomme-amd64.hybrid.iso (npm run iso).
set -euo pipefail
iso="${GOMME_ISO_WORKDIR:-/var/tmp/gomme-iso}/gomme-amd64.hybrid.iso"
data_size=1G
fs=ext4
yes=0
target=""
while (($#)); do
  case "$1" in
    --iso) iso="$2"; shift 2 ;;
    --data-size) data_size="$2"; shift 2 ;;
    --fs) fs="$2"; shift 2 ;;
    --yes) yes=1; shift ;;
    -h | --help) sed -n '2,8p' "$0"; exit 0 ;;
    *) [ -z "$target" ] || { echo "write-usb: one target only" >&2; exit 2; }; target="$1"; shift ;;
  esac
done
[ -n "$target" ] || { echo "usage: write-usb.sh TARGET [--iso FILE] [--data-size 1G] [--fs ext4|exfat] [--yes]" >&2; exit 2; }
[ -f "$iso" ] || { echo "write-usb: no ISO at $iso (run npm run iso)" >&2; exit 4; }
case "$fs" in ext4 | exfat) ;; *) echo "write-usb: --fs ext4 or exfat" >&2; exit 2 ;; esac

MiB=$((1024 * 1024))
iso_bytes=$(stat -c %s "$iso")
# The data partition starts on the first MiB boundary after the image.
start_mib=$(((iso_bytes + MiB - 1) / MiB + 1))
data_bytes=$(numfmt --from=iec "$data_size")

if [ -b "$target" ]; then
  # A real device: every check below must pass before a single byte is written.
  [ "$(id -u)" = 0 ] || { echo "write-usb: writing a device needs root" >&2; exit 8; }
  [ "$(lsblk -dn -o TYPE "$target")" = disk ] || { echo "write-usb: $target is not a whole disk" >&2; exit 3; }
  if lsblk -n -o MOUNTPOINTS "$target" | grep -q .; then
    echo "write-usb: $target (or one of its partitions) is mounted; refusing" >&2; exit 3
  fi
  root_disk=$(lsblk -n -o PKNAME "$(findmnt -n -o SOURCE /)" 2>/dev/null || true)
  [ "$(basename "$target")" != "${root_disk:-none}" ] && [ "$(findmnt -n -o SOURCE /)" != "$target" ] ||
    { echo "write-usb: $target holds the running system; refusing" >&2; exit 3; }
  tran=$(lsblk -dn -o TRAN "$target" | tr -d ' ')
  rm=$(lsblk -dn -o RM "$target" | tr -d ' ')
  [ "$tran" = usb ] || [ "$rm" = 1 ] || { echo "write-usb: $target is neither USB nor removable; refusing" >&2; exit 3; }
  if [ "$yes" != 1 ]; then
    lsblk -o NAME,SIZE,MODEL,SERIAL,TRAN "$target"
    echo "write-usb: everything on $target will be lost; run again with --yes to write it" >&2
    exit 3
  fi
  disk_bytes=$(blockdev --getsize64 "$target")
  ((disk_bytes >= (start_mib + 16) * MiB)) || { echo "write-usb: $target is too small" >&2; exit 5; }
  dd if="$iso" of="$target" bs=4M conv=fsync oflag=direct status=progress
else
  # An image file: ISO + data partition, sparse.
  total=$((start_mib * MiB + data_bytes))
  rm -f "$target"
  cp --sparse=always "$iso" "$target"
  truncate -s "$total" "$target"
fi

# Append partition 3 in the free space (the isohybrid MBR already holds the ISO and its EFI image).
echo "start=${start_mib}MiB, type=83" | sfdisk --append --no-reread --no-tell-kernel -q "$target"
read -r part_start part_sectors < <(sfdisk -d "$target" | awk -F'[=,]' '/start=/{s=$2; z=$4} END{gsub(/ /,"",s); gsub(/ /,"",z); print s, z}')
offset=$((part_start * 512))
bytes=$((part_sectors * 512))

if [ -b "$target" ]; then
  partx -u "$target" 2>/dev/null || partprobe "$target" || true
  udevadm settle || true
  part=$(lsblk -ln -o PATH,TYPE "$target" | awk '$2=="part"{p=$1} END{print p}')
  if [ "$fs" = ext4 ]; then mkfs.ext4 -q -F -L GOMME-DATA "$part"; else mkfs.exfat -L GOMME-DATA "$part"; fi
elif [ "$fs" = ext4 ]; then
  # mkfs.ext4 writes straight at the partition's offset in the file: no loop device needed.
  mkfs.ext4 -q -F -L GOMME-DATA -E offset="$offset" "$target" "$((bytes / 1024))k"
else
  # mkfs.exfat has no offset option: a loop device over the file only, detached whatever happens.
  loop=$(losetup --find --show --offset "$offset" --sizelimit "$bytes" "$target")
  trap 'losetup -d "$loop"' EXIT
  mkfs.exfat -L GOMME-DATA "$loop" >/dev/null
fi
sfdisk -l "$target" | sed 's/^/  /'
echo "write-usb: $target ready: ISO + GOMME-DATA ($fs, $((bytes / MiB)) MiB at $((offset / MiB)) MiB)"
