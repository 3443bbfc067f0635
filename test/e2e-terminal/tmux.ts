/** A real terminal for end-to-end tests: a detached tmux session of a fixed size, driven by send-keys. */
import { execFileSync, spawnSync } from 'node:child_process';

export function tmuxAvailable(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

export interface TmuxSession {
  name: string;
  /** Literal text, typed as is. */
  type(text: string): void;
  /** tmux key names: Enter, Down, Up, Tab, Space, Escape, C-c. */
  press(...keys: string[]): void;
  screen(): string;
  /** Polls the screen until `text` shows (or `predicate` holds); throws with the last screen otherwise. */
  waitFor(text: string | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  kill(): void;
}

/**
 * Keys sent back to back reach the program in one read ("\r\r"), which Ink parses as a single key press:
 * a person never types that fast, so neither does the test.
 */
function pause(ms = 150): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function startTmux(name: string, command: string, size = { columns: 80, rows: 25 }): TmuxSession {
  execFileSync('tmux', [
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    String(size.columns),
    '-y',
    String(size.rows),
    command,
  ]);
  let alive = true;
  const session: TmuxSession = {
    name,
    type(text) {
      execFileSync('tmux', ['send-keys', '-t', name, '-l', text]);
      pause();
    },
    press(...keys) {
      for (const key of keys) {
        execFileSync('tmux', ['send-keys', '-t', name, key]);
        pause();
      }
    },
    screen() {
      return execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
    },
    async waitFor(what, timeoutMs = 20_000) {
      const test = typeof what === 'string' ? (s: string) => s.includes(what) : what;
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = session.screen();
        if (test(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(
        `timed out waiting for ${typeof what === 'string' ? `"${what}"` : 'a screen'}; screen:\n${last}`,
      );
    },
    kill() {
      if (!alive) return;
      alive = false;
      const r = spawnSync('tmux', ['kill-session', '-t', name], { encoding: 'utf8' });
      if (r.status !== 0 && !/can't find session|no server running/.test(r.stderr)) {
        throw new Error(`tmux kill-session ${name}: ${r.stderr}`);
      }
    },
  };
  return session;
}
