#!/bin/sh
# Exit 0 when PATTERN (a fixed string, e.g. "gomme." or "gomme.mode=") is on the kernel command line or in the
# SMBIOS tables (OEM strings, where a hypervisor or a test puts gomme.* parameters), 1 otherwise. A cheap
# look-ahead for the boot units, not a parser: `gomme unattended` still reads and checks the parameters itself
# (cli/unattended/params.ts) and decides. Reading the raw table needs no dmidecode and no dmi-sysfs module.
[ $# -eq 1 ] || { echo "usage: asked.sh PATTERN" >&2; exit 2; }
grep -qF -- "$1" /proc/cmdline && exit 0
dmi=/sys/firmware/dmi/tables/DMI
[ -r "$dmi" ] && grep -qaF -- "$1" "$dmi"
