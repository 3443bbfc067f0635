import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Intake, IntakeMemory } from './services.js';

export const INTAKE_FILE = 'guide-intake.json';

/**
 * Remembers the operator, donor, lot and public flag between machines of one lot, in the data dir (the
 * GOMME-DATA partition on the live stick, so it survives the reboot into the next machine).
 */
export function fileIntakeMemory(dataDir: string): IntakeMemory {
  const file = join(dataDir, INTAKE_FILE);
  return {
    async load() {
      let raw: string;
      try {
        raw = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      return parseMemory(raw);
    },
    async save(value) {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      // Write then rename: a power cut never leaves half a file.
      const tmp = `${file}.tmp`;
      await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
      await rename(tmp, file);
    },
  };
}

/** Accepts only the expected shape; anything else is treated as no memory rather than trusted. */
export function parseMemory(raw: string): { operator: string; intake: Intake } | null {
  const value: unknown = JSON.parse(raw);
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const intake = (v.intake ?? {}) as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x.slice(0, 40) : '');
  return {
    operator: str(v.operator),
    intake: {
      donor: str(intake.donor),
      lot: str(intake.lot),
      assetTag: '',
      publicDonor: intake.publicDonor === true,
    },
  };
}
