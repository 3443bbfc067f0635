/** Pure arithmetic of a job's cumulative figures, kept across resumes. */

interface Point {
  pass: number;
  offset: number;
}

/**
 * Adds the bytes between two checkpoints to the per-pass totals (index 0 = pass 1). Checkpoints only move
 * forward within a run; a resume starts exactly at the stored one, so nothing is counted twice.
 */
export function addPassBytes(totals: readonly number[], from: Point, to: Point, sizeBytes: number): number[] {
  const out = [...totals];
  const add = (pass: number, bytes: number) => {
    if (bytes <= 0) return;
    while (out.length <= pass) out.push(0);
    out[pass] = (out[pass] ?? 0) + bytes;
  };
  if (to.pass < from.pass || (to.pass === from.pass && to.offset <= from.offset)) return out;
  let { pass, offset } = from;
  while (pass < to.pass) {
    add(pass, sizeBytes - offset);
    pass++;
    offset = 0;
  }
  add(pass, to.offset - offset);
  return out;
}

/** Seconds of the closed segments once the open one (if any) ends at `end`. */
export function closeSegment(prior: number, segmentStart: string | null, end: string | null): number {
  if (segmentStart === null || end === null) return prior;
  return prior + Math.max(0, (Date.parse(end) - Date.parse(segmentStart)) / 1000);
}
