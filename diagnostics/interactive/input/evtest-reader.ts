/**
 * Reads input devices through `evtest --grab` streams (the runner boundary, so it records and replays). The
 * grab gives gomme the device alone: the keys tested do not reach the console, so no key can switch the
 * virtual terminal, reboot with Ctrl-Alt-Del or drive the guide's menu while it is under test.
 */
import { GommeError } from '../../../core/errors.js';
import { ExitCode } from '../../../core/exit-codes.js';
import { text } from '../../../core/i18n.js';
import type { CommandStream } from '../../../core/run/runner.js';
import type { System } from '../../../core/run/system.js';
import {
  type EvtestHeader,
  emptyHeader,
  type InputEvent,
  parseEvtestEvent,
  readHeaderLine,
} from '../../../core/tools/evtest/parse-evtest.js';
import { LineSplitter } from '../../../core/tools/text-lines.js';

export function evtestArgs(node: string): string[] {
  return ['--grab', node];
}

export interface DeviceEnd {
  node: string;
  exitCode: number | null;
  stderr: string;
  stopped: boolean;
}

export interface ReaderCallbacks {
  onHeader?(node: string, header: EvtestHeader): void;
  onEvent(node: string, event: InputEvent): void;
  onEnd?(end: DeviceEnd): void;
}

export interface InputReader {
  stop(): void;
  /** Settles once every device stream has ended. */
  done: Promise<DeviceEnd[]>;
}

export class NoStreamsError extends GommeError {
  constructor() {
    super(
      'no-streams',
      text('Ce mode ne peut pas lire les périphériques en direct.', 'This mode cannot read devices live.'),
      { exitCode: ExitCode.NOT_SUPPORTED },
    );
  }
}

/** Opens one evtest per node; events of all of them come to one callback, each with its node. */
export async function readInputDevices(
  system: System,
  nodes: string[],
  callbacks: ReaderCallbacks,
): Promise<InputReader> {
  const streams = system.streams;
  if (!streams) throw new NoStreamsError();
  const opened: CommandStream[] = [];
  try {
    for (const node of nodes) opened.push(await streams.open('evtest', evtestArgs(node)));
  } catch (error) {
    for (const stream of opened) stream.stop();
    throw error;
  }
  const done = Promise.all(opened.map((stream, i) => pump(stream, nodes[i] ?? '', callbacks)));
  return {
    stop() {
      for (const stream of opened) stream.stop();
    },
    done,
  };
}

async function pump(stream: CommandStream, node: string, callbacks: ReaderCallbacks): Promise<DeviceEnd> {
  const splitter = new LineSplitter();
  const header = emptyHeader();
  const state = { type: null as number | null, code: null as number | null };
  const line = (l: string) => {
    if (!header.complete) {
      if (!readHeaderLine(header, l, state)) callbacks.onHeader?.(node, header);
      return;
    }
    const event = parseEvtestEvent(l);
    if (event) callbacks.onEvent(node, event);
  };
  for await (const chunk of stream.chunks) for (const l of splitter.push(chunk.data)) line(l);
  for (const l of splitter.end()) line(l);
  const end = await stream.done;
  const result = { node, exitCode: end.exitCode, stderr: end.stderr, stopped: end.stopped };
  callbacks.onEnd?.(result);
  return result;
}
