import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { type GuestSpec, guestFiles, qemuArgs } from './qemu.js';
import { Qmp } from './qmp.js';

/** One copy of a text console, as the guest's console copier sent it over ttyS1. */
export interface ConsoleFrame {
  tty: number;
  rows: number;
  cols: number;
  cursor: { x: number; y: number };
  /** Guest uptime in seconds when the frame was taken. */
  uptime: number;
  lines: string[];
  text: string;
}

const HEADER = /^=== gomme-vcs tty(\d+) (\d+)x(\d+) cursor=(\d+),(\d+) uptime=([\d.]+) ===$/;

/** Every complete frame of vcs.log, in order (a frame cut by the end of the file is left out). */
export function parseConsoleFrames(log: string): ConsoleFrame[] {
  const frames: ConsoleFrame[] = [];
  const lines = log.replace(/\r/g, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = HEADER.exec(lines[i] ?? '');
    if (!m) continue;
    const end = lines.indexOf('=== end ===', i + 1);
    if (end < 0) break;
    const body = lines.slice(i + 1, end);
    frames.push({
      tty: Number(m[1]),
      rows: Number(m[2]),
      cols: Number(m[3]),
      cursor: { x: Number(m[4]), y: Number(m[5]) },
      uptime: Number(m[6]),
      lines: body,
      text: body.join('\n'),
    });
    i = end;
  }
  return frames;
}

/**
 * A guest booted with a screen and a keyboard (GuestSpec.screen): what a person sees on tty1/tty2, screenshots,
 * keys pressed on its keyboard, and commands typed into the serial root shell.
 */
export class ScreenGuest {
  readonly started = Date.now();
  private exitCode: number | null | undefined;

  private constructor(
    readonly spec: GuestSpec,
    private readonly child: ChildProcess,
    readonly qmp: Qmp,
    private readonly serial: Socket,
  ) {
    child.on('exit', (code) => {
      this.exitCode = code;
    });
    // Drain the root shell's output (console.log already has it): an unread socket would stall the guest's UART.
    serial.on('data', () => {});
  }

  static async boot(spec: GuestSpec, log: (line: string) => void): Promise<ScreenGuest> {
    const args = qemuArgs({ ...spec, screen: true });
    log(`qemu-system-x86_64 ${args.join(' ')}`);
    const child = spawn('qemu-system-x86_64', args, { stdio: ['ignore', 'inherit', 'inherit'] });
    const files = guestFiles(spec.workDir);
    try {
      const qmp = await Qmp.connect(files.qmpSocket);
      const serial = await connectSocket(files.serialSocket);
      return new ScreenGuest(spec, child, qmp, serial);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  get seconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  get exited(): boolean {
    return this.exitCode !== undefined;
  }

  serialLog(): string {
    const file = guestFiles(this.spec.workDir).console;
    return existsSync(file) ? readFileSync(file, 'latin1') : '';
  }

  frames(tty?: number): ConsoleFrame[] {
    const file = guestFiles(this.spec.workDir).vcs;
    const all = existsSync(file) ? parseConsoleFrames(readFileSync(file, 'utf8')) : [];
    return tty === undefined ? all : all.filter((f) => f.tty === tty);
  }

  /** Waits until a new frame of `tty` satisfies `test`; returns it with the host time it was seen. */
  async waitForScreen(
    tty: number,
    test: (frame: ConsoleFrame) => boolean,
    timeoutMs: number,
    options: { after?: number } = {},
  ): Promise<{ frame: ConsoleFrame; seconds: number }> {
    const deadline = Date.now() + timeoutMs;
    const skip = options.after ?? 0;
    while (Date.now() < deadline && !this.exited) {
      const found = this.frames(tty).slice(skip).find(test);
      if (found) return { frame: found, seconds: this.seconds };
      await sleep(250);
    }
    const last = this.frames(tty).at(-1);
    throw new Error(
      `tty${tty}: expected screen not seen within ${timeoutMs / 1000} s; last frame:\n${last?.text ?? '(none)'}`,
    );
  }

  async waitForSerial(pattern: RegExp, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !this.exited) {
      if (pattern.test(this.serialLog())) return this.seconds;
      await sleep(250);
    }
    throw new Error(`serial console: ${pattern} not seen within ${timeoutMs / 1000} s`);
  }

  /** Types a command line into the root shell on ttyS0. */
  typeSerial(line: string): void {
    this.serial.write(`${line}\r`);
  }

  private commands = 0;

  /**
   * Runs a command in the serial root shell and waits for it: its exit code and what it printed (the lines
   * between the typed command and an end marker; kernel messages on the same port may be mixed in).
   */
  async shell(command: string, timeoutMs = 120_000): Promise<{ rc: number; output: string }> {
    const id = `@@end-${++this.commands}-${process.pid}`;
    const start = this.serialLog().length;
    this.typeSerial(`${command}; echo ${id} $?`);
    const marker = new RegExp(`^${id} (\\d+)`, 'm');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !this.exited) {
      // Without terminal controls: bash's readline turns bracketed paste off (ESC [ ? 2004 l) right before a
      // command's output, so a command that prints nothing has the marker glued to that sequence.
      const tail = stripControls(this.serialLog().slice(start));
      const m = marker.exec(tail);
      if (m) {
        const lines = tail.slice(0, m.index).split('\n').slice(1);
        return { rc: Number(m[1]), output: lines.join('\n') };
      }
      await sleep(250);
    }
    throw new Error(`serial console: "${command}" did not finish within ${timeoutMs / 1000} s`);
  }

  async stop(): Promise<void> {
    this.qmp.close();
    this.serial.destroy();
    if (this.exited) return;
    this.child.kill('SIGTERM');
    await new Promise((resolve) => this.child.once('exit', resolve));
  }
}

async function connectSocket(path: string, timeoutMs = 20_000): Promise<Socket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const s = createConnection(path, () => resolve(s));
        s.once('error', reject);
      });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(200);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CSI sequences (colours, modes) and carriage returns, which the serial log keeps and line matching must not see. */
function stripControls(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}
