#!/bin/bash
# Runs inside the live image (test:image, scsi-debug.image.ts), as root on the serial console, on the Debian
# kernel (which has scsi_debug; the development machines' kernel does not). Two real SCSI paths and one USB one:
#   1. scsi_debug with 4096-byte logical blocks: sg_opcodes lists no SANITIZE (scsi_debug implements none), so
#      gomme must choose the overwrite, and erase it for real;
#   2. scsi_debug with T10 protection information (dif=1, dix=1): READ CAPACITY(16) reports prot_en=1, which gomme
#      must show, and whatever it chooses must end honestly (never ERASED with the bytes unchanged);
#   3. the test's non-bootable USB disk (serial USBDATA01) behind QEMU's usb-storage, whose IDENTIFY through the
#      bridge is garbage: overwrite only, the bridge verdict on the record.
# Prints "@@result {json}" per case and "@@capture {json}" with each raw tool output (base64), so the integrator
# can keep them as real captures. Nothing here touches the boot stick or the GOMME-DATA disk.
set -uo pipefail
by_serial() { lsblk -dnpo PATH,SERIAL | awk -v s="$1" '$2 == s { print $1 }'; }
capture() { # name, command...
  local name=$1; shift
  local out err rc
  out=$("$@" 2>/tmp/cap.err); rc=$?; err=$(cat /tmp/cap.err)
  node -e 'const [n, rc, o, e] = process.argv.slice(1); console.log("@@capture " + JSON.stringify({ name: n,
    argv: process.argv.slice(5), exitCode: Number(rc), stdout: Buffer.from(o).toString("base64"),
    stderr: Buffer.from(e).toString("base64") }));' "$name" "$rc" "$out" "$err" "$@"
}
scsi_debug_dev() { # the disk scsi_debug just made (model "scsi_debug")
  for _ in $(seq 1 20); do
    dev=$(lsblk -dnpo PATH,MODEL | awk '$2 == "scsi_debug" { print $1; exit }')
    [ -n "$dev" ] && [ -b "$dev" ] && { echo "$dev"; return; }
    sleep 0.5
  done
}
run_case() { # name, device
  local name=$1 dev=$2
  udevadm settle
  capture "$name-sg_opcodes" sg_opcodes "$dev"
  capture "$name-sg_readcap" sg_readcap --long "$dev"
  gomme drives --json >/tmp/drives.json 2>/tmp/drives.err
  gomme erase "$dev" --dry-run --json >/tmp/plan.json 2>/tmp/plan.err
  before=$(sha256sum "$dev" | cut -d' ' -f1)
  gomme erase "$dev" --yes --json >/tmp/erase.json 2>/tmp/erase.err
  rc=$?
  after=$(sha256sum "$dev" | cut -d' ' -f1)
  node -e '
    const fs = require("fs");
    const [name, dev, rc, before, after] = process.argv.slice(1);
    const read = (f) => { try { return fs.readFileSync(f, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)); } catch { return []; } };
    const drive = (read("/tmp/drives.json")[0]?.drives ?? []).find((d) => d.path === dev) ?? null;
    const plan = (read("/tmp/plan.json").find((l) => l.type === "plan")?.drives ?? [])[0] ?? null;
    const result = read("/tmp/erase.json").find((l) => l.type === "result")?.drives?.[0] ?? null;
    console.log("@@result " + JSON.stringify({ name, dev, transport: drive?.transport ?? null,
      logicalSectorSize: drive?.logicalSectorSize ?? null, scsi: drive?.capabilities?.scsi ?? null,
      usbBridge: drive?.capabilities?.usbBridge ?? null, method: plan?.method ?? null, refused: plan?.refused ?? null,
      destroy: plan?.destroy ?? null, eraseExit: Number(rc), result: result?.result ?? null,
      errors: (result?.errors ?? []).slice(0, 3), unchanged: before === after,
      stderr: fs.readFileSync("/tmp/erase.err", "utf8").slice(-400) }));
  ' "$name" "$dev" "$rc" "$before" "$after"
}

modinfo scsi_debug >/dev/null 2>&1 || { echo "@@fatal no scsi_debug module in this kernel"; exit 1; }
capture modinfo-scsi_debug modinfo -F parm scsi_debug

modprobe scsi_debug sector_size=4096 dev_size_mb=64 || { echo "@@fatal modprobe scsi_debug sector_size=4096"; exit 1; }
DEV=$(scsi_debug_dev); [ -n "$DEV" ] || { echo "@@fatal no scsi_debug disk (4096)"; exit 1; }
# Data to erase: a pattern gomme must overwrite.
dd if=/dev/urandom of="$DEV" bs=1M count=8 oflag=direct status=none
run_case scsi-debug-4096 "$DEV"
modprobe -r scsi_debug

modprobe scsi_debug dif=1 dix=1 dev_size_mb=64 || { echo "@@fatal modprobe scsi_debug dif=1 dix=1"; exit 1; }
DEV=$(scsi_debug_dev); [ -n "$DEV" ] || { echo "@@fatal no scsi_debug disk (dif)"; exit 1; }
dd if=/dev/urandom of="$DEV" bs=1M count=8 oflag=direct status=none
run_case scsi-debug-dif1 "$DEV"
modprobe -r scsi_debug

USB=$(by_serial USBDATA01)
[ -b "$USB" ] || { echo "@@fatal no USB data disk"; exit 1; }
capture usb-hdparm-I hdparm -I "$USB"
capture usb-udevadm udevadm info --query=property --name="$USB"
run_case usb-qemu-storage "$USB"
echo "@@done"
