import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:netboot` only (root, QEMU, network namespaces): its files end in `.image.ts`, so `npm test`
 * never picks them up. One file, one test at a time: each boots QEMU guests under TCG.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/netboot/**/*.image.ts'],
    fileParallelism: false,
    testTimeout: 40 * 60_000,
    hookTimeout: 15 * 60_000,
  },
});
