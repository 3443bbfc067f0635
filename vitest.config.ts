import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The test tiers (README "Tests"). Unit and component files run in parallel; the tiers that share loop devices
 * and the kernel's loop table (integration, faults) run one file at a time, each after the tiers before it
 * (sequence.groupOrder); the terminal tier (tmux, real screens) runs last. `npm run test:image` (QEMU) has its
 * own config. Every tier first checks that the shared corpus is there (test/helpers/global-setup.ts).
 */
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Unit files that replace a module (`vi.mock`) need a module graph of their own; the others share one per
 * worker (isolate: false), which takes a third of the CPU time. Found by content, so no list to keep up to date.
 */
const unitFilesThatMock = readdirSync(join(root, 'test/unit'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.test\.tsx?$/.test(f))
  .map((f) => `test/unit/${f}`)
  .filter((f) => readFileSync(join(root, f), 'utf8').includes('vi.mock('));

const serial = { fileParallelism: false, testTimeout: 120_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          exclude: unitFilesThatMock,
          fileParallelism: true,
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-mocks',
          include: unitFilesThatMock,
          fileParallelism: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.{ts,tsx}'],
          fileParallelism: true,
          // After the unit files, not beside them: the screen tests type keys on a clock, and a CPU shared with
          // 60 unit files made them drop keystrokes.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          ...serial,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.{ts,tsx}'],
          ...serial,
          sequence: { groupOrder: 3 },
        },
      },
      {
        extends: true,
        test: {
          name: 'terminal',
          include: ['test/e2e-terminal/**/*.test.{ts,tsx}'],
          ...serial,
          sequence: { groupOrder: 4 },
        },
      },
      {
        extends: true,
        test: {
          // The hub on a throw-away PostgreSQL cluster and on the embedded PGlite, both in every file; the
          // cluster is started by the project's own setup and stopped after it.
          name: 'hub',
          include: ['test/hub/**/*.test.{ts,tsx}'],
          globalSetup: ['test/hub/global-setup.ts'],
          ...serial,
          testTimeout: 300_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 5 },
        },
      },
    ],
  },
});
