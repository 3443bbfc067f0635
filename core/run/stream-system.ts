/** Recording and replaying streamed programs (the `streams` key of a bundle), mirroring system.ts for commands. */
import { ReplayMissError, ToolMissingError } from '../errors.js';
import { argvKey, type Bundle } from './bundle.js';
import { type BundleStream, decodeChunk, encodeChunk } from './bundle-streams.js';
import {
  type CommandStream,
  NOT_INSTALLED_EXIT,
  type StreamChunk,
  type StreamEnd,
  type StreamRunner,
} from './runner.js';
import { debianPackageFor } from './tool-packages.js';

/** Wraps a stream runner so every chunk is also written, with its time, into `bundle.streams`. */
export function recordingStreams(inner: StreamRunner, bundle: Bundle): StreamRunner {
  return {
    async open(file, args, options) {
      const entry: BundleStream = { argv: [file, ...args], chunks: [], exitCode: null, stderr: '' };
      bundle.streams ??= [];
      bundle.streams.push(entry);
      let stream: CommandStream;
      try {
        stream = await inner.open(file, args, options);
      } catch (error) {
        if (error instanceof ToolMissingError) {
          entry.exitCode = NOT_INSTALLED_EXIT;
          entry.stderr = error.message;
        }
        throw error;
      }
      const started = performance.now();
      async function* tapped(): AsyncGenerator<StreamChunk> {
        for await (const chunk of stream.chunks) {
          entry.chunks.push(encodeChunk(chunk));
          yield chunk;
        }
      }
      return {
        argv: stream.argv,
        chunks: tapped(),
        stop() {
          entry.stoppedAtMs ??= Math.round(performance.now() - started);
          stream.stop();
        },
        done: stream.done.then((end) => {
          entry.exitCode = end.exitCode ?? -1;
          entry.stderr = end.stderr;
          return end;
        }),
      };
    },
  };
}

export interface ReplayStreamOptions {
  /** `recorded`: chunks come at their recorded times (a replayed key test looks live); `instant`: at once. */
  pace?: 'recorded' | 'instant';
}

/**
 * Streams from a bundle. The same argv opened again gets the next recording of it, and the last one once all
 * were used (a retried test replays the same thing).
 */
export function replayStreams(bundle: Bundle, options: ReplayStreamOptions = {}): StreamRunner {
  const queues = new Map<string, BundleStream[]>();
  for (const entry of bundle.streams ?? []) {
    const key = argvKey(entry.argv);
    queues.set(key, [...(queues.get(key) ?? []), entry]);
  }
  return {
    async open(file, args) {
      const argv = [file, ...args];
      const queue = queues.get(argvKey(argv));
      const entry = queue && queue.length > 1 ? queue.shift() : queue?.[0];
      if (!entry) throw new ReplayMissError(`the streamed command ${argv.join(' ')}`);
      if (entry.exitCode === NOT_INSTALLED_EXIT && entry.chunks.length === 0) {
        throw new ToolMissingError(file, debianPackageFor(file));
      }
      return replayedStream(argv, entry, options.pace ?? 'recorded');
    },
  };
}

function replayedStream(argv: string[], entry: BundleStream, pace: 'recorded' | 'instant'): CommandStream {
  const started = performance.now();
  let stopped = false;
  let wake: (() => void) | null = null;
  let finish: (end: StreamEnd) => void = () => {};
  const done = new Promise<StreamEnd>((resolve) => {
    finish = resolve;
  });
  const end = (): StreamEnd => ({
    exitCode: entry.exitCode,
    signal: null,
    stderr: entry.stderr,
    timedOut: false,
    stopped: stopped || entry.stoppedAtMs !== undefined,
    durationMs: Math.round(performance.now() - started),
  });
  async function* chunks(): AsyncGenerator<StreamChunk> {
    try {
      for (const recorded of entry.chunks) {
        const wait = pace === 'recorded' ? recorded.atMs - (performance.now() - started) : 0;
        if (wait > 0) {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, wait);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
        }
        if (stopped) return;
        yield decodeChunk(recorded);
      }
    } finally {
      finish(end());
    }
  }
  return {
    argv,
    chunks: chunks(),
    stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      finish(end());
    },
    done,
  };
}
