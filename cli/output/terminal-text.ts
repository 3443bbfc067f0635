/**
 * Drive data (model, serial, vendor, labels, mount points, tool messages) comes from firmware, filesystems
 * and USB sticks anyone can write: printed raw, "\x1b[2J" clears the technician's screen and U+202E turns text
 * around. Human output shows every control character as a visible escape instead; JSON output needs nothing
 * (JSON.stringify escapes C0 controls, and its consumers are programs).
 */

/** C0 and C1 controls, DEL, and the invisible direction marks and overrides (bidi). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_NEWLINE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `value` with each control character written as \xHH (or \uHHHH); newlines too unless `keepNewlines`. */
export function terminalSafe(value: string, options: { keepNewlines?: boolean } = {}): string {
  return value.replace(options.keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
