/**
 * Pure parser for `sg_requests --num=1 --progress <dev>` (sg3_utils `sg_requests.c`): while a SANITIZE or
 * FORMAT UNIT runs, the sense data carries a progress field and it prints
 *
 *   Progress indication: 25.00% done
 *
 * With no operation running it prints nothing; a NOT READY drive without progress prints "device not ready".
 * With --num=1 the sense is also decoded on stderr, which names a failed SANITIZE / FORMAT UNIT (ASC 31h).
 * Pass stdout and stderr together.
 */

export interface SgRequestsProgress {
  /** 0–100, or null when the drive reported no progress indication (nothing running). */
  percent: number | null;
  notReady: boolean;
  /** Sense says the last SANITIZE or FORMAT UNIT failed (ASC 31h: medium format corrupted / command failed). */
  failed: boolean;
}

export function parseSgRequestsProgress(output: string): SgRequestsProgress {
  const matches = [...output.matchAll(/Progress indication:\s*(\d+)\.(\d+)% done/g)];
  const last = matches[matches.length - 1];
  const percent = last ? Number(`${last[1]}.${last[2]}`) : null;
  return {
    percent,
    notReady: /device not ready/.test(output),
    failed: /sanitize command failed|medium format corrupted|format command failed/i.test(output),
  };
}
