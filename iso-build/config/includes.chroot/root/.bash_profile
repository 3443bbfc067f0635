# Root shells: tty2 (Alt+F2, technicians) and the serial console ttyS0. tty1 never logs in: it runs the guided
# screens (gomme-console.service).
[ -f ~/.bashrc ] && . ~/.bashrc
if [ "$(tty)" = /dev/tty2 ]; then
  case "${LANG:-}" in
    en*) echo "gomme technician console (root shell). Back to the guided screens: Alt+F1." ;;
    *) echo "Console technicien gomme (shell root). Revenir aux écrans guidés : Alt+F1." ;;
  esac
fi
