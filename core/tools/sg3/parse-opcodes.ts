/**
 * Pure parser for `sg_opcodes <dev>` (REPORT SUPPORTED OPERATION CODES; sg3_utils `sg_opcodes.c`). Each
 * supported command is one line, the opcode in hex at column 1, the service action (hex) in the next field:
 *
 *    04                 6    0,0    Format unit                       (default layout)
 *    48        1       10    0,0    Sanitize, overwrite
 *    48,1    Sanitize, overwrite                                       (--compact)
 *
 * A drive that does not implement the command answers "Invalid opcode" / "not supported" on stderr and
 * nothing is listed: then every fact is null (unknown), never false.
 */

export interface SgOpcodes {
  /** The drive answered with a list: absent commands are then really unsupported. */
  listed: boolean;
  formatUnit: boolean | null;
  sanitize: boolean | null;
  sanitizeOverwrite: boolean | null;
  sanitizeBlock: boolean | null;
  sanitizeCrypto: boolean | null;
  /** Every (opcode, service action) pair read, e.g. "48/1", "04". */
  commands: string[];
}

const DEFAULT_LINE = /^ ([0-9a-f]{2}) {5}(.{4}) {7}\s*\d+/i;
const COMPACT_LINE = /^ ([0-9a-f]{2})([ ,])([0-9a-f ]{4}) {3}\S/i;

export function parseSgOpcodes(output: string): SgOpcodes {
  const commands: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const full = DEFAULT_LINE.exec(line);
    const compact = full ? null : COMPACT_LINE.exec(line);
    const m = full ?? compact;
    if (!m) continue;
    const opcode = (m[1] ?? '').toLowerCase();
    const sa = ((full ? full[2] : compact?.[3]) ?? '').trim();
    commands.push(sa === '' ? opcode : `${opcode}/${Number.parseInt(sa, 16).toString(16)}`);
  }
  const listed = commands.length > 0;
  const has = (c: string): boolean | null => (listed ? commands.includes(c) : null);
  const sanitizeActions = ['48/1', '48/2', '48/3'];
  return {
    listed,
    formatUnit: has('04'),
    sanitize: listed ? sanitizeActions.some((c) => commands.includes(c)) : null,
    sanitizeOverwrite: has('48/1'),
    sanitizeBlock: has('48/2'),
    sanitizeCrypto: has('48/3'),
    commands,
  };
}
