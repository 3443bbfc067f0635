/** The wall clock and timer the test sessions use; tests pass their own. */
export interface SessionClock {
  nowMs(): number;
  /** Calls `fn` every `ms` until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

export const realClock: SessionClock = {
  nowMs: () => Date.now(),
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  },
};
