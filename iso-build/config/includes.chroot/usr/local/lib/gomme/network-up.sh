#!/bin/bash
# A stick station that talks to the workshop hub (gomme.hub= on the kernel command line or in SMBIOS OEM strings,
# or hub.json on the data partition from an earlier enrolment) needs the wired network before the unattended run
# enrols and pushes: ask for an address with DHCP. Nothing otherwise: a PC being wiped needs no network. A
# netbooted PC already has its address from the initramfs.
set -uo pipefail
wants_hub() {
  /usr/local/lib/gomme/asked.sh gomme.hub= && return 0
  [ -f /run/gomme-data/gomme/hub.json ]
}
wants_hub || exit 0
if ip -4 route show default | grep -q .; then
  echo "gomme-network: network already up ($(ip -4 -o addr show scope global | awk '{print $2, $4}' | head -n1))"
  exit 0
fi
echo "gomme-network: asking for an address (DHCP) to reach the hub"
# --oneshot --waitip: exit once an IPv4 address is set, at most 30 s; the run says "hub unreachable" otherwise.
# --noarp: no 5 s conflict probe (the DHCP server checks its leases), it would delay the unattended run.
if dhcpcd --oneshot --ipv4only --waitip=4 --timeout 30 --noarp; then
  echo "gomme-network: $(ip -4 -o addr show scope global | awk '{print $2, $4}' | head -n1)"
else
  echo "gomme-network: no address after 30 s (cable? DHCP server?); the records wait on this station"
fi
exit 0
