#!/bin/bash
# Runs inside the live image (test:image, storage-stacks.image.ts), as root on the serial console. Builds real
# storage stacks on the test's emulated disks — LVM with a mounted volume, md RAID1 over two disks, dm-crypt
# (LUKS2) — then asks gomme about each disk and tries to erase it. Prints one "@@result {json}" line per disk.
# Nothing here touches the boot stick or the GOMME-DATA disk: disks are found by the serials the test gave them.
set -uo pipefail
by_serial() { lsblk -dnpo PATH,SERIAL | awk -v s="$1" '$2 == s { print $1 }'; }
LVM=$(by_serial LVM0001) MD1=$(by_serial MD0001) MD2=$(by_serial MD0002) CRYPT=$(by_serial CRYPT0001)
FREE=$(by_serial FREE0001)
for d in LVM MD1 MD2 CRYPT FREE; do [ -b "${!d}" ] || { echo "@@fatal no disk for $d"; exit 1; }; done

step() { echo "@@step $*"; "$@" >/tmp/step.log 2>&1 || { echo "@@fatal $* failed: $(tail -3 /tmp/step.log)"; exit 1; }; }
step pvcreate -ff -y "$LVM"
step vgcreate gommetest "$LVM"
step lvcreate -y -n data -L 24M gommetest
# No lazy initialisation and a read-only mount: nothing may write to these disks once the stacks stand, so any
# change of their bytes afterwards is gomme's doing.
step mkfs.ext4 -q -E lazy_itable_init=0,lazy_journal_init=0 /dev/gommetest/data
mkdir -p /mnt/lvm && step mount -o ro /dev/gommetest/data /mnt/lvm
step mdadm --create /dev/md/gommetest --run --level=1 --raid-devices=2 --metadata=1.2 --assume-clean \
  "$MD1" "$MD2"
# pbkdf2 with few iterations: argon2's memory and time cost is pointless under emulation.
printf 'gomme-test' >/tmp/key
step cryptsetup luksFormat --batch-mode --type luks2 --pbkdf pbkdf2 --pbkdf-force-iterations 1000 \
  --key-file /tmp/key "$CRYPT"
step cryptsetup open --key-file /tmp/key "$CRYPT" gommetest
udevadm settle
sync
sleep 3

gomme drives --json >/tmp/drives.json 2>/tmp/drives.err || echo "@@fatal gomme drives: $(cat /tmp/drives.err)"
for d in LVM MD1 MD2 CRYPT FREE; do
  dev=${!d}
  before=$(sha256sum "$dev" | cut -d' ' -f1)
  gomme erase "$dev" --method zero --verify none --yes --json >/tmp/erase.json 2>/tmp/erase.err
  rc=$?
  after=$(sha256sum "$dev" | cut -d' ' -f1)
  node -e '
    const [name, dev, rc, before, after] = process.argv.slice(1);
    const drives = JSON.parse(require("fs").readFileSync("/tmp/drives.json", "utf8")).drives;
    const drive = drives.find((x) => x.path === dev) ?? null;
    const lines = require("fs").readFileSync("/tmp/erase.json", "utf8").trim().split("\n");
    const last = lines.length && lines.at(-1) ? JSON.parse(lines.at(-1)) : null;
    console.log("@@result " + JSON.stringify({ name, dev, protected: drive?.protected ?? null,
      reasons: drive?.protectionReasons ?? null, details: (drive?.protections ?? []).map((p) => p.detail),
      eraseExit: Number(rc), last, unchanged: before === after }));
  ' "$d" "$dev" "$rc" "$before" "$after"
done
echo "@@done"
