import { ReplayMissError, ToolMissingError } from '../errors.js';
import { argvKey, type Bundle, emptyBundle } from './bundle.js';
import { ExecaRunner, ExecaStreamRunner } from './execa-runner.js';
import {
  type CommandResult,
  type CommandRunner,
  NOT_INSTALLED_EXIT,
  type RunOptions,
  type StreamRunner,
} from './runner.js';
import { type ReplayStreamOptions, recordingStreams, replayStreams } from './stream-system.js';
import { listingKey, RealSystemFiles, type SystemFiles } from './system-files.js';
import { debianPackageFor } from './tool-packages.js';

/** Everything that reads the machine goes through a System: real, recording into a bundle, or replaying one. */
export interface System {
  runner: CommandRunner;
  files: SystemFiles;
  /** True when nothing real is touched (replay). Commands that write must refuse such a system. */
  replayed: boolean;
  /** Where replayed facts come from (the bundle's file name), so an error can name it. */
  source?: string;
  /** Programs read as they run (input devices, udev events, recordings); absent: interactive tests are skipped. */
  streams?: StreamRunner;
}

export function realSystem(): System {
  return {
    runner: new ExecaRunner(),
    files: new RealSystemFiles(),
    replayed: false,
    streams: new ExecaStreamRunner(),
  };
}

/** Wraps a system and records every command and file read into `bundle`. */
export function recordingSystem(
  inner: System,
  bundle: Bundle = emptyBundle(new Date()),
): System & { bundle: Bundle } {
  const runner: CommandRunner = {
    async run(file: string, args: readonly string[], options?: RunOptions): Promise<CommandResult> {
      try {
        const result = await inner.runner.run(file, args, options);
        bundle.commands.push({
          argv: result.argv,
          exitCode: result.exitCode ?? -1,
          stdout: result.stdout,
          stderr: result.stderr,
        });
        return result;
      } catch (error) {
        if (error instanceof ToolMissingError) {
          bundle.commands.push({
            argv: [file, ...args],
            exitCode: NOT_INSTALLED_EXIT,
            stdout: '',
            stderr: error.message,
          });
        }
        throw error;
      }
    },
  };
  const files: SystemFiles = {
    async read(path: string): Promise<string | null> {
      const content = await inner.files.read(path);
      if (content !== null) bundle.files[path] = content;
      return content;
    },
    async list(path: string): Promise<string[] | null> {
      const names = (await inner.files.list?.(path)) ?? null;
      if (names !== null) bundle.files[listingKey(path)] = names.join('\n');
      return names;
    },
  };
  const streams = inner.streams ? recordingStreams(inner.streams, bundle) : undefined;
  return { runner, files, replayed: inner.replayed, bundle, ...(streams ? { streams } : {}) };
}

/** Answers from a bundle only: runs nothing and reads no real file. `source` names the bundle in errors. */
export function replaySystem(bundle: Bundle, source?: string, options: ReplayStreamOptions = {}): System {
  const commands = new Map<string, Bundle['commands'][number]>();
  for (const command of bundle.commands) commands.set(argvKey(command.argv), command);
  const runner: CommandRunner = {
    async run(file: string, args: readonly string[]): Promise<CommandResult> {
      const argv = [file, ...args];
      const recorded = commands.get(argvKey(argv));
      if (!recorded) throw new ReplayMissError(`the command ${argv.join(' ')}`);
      if (recorded.exitCode === NOT_INSTALLED_EXIT && recorded.stdout === '') {
        throw new ToolMissingError(file, debianPackageFor(file));
      }
      return {
        argv,
        exitCode: recorded.exitCode,
        signal: null,
        stdout: recorded.stdout,
        stderr: recorded.stderr,
        timedOut: false,
        durationMs: 0,
      };
    },
  };
  // A file absent from the bundle was absent (or unreadable) on the captured machine.
  const files: SystemFiles = {
    read: async (path) => bundle.files[path] ?? null,
    list: async (path) => {
      const listing = bundle.files[listingKey(path)];
      return listing === undefined ? null : listing.split('\n').filter((name) => name !== '');
    },
  };
  return { runner, files, replayed: true, source, streams: replayStreams(bundle, options) };
}
