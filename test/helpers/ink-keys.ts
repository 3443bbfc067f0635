/** Keys and waits for the guide's Ink tests (ink-testing-library): what a trainee types, and what they see. */
export const ENTER = '\r';
export const DOWN = '\u001B[B';
export const ESC = '\u001B';
export const CTRL_C = '\u0003';

export const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** One key at a time, with the pause a person leaves between two keys. */
export async function keys(stdin: { write(s: string): void }, ...sequence: string[]): Promise<void> {
  for (const k of sequence) {
    stdin.write(k);
    await tick();
  }
}

/**
 * The first frame drawn since `from` that shows `what`: a screen shown between two polls is not missed, nor
 * the last one that Ink's unmount replaces with an empty frame.
 */
export async function drawn(frames: string[], what: string, from = 0, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const f = frames.slice(from).find((x) => x.includes(what));
    if (f !== undefined) return f;
    await tick(20);
  }
  throw new Error(`"${what}" never appeared in ${frames.length} frames; last:\n${frames.at(-1)}`);
}
