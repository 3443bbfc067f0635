#!/bin/bash
# Mounts the GOMME-DATA partition read-write on /run/gomme-data, wherever it is (the boot stick's extra
# partition, or any other disk carrying that label). gomme always protects the device holding it.
# First boot from a stick written with dd: when no GOMME-DATA exists, `gomme.data=create` on the kernel command
# line creates it in the free space after the image (never by default: it writes to the boot medium).
set -euo pipefail
label=GOMME-DATA
target=/run/gomme-data

# blkid exits 2 when no such label exists: that is an answer, not an error (set -e, pipefail).
# -c /dev/null: probe the disks themselves (they are in /proc/partitions before udev has processed them), not
# a cache; so the usual case (the stick's own GOMME-DATA, found by live-boot's scan already) needs no wait.
find_data() { blkid -c /dev/null -o device -t "LABEL=$label" 2>/dev/null | head -n1 || true; }

create_on_medium() {
  # The disk holding live-boot's medium, only when it is a writable disk with a DOS table (isohybrid).
  local part disk pttype
  part=$(findmnt -n -o SOURCE /run/live/medium 2>/dev/null) || return 1
  disk=/dev/$(lsblk -n -o PKNAME "$part" | head -n1)
  [ -b "$disk" ] || return 1
  pttype=$(lsblk -dn -o PTTYPE "$disk")
  [ "$pttype" = dos ] || { echo "gomme-data: $disk has no DOS partition table; not creating $label"; return 1; }
  [ "$(lsblk -dn -o RO "$disk" | tr -d ' ')" = 0 ] || return 1
  echo "gomme-data: creating $label in the free space of $disk"
  local before after newpart number
  before=$(sfdisk -d "$disk" | grep -c '^/dev/')
  echo ',,83' | sfdisk --append --no-reread --no-tell-kernel --force -q "$disk"
  after=$(sfdisk -d "$disk" | grep -c '^/dev/')
  [ "$after" -eq $((before + 1)) ] || { echo "gomme-data: sfdisk added no partition"; return 1; }
  # The NEW partition only, by its number (never "the last partition the kernel knows", which may be the ISO's).
  newpart=$(sfdisk -d "$disk" | awk '/^\/dev\//{p=$1} END{print p}')
  number=$(printf '%s' "$newpart" | grep -o '[0-9]*$')
  partx -a --nr "$number" "$disk"
  udevadm settle --timeout=30 || true
  [ -b "$newpart" ] || { echo "gomme-data: $newpart did not appear"; return 1; }
  mkfs.ext4 -q -F -L "$label" "$newpart"
  udevadm settle --timeout=30 || true
}

dev=$(find_data)
# Not there yet: a USB disk may still be enumerating. Only then wait for udev (up to 30 s under emulation).
# Not on a PC booted from the hub (live-boot's fetch=): its proof goes to the hub, and its own disks are the
# donor's; a GOMME-DATA disk plugged in at boot is still found by the probe above.
if [ -z "$dev" ] && ! grep -qE '(^| )(fetch|httpfs|netboot)=' /proc/cmdline; then
  udevadm settle --timeout=30 || true
  dev=$(find_data)
fi
if [ -z "$dev" ] && grep -qw 'gomme.data=create' /proc/cmdline; then
  create_on_medium || true
  dev=$(find_data)
fi
if [ -z "$dev" ]; then
  echo "gomme-data: no partition labelled $label; the journal stays in RAM for this boot"
  exit 0
fi
mkdir -p "$target"
fstype=$(blkid -o value -s TYPE "$dev")
opts=rw,noatime
# exFAT has no Unix permissions: without `quiet`, chmod (the journal is 0600) fails.
[ "$fstype" = exfat ] && opts="$opts,quiet,fmask=0077,dmask=0077"
mount -t "$fstype" -o "$opts" "$dev" "$target"
mkdir -p "$target/gomme"
echo "gomme-data: $dev ($fstype) mounted on $target"
