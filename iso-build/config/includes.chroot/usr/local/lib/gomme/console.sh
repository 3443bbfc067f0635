#!/bin/bash
# What tty1 shows (run by gomme-console.service, never by a login): during an unattended run, that run's log;
# otherwise gomme's guided screens (`gomme` alone, GOMME_LIVE=1 set by the wrapper), started again whenever they
# end, so a trainee never lands on a login prompt or a bare shell. Technicians have tty2 (Alt+F2).
set -uo pipefail
# Ctrl-C between two guides (while the message shows) must not end this screen; the guide reads Ctrl-C as a key.
trap '' INT QUIT TSTP
state=/run/gomme/unattended.state
run=/run/gomme/guide
mkdir -p "$run"

# $1 French, $2 English: the boot entry chose the language (live-config's locales= → LANG).
say() { case "${LANG:-}" in en*) printf '%s\n' "$2" ;; *) printf '%s\n' "$1" ;; esac; }

# The largest bold Terminus font that still leaves the guide 80x25: read from a metre away by someone who may
# struggle with small print, instead of 8x16 dots on a wide screen (160x50 on 1280x800). Latin-9 fonts (256
# glyphs, every French letter): a 512-glyph font takes the VGA text mode's bright bit, and the guide's grey
# hints then draw black on black (seen with nomodeset). No framebuffer (VGA text mode, 80x25): 8x16.
pick_font() {
  local size width height font w h dir=/usr/share/consolefonts
  if ! size=$(cat /sys/class/graphics/fb0/virtual_size 2>/dev/null); then
    setfont -C /dev/tty1 "$dir/Lat15-TerminusBold16.psf.gz"
    return 0
  fi
  width=${size%,*} height=${size#*,}
  for font in 32x16 28x14 24x12 22x11 20x10 18x10; do
    h=${font%x*} w=${font#*x}
    if [ $((width / w)) -ge 80 ] && [ $((height / h)) -ge 25 ]; then
      setfont -C /dev/tty1 "$dir/Lat15-TerminusBold$font.psf.gz" && return 0
    fi
  done
  setfont -C /dev/tty1 "$dir/Lat15-TerminusBold16.psf.gz"
}
pick_font

# One guide always waits, loaded, on a FIFO (GOMME_GUIDE_STANDBY): the next one is ready while the current one
# runs, so a guide that ends or crashes is replaced within a second or two even where loading Node and Ink takes
# half a minute (an old PC, or QEMU without KVM). It reads nothing from the keyboard until it is told to start.
spawn_standby() {
  standby=$((${standby:-0} + 1))
  rm -f "$run/$standby.fifo" && mkfifo -m 0600 "$run/$standby.fifo"
  # Explicit stdin: a background job of a script would otherwise read /dev/null instead of the keyboard.
  # Niced while it waits, so loading it never slows the guide in use; renice'd when it takes over.
  GOMME_GUIDE_STANDBY="$run/$standby.fifo" nice -n 10 gomme </dev/tty1 2>"$run/$standby.err" &
  standby_pid=$!
}

# gomme-unattended.service (started before this one) writes its decision (none, or run MODE) as soon as it has
# read its parameters. Wait for it rather than race it: an unattended run owns the drives, and this screen then
# shows its log. It ending without a decision (a crash), or not running at all (no gomme.* parameter: the unit
# is skipped), leaves the guide in charge.
# The wait asks systemd once for the run's process, then only looks at it and at the state file: a systemctl
# every 0.3 s is a process started three times a second beside the run's own start (seconds of CPU on a slow PC).
# read -t on a pipe nobody writes to is a sleep without starting a process.
await_decision() {
  local pid
  pid=$(systemctl show -p MainPID --value gomme-unattended.service 2>/dev/null) || pid=0
  exec {tick}<> <(:)
  while [ ! -s "$state" ] && [ "${pid:-0}" -gt 0 ] && kill -0 "$pid" 2>/dev/null; do read -rt 0.3 -u "$tick" || :; done
  exec {tick}<&-
  if grep -q '^run' "$state" 2>/dev/null; then
    [ -z "${standby_pid:-}" ] || kill "$standby_pid" 2>/dev/null
    clear
    say "gomme : mode sans surveillance en cours. Console technicien : Alt+F2." \
      "gomme: unattended run in progress. Technician console: Alt+F2."
    exec journalctl --no-hostname -o cat -f -u gomme-unattended.service
  fi
}

# When a mode is asked for, the decision comes first: most likely the guide is not needed, and loading it beside
# the unattended run's start would slow that start (two Node processes on the two cores of an old PC). Otherwise
# the guide starts loading at once and the decision (none) comes meanwhile.
if /usr/local/lib/gomme/asked.sh gomme.mode=; then
  await_decision
  spawn_standby
else
  spawn_standby
  await_decision
fi

while true; do
  current=$standby current_pid=$standby_pid
  # After a crash the message stays until the next guide draws over it (it clears the screen when it starts).
  [ "${crashed:-0}" = 1 ] || clear
  crashed=0
  [ -e "$run/$current.fifo.ready" ] ||
    say "Chargement du guide, patientez..." "Loading the guide, please wait..."
  echo go >"$run/$current.fifo"
  renice -n 0 -p "$current_pid" >/dev/null
  # The next one loads once this one is on screen (its FIFO was opened, so it is loaded).
  spawn_standby
  wait "$current_pid"
  rc=$?
  cat "$run/$current.err" >>"$run/stderr.history" 2>/dev/null
  if [ "$rc" -ne 0 ]; then
    clear
    say "Le guide s'est arrêté (code $rc). Il redémarre tout seul, ne touchez à rien." \
      "The guide stopped (code $rc). It restarts by itself, touch nothing."
    # gomme's own messages are written for people (typed errors, never a stack trace): show the last ones.
    tail -n 3 "$run/$current.err" 2>/dev/null
    say "Si cela se répète, appelez l'encadrant (console technicien : Alt+F2)." \
      "If this happens again, call the supervisor (technician console: Alt+F2)."
    crashed=1
  fi
  rm -f "$run/$current.fifo" "$run/$current.fifo.ready" "$run/$current.err"
done
