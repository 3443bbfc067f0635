import { createConnection, type Socket } from 'node:net';

/**
 * A minimal QMP (QEMU Machine Protocol) client over a unix socket: one command at a time, JSON lines, events
 * ignored. Enough for screendump and send-key, which is all the console tests need.
 */
export class Qmp {
  private buffer = '';
  private waiting: ((line: Record<string, unknown>) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl = this.buffer.indexOf('\n');
      while (nl >= 0) {
        const line = this.buffer.slice(0, nl).trim();
        this.buffer = this.buffer.slice(nl + 1);
        if (line !== '') this.deliver(JSON.parse(line) as Record<string, unknown>);
        nl = this.buffer.indexOf('\n');
      }
    });
  }

  /** Connects (retrying while QEMU creates the socket) and leaves capabilities negotiation mode. */
  static async connect(path: string, timeoutMs = 20_000): Promise<Qmp> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = createConnection(path, () => resolve(s));
          s.once('error', reject);
        });
        const qmp = new Qmp(socket);
        await qmp.next(); // the greeting
        await qmp.execute('qmp_capabilities');
        return qmp;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  async execute(command: string, args?: Record<string, unknown>): Promise<unknown> {
    this.socket.write(
      `${JSON.stringify(args ? { execute: command, arguments: args } : { execute: command })}\n`,
    );
    const reply = await this.next();
    if ('error' in reply) throw new Error(`QMP ${command}: ${JSON.stringify(reply.error)}`);
    return reply.return;
  }

  /** Presses keys together then releases them, e.g. ['alt', 'f2'] (QEMU qcodes). */
  async sendKeys(qcodes: string[]): Promise<void> {
    await this.execute('send-key', { keys: qcodes.map((data) => ({ type: 'qcode', data })) });
  }

  /** The VGA screen as a PNG file (QEMU ≥ 7.1 writes PNG itself). */
  async screendump(file: string): Promise<void> {
    await this.execute('screendump', { filename: file, format: 'png' });
  }

  close(): void {
    this.socket.destroy();
  }

  private next(): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  private deliver(message: Record<string, unknown>): void {
    if ('event' in message) return;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(message);
  }
}
