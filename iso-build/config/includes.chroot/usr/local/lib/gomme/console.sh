#!/bin/bash
# What tty1 shows after the automatic root login: the unattended run when one was asked for, else gomme's
# guided screens (`gomme` with no argument, GOMME_LIVE=1 set by the wrapper). Should `gomme` alone be a usage
# error (exit 2, an older build), list the drives instead. Either way a root shell follows; tty2 holds another.
set -uo pipefail
if systemctl is-active --quiet gomme-unattended.service || [ -e /run/gomme-unattended.active ]; then
  echo "gomme : mode sans surveillance en cours (Ctrl-C pour quitter l'affichage ; tty2 : shell root)"
  journalctl --no-hostname -o cat -f -u gomme-unattended.service
else
  gomme 2>/run/gomme-console.err
  rc=$?
  if [ "$rc" -eq 2 ]; then
    gomme drives
  elif [ "$rc" -ne 0 ]; then
    cat /run/gomme-console.err >&2
  fi
fi
echo "Shell root (gomme --help pour l'aide ; Alt+F2 : deuxième console)"
exec bash -i
