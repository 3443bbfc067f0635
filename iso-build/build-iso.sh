#!/usr/bin/env bash
# Builds gomme's hybrid live ISO (USB stick and CD, BIOS and UEFI with Secure Boot) with Debian's live-build.
# Usage: sudo bash iso-build/build-iso.sh   (or: npm run iso)
# Env:   GOMME_ISO_WORKDIR (default /var/tmp/gomme-iso) keeps live-build's cache between builds (warm builds);
#        GOMME_ISO_MIRROR (default http://deb.debian.org/debian/);
#        GOMME_ISO_SKIP_NPM_BUILD=1 ships the existing dist/ without running npm run build.
# Output: $GOMME_ISO_WORKDIR/gomme-amd64.hybrid.iso (+ .sha256). Nothing large is written inside the repository.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
work="${GOMME_ISO_WORKDIR:-/var/tmp/gomme-iso}"
mirror="${GOMME_ISO_MIRROR:-http://deb.debian.org/debian/}"
security="http://deb.debian.org/debian-security/"
lbdir="$work/lb"
app="$work/app/opt/gomme"
iso="$work/gomme-amd64.hybrid.iso"

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*"; }
[ "$(id -u)" = 0 ] || { echo "build-iso: run as root (live-build needs chroot and mounts)" >&2; exit 8; }
command -v lb >/dev/null || { echo "build-iso: live-build missing: sudo bash iso-build/install-iso-deps.sh" >&2; exit 9; }
start=$(date +%s)

# Reproducibility: every timestamp live-build writes comes from the last commit, not from the clock.
SOURCE_DATE_EPOCH="$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)"
export SOURCE_DATE_EPOCH

log "1/4 building gomme (npm run build) and staging /opt/gomme with production node_modules"
# GOMME_ISO_SKIP_NPM_BUILD=1 ships dist/ as it is (when another build step already made it).
[ "${GOMME_ISO_SKIP_NPM_BUILD:-0}" = 1 ] || (cd "$repo" && npm run build --silent)
[ -f "$repo/dist/cli/main.js" ] || { echo "build-iso: dist/cli/main.js missing: npm run build" >&2; exit 1; }
# npm run build also bundles the image's entries (iso-build/bundle-app.mjs); /usr/local/bin/gomme runs those.
[ -f "$repo/dist/bundle/gomme.js" ] && [ -f "$repo/dist/bundle/gomme-unattended.js" ] ||
  { echo "build-iso: dist/bundle/ missing: npm run build" >&2; exit 1; }
rm -rf "$work/app" && mkdir -p "$app"
cp "$repo/package.json" "$repo/package-lock.json" "$app/"
# Only the shipped code: dist/test holds benchmarks and test helpers.
(cd "$repo/dist" && tar --exclude=./test -cf - .) | (mkdir -p "$app/dist" && tar -C "$app/dist" -xf -)
# Production dependencies: the closure `npm ls --omit=dev` names, copied from this checkout's node_modules (the
# tree the tests ran against; no registry round trip, no prebuilt download from GitHub, no compiler). Its native
# module was built on this host for Node 20 (ABI 115 = trixie's nodejs); the chroot hook proves it loads there.
host_abi="$(node -p process.versions.modules)"
[ "$host_abi" = 115 ] || { echo "build-iso: host Node has ABI $host_abi; need Node 20 (115) like trixie" >&2; exit 1; }
if ! deps="$(cd "$repo" && npm ls --omit=dev --all --parseable 2>"$work/npm-ls.err")"; then
  cat "$work/npm-ls.err" >&2
  echo "build-iso: node_modules does not match package.json: run npm ci (or npm install) first" >&2
  exit 9
fi
# npm lists an optional peer that happens to be installed (valibot → typescript, 23 MB) as part of the closure:
# a package the project itself only needs for development never ships.
dev_only="$(cd "$repo" && node -p "Object.keys(require('./package.json').devDependencies ?? {}).map((n) => 'node_modules/' + n).join('\n')")"
printf '%s\n' "$deps" | sed -n "s|^$repo/||p" | grep '^node_modules/' | grep -vxF -f <(printf '%s\n' "$dev_only") \
  >"$work/prod-deps.txt"
# better-sqlite3's C sources and object files are build leftovers: only the .node file is needed at run time.
tar -C "$repo" -cf - \
  --exclude=node_modules/better-sqlite3/deps --exclude=node_modules/better-sqlite3/src \
  --exclude='node_modules/better-sqlite3/build/Release/obj*' --exclude='node_modules/better-sqlite3/build/Release/*.a' \
  --exclude=node_modules/better-sqlite3/build/Release/test_extension.node \
  -T "$work/prod-deps.txt" | tar -C "$app" -xf -
[ -f "$app/node_modules/better-sqlite3/build/Release/better_sqlite3.node" ] ||
  { echo "build-iso: better-sqlite3 is not built in node_modules: run npm ci first" >&2; exit 9; }
rm -rf "$app/node_modules/.cache"
# gomme's own native module (AES-CTR keystream in place, built by npm ci from erasure/patterns/native): only the
# .node file ships; without it random passes still run, at half the speed, so a missing build stops the image.
native=erasure/patterns/native/build/Release/gomme_aes_ctr.node
[ -f "$repo/$native" ] || { echo "build-iso: $native is not built: run npm ci first" >&2; exit 9; }
install -D -m 0644 "$repo/$native" "$app/$native"
log "    /opt/gomme: $(du -sh "$app" | cut -f1)"

log "2/4 configuring live-build in $lbdir (cache kept between builds)"
mkdir -p "$lbdir"
cd "$lbdir"
lb clean >/dev/null 2>&1 || true   # keeps cache/ (downloaded packages), drops chroot/ binary/ stage
rm -rf config
lb config \
  --mode debian --distribution trixie --architecture amd64 --archive-areas main \
  --mirror-bootstrap "$mirror" --mirror-chroot "$mirror" --mirror-binary "$mirror" \
  --parent-mirror-bootstrap "$mirror" --parent-mirror-chroot "$mirror" --parent-mirror-binary "$mirror" \
  --mirror-chroot-security "$security" --mirror-binary-security "$security" \
  --parent-mirror-chroot-security "$security" --parent-mirror-binary-security "$security" \
  --binary-images iso-hybrid --bootloaders "grub-efi syslinux" --uefi-secure-boot enable \
  --debian-installer none --memtest none --win32-loader false \
  --firmware-chroot false --firmware-binary false --apt-recommends false --apt-indices false \
  --linux-flavours amd64 --chroot-squashfs-compression-type zstd --chroot-squashfs-compression-level 3 \
  --iso-volume GOMME --iso-application gomme --iso-publisher "gomme project" --hdd-label GOMME \
  --image-name gomme \
  `# French and AZERTY are baked into the image (no boot parameter: live-config then has nothing to redo);` \
  `# the English entry and any edited entry switch with live-config's locales= and keyboard-layouts=.` \
  `# libata.allow_tpm=1: the kernel passes TCG (Opal) commands to SATA drives, which sedutil needs.` \
  `# nonetworking: live-boot writes no ifupdown DHCP stanza per NIC (the image raises no network unless a hub is` \
  `# set: gomme-network.service), and skips the udev re-trigger of every device that goes with it (~5 s` \
  `# under emulation); a netbooted PC keeps the address its initramfs got.` \
  --bootappend-live "boot=live components quiet nonetworking libata.allow_tpm=1 console=tty0 console=ttyS0,115200n8" \
  --bootappend-live-failsafe "boot=live components quiet nonetworking nomodeset libata.allow_tpm=1 console=tty0 console=ttyS0,115200n8" \
  >/dev/null

cp -a "$here/config/." config/
# The tools gomme calls: the shared list (also installed on development machines), one package a line.
grep -hv '^\s*#' "$here/packages-runtime.txt" | grep -v '^\s*$' >config/package-lists/gomme-runtime.list.chroot
mkdir -p config/includes.chroot/opt
cp -a "$work/app/opt/gomme" config/includes.chroot/opt/

log "3/4 lb build (log: $work/lb-build.log)"
if ! lb build >"$work/lb-build.log" 2>&1; then
  tail -n 40 "$work/lb-build.log" >&2
  exit 1
fi
built="$(ls -1 "$lbdir"/*.hybrid.iso | head -n1)"
[ -f "$built" ] || { echo "build-iso: no ISO produced" >&2; tail -n 40 "$work/lb-build.log" >&2; exit 1; }
grep -q 'better-sqlite3 OK' "$work/lb-build.log" || { echo "build-iso: chroot check of better-sqlite3 missing" >&2; exit 1; }
mv -f "$built" "$iso"
(cd "$work" && sha256sum "$(basename "$iso")" >"$iso.sha256")

log "4/4 done in $(($(date +%s) - start)) s: $iso ($(stat -c %s "$iso") bytes, $(du -m "$iso" | cut -f1) MiB)"
grep 'gomme hook:' "$work/lb-build.log" | sed 's/^/    /'
