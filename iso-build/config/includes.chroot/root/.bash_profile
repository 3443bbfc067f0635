# Automatic root login: tty1 goes straight into gomme, other consoles (tty2, ttyS0) get a plain root shell.
[ -f ~/.bashrc ] && . ~/.bashrc
if [ "$(tty)" = /dev/tty1 ] && [ -z "${GOMME_CONSOLE:-}" ]; then
  export GOMME_CONSOLE=1
  exec /usr/local/lib/gomme/console.sh
fi
