#!/usr/bin/env bash
# Installs the Debian packages gomme needs on this machine (runtime + tests), then the npm dependencies.
# Usage: sudo bash iso-build/install-host-deps.sh   (Debian 12 or 13, as root)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
packages() { grep -hv '^\s*#' "$@" | grep -v '^\s*$'; }
missing=()
for pkg in $(packages "$here/packages-runtime.txt" "$here/packages-test.txt"); do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
cd "$here/.."
# The browser tests use Debian's chromium (packages-test.txt): never a browser download at install.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund
