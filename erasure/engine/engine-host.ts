import type { BlockDevice } from '../io/block-device.js';
import { claimTargets } from './claim-targets.js';
import type { ClaimTarget, FromEngine, ToEngine } from './engine-protocol.js';
import { DEFAULT_TUNING, runOverwriteJob } from './overwrite-job.js';
import { withDeadline } from './with-deadline.js';

export interface EngineHostIo {
  send(message: FromEngine): void;
  open(target: ClaimTarget): Promise<BlockDevice>;
  /** Ends the engine process (after 'release'). */
  exit(): void;
}

/**
 * The engine process's side of the protocol: claims the drives, runs the overwrite jobs on them and reports
 * events, checkpoints and outcomes. Kept apart from the process wiring (engine-main.ts) so it can be tested in
 * memory.
 */
export class EngineHost {
  private readonly held = new Map<string, BlockDevice>();
  private readonly stop = new AbortController();

  constructor(private readonly io: EngineHostIo) {}

  async handle(message: ToEngine): Promise<void> {
    switch (message.type) {
      case 'claim': {
        const { results, held } = await claimTargets(message.targets, {
          open: (target) => this.io.open(target),
          stallMs: message.stallMs,
          busyRetryMs: message.busyRetryMs,
        });
        for (const [jobId, device] of held) this.held.set(jobId, device);
        this.io.send({ type: 'claimed', results });
        return;
      }
      case 'run':
        await this.run(message);
        return;
      case 'abort':
        this.stop.abort();
        return;
      case 'release':
        for (const device of this.held.values()) await device.close();
        this.held.clear();
        this.io.send({ type: 'released' });
        this.io.exit();
        return;
    }
  }

  private async run({ spec, tuning, openAtRun }: Extract<ToEngine, { type: 'run' }>): Promise<void> {
    const { jobId } = spec;
    let device = this.held.get(jobId);
    if (!device && openAtRun) {
      let abandoned = false;
      const opening = this.io.open({ jobId, path: spec.device, hold: true });
      // An open that answers after the deadline lets go of the device at once.
      opening.then(
        (late) => (abandoned ? late.close() : undefined),
        () => {},
      );
      try {
        device = await withDeadline(opening, tuning.stallMs ?? DEFAULT_TUNING.stallMs);
      } catch (error) {
        // Busy, gone, or no answer: the job cannot start (reported like an open failure, before any write).
        abandoned = true;
        this.io.send({
          type: 'crashed',
          jobId,
          message: error instanceof Error ? error.message : String(error),
        });
        return;
      }
    }
    if (!device) {
      this.io.send({ type: 'crashed', jobId, message: `${spec.device} was not claimed before its job ran` });
      return;
    }
    // From here the job owns the device: it closes it, or leaves it to a drive that stopped answering.
    this.held.delete(jobId);
    try {
      const outcome = await runOverwriteJob(spec, {
        openDevice: async () => device,
        emit: (event) => this.io.send({ type: 'event', event }),
        checkpoint: (pass, offset) => this.io.send({ type: 'checkpoint', jobId, pass, offset }),
        signal: this.stop.signal,
        tuning,
      });
      this.io.send({ type: 'finished', jobId, outcome });
    } catch (error) {
      // Not a drive failure (those are outcomes): a bug. The parent records it; the other jobs go on.
      this.io.send({
        type: 'crashed',
        jobId,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
