# Interactive shells write the journal where the unattended service does: on the GOMME-DATA partition.
if [ -z "${GOMME_DATA_DIR:-}" ] && mountpoint -q /run/gomme-data 2>/dev/null; then
  export GOMME_DATA_DIR=/run/gomme-data/gomme
fi
