/**
 * Pure parser for `hdparm --sanitize-status <dev>` (hdparm 9.65 `do_sanitize_cmd`). Pass stdout and stderr
 * together: hdparm writes the state to stdout but "SANITIZE feature set is not supported" (exit 22) and the
 * error reason to stderr.
 *
 *   Sanitize status:
 *       State:    SD2 Sanitize operation In Process
 *       Progress: 0x41c2 (25%)
 *       Last Sanitize Operation Completed Without Error
 *       Antifreeze bit set
 *   SANITIZE device error reason: Device in FROZEN state      (stderr)
 *   Drive in SD3 Sanitize Operation Failed state               (stderr)
 *
 * hdparm itself only reports SD0–SD2 in the status; SD3 comes from the error path. "Completed Without Error"
 * can show on a drive that never ran a sanitize (nwipe se_ata.h): it is not proof of an erase.
 */

export type AtaSanitizeState = 'SD0' | 'SD1' | 'SD2' | 'SD3' | 'SD4';

export interface HdparmSanitizeStatus {
  state: AtaSanitizeState | null;
  /** The words after the state code, e.g. "Sanitize operation In Process". */
  stateText: string | null;
  /** LBA(15:0) as printed in hex: progress over 65535. */
  progressRaw: number | null;
  progressPercent: number | null;
  /** null when no status block was printed. */
  lastCompletedWithoutError: boolean | null;
  /** "Antifreeze bit set"; null when no status block was printed. */
  antifreeze: boolean | null;
  /** "SANITIZE device error reason: …", e.g. "Device in FROZEN state". */
  errorReason: string | null;
  /** hdparm refused: the drive's IDENTIFY word 59 lacks the SANITIZE feature set. */
  notSupported: boolean;
}

export function parseHdparmSanitizeStatus(text: string): HdparmSanitizeStatus {
  const out: HdparmSanitizeStatus = {
    state: null,
    stateText: null,
    progressRaw: null,
    progressPercent: null,
    lastCompletedWithoutError: null,
    antifreeze: null,
    errorReason: null,
    notSupported: /SANITIZE feature set is not supported/.test(text),
  };

  const state =
    /^\s*State:\s*(SD[0-4])\b[ \t]*([^\n]*?)\s*$/m.exec(text) ??
    /Drive in (SD[0-4])\b[ \t]*([^\n]*?)\s+state\s*$/m.exec(text);
  if (state) {
    out.state = state[1] as AtaSanitizeState;
    out.stateText = state[2] || null;
  }

  const progress = /Progress:\s*0x([0-9a-fA-F]{1,4})(?:\s*\((\d{1,3})%\))?/.exec(text);
  if (progress?.[1]) {
    out.progressRaw = Number.parseInt(progress[1], 16);
    // Prefer hdparm's own figure; derive it the same way ((raw + 1) × 100 / 65535) only when it is missing.
    out.progressPercent =
      progress[2] !== undefined
        ? Number(progress[2])
        : Math.min(100, Math.floor(((out.progressRaw + 1) * 100) / 0xffff));
  }

  if (/Sanitize status:/.test(text) || /^\s*State:\s*SD[0-4]/m.test(text)) {
    out.lastCompletedWithoutError = /Last Sanitize Operation Completed Without Error/.test(text);
    out.antifreeze = /Antifreeze bit set/.test(text);
  }

  const reason = /SANITIZE device error reason:\s*([^\n]*?)\s*$/m.exec(text);
  if (reason?.[1]) out.errorReason = reason[1];
  return out;
}
