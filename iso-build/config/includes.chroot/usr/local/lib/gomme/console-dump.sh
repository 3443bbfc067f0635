#!/bin/bash
# Test support (see gomme-console-dump.service): starts the console copier only when a test asked for it.
set -uo pipefail
param=gomme-test.console-dump=1
if ! grep -qw -- "$param" /proc/cmdline && ! dmidecode -t 11 2>/dev/null | grep -qw -- "$param"; then
  exit 0
fi
exec /usr/bin/node /usr/local/lib/gomme/console-dump.mjs /dev/ttyS1 1 2
