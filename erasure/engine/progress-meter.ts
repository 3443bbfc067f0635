/** Rate and ETA over a sliding window, and the source-side throttle for progress events. */
export class ProgressMeter {
  private samples: { at: number; bytes: number }[] = [];
  private lastEmit = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly now: () => number,
    private readonly intervalMs: number,
    private readonly windowMs = 5_000,
  ) {}

  /** Records the running total; returns true when a progress event is due. */
  update(bytesDone: number, force = false): boolean {
    const at = this.now();
    this.samples.push({ at, bytes: bytesDone });
    while (this.samples.length > 2 && at - (this.samples[0]?.at ?? at) > this.windowMs) this.samples.shift();
    if (!force && at - this.lastEmit < this.intervalMs) return false;
    this.lastEmit = at;
    return true;
  }

  /** Bytes per second over the window (0 until two samples exist). */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return ((last.bytes - first.bytes) * 1000) / (last.at - first.at);
  }

  eta(remainingBytes: number): number | null {
    const rate = this.rate();
    return rate > 0 ? Math.round(remainingBytes / rate) : null;
  }

  reset(): void {
    this.samples = [];
  }
}
