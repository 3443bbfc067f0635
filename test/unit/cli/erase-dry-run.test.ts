import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess } from '../../helpers/cli-in-process.js';
import { projectRoot } from '../../helpers/fixtures.js';

const bundle = join(
  projectRoot,
  'test/fixtures/captured/debian12-vm-virtio-two-loops-one-mounted.bundle.json',
);

describe('gomme erase --dry-run on a replayed bundle', () => {
  it('plans every drive: method, NIST level, reason and estimate, or the refusal; exit 3 when one is refused', async () => {
    const r = await cliInProcess(['erase', '--dry-run', '--all', '--replay', bundle, '--json']);
    expect(r.code).toBe(3);
    const plan = JSON.parse(r.stdout) as {
      type: string;
      drives: Array<{
        device: string;
        method?: string;
        nistLevel?: string;
        estimatedSeconds?: number;
        notes?: string[];
        refused: null | { code: string; message: string };
      }>;
    };
    expect(plan.type).toBe('plan');
    const [loop0, loop1, vda] = plan.drives;
    expect(loop0).toMatchObject({
      device: '/dev/loop0',
      method: 'nist-clear',
      nistLevel: 'clear',
      refused: null,
    });
    expect(loop0?.estimatedSeconds).toBeGreaterThanOrEqual(0);
    expect(loop0?.notes?.join(' ')).toMatch(/Clear/);
    expect(loop1?.refused).toMatchObject({
      code: 'protected',
      message: expect.stringContaining('mounted at'),
    });
    expect(vda?.refused?.message).toContain('holds the running system');
  });

  it('prints a human plan in French by default', async () => {
    const r = await cliInProcess(['erase', '--dry-run', '/dev/loop0', '--replay', bundle], {
      GOMME_LANG: 'fr',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan (rien ne sera écrit)');
    expect(r.stdout).toContain('niveau NIST SP 800-88 : Effacement (');
    expect(r.stdout).toContain('méthode : Réécriture NIST 800-88 (1 passe aléatoire) [nist-clear]');
    expect(r.stdout).toContain('durée estimée : moins d’une minute');
  });

  it('refuses to erase a replayed machine for real', async () => {
    const r = await cliInProcess(['erase', '/dev/loop0', '--replay', bundle, '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('only go with --dry-run');
  });

  it('an unknown method is a usage error listing the known ones, before anything is read', async () => {
    const r = await cliInProcess([
      'erase',
      '--dry-run',
      '/dev/loop0',
      '--replay',
      bundle,
      '--method',
      'shred-it',
      '--json',
    ]);
    expect(r.code).toBe(2);
    const error = JSON.parse(r.stdout) as { type: string; code: string; message: string };
    expect(error).toMatchObject({ type: 'error', code: 'usage', exitCode: 2 });
    expect(error.message).toContain('"shred-it"');
    expect(error.message).toMatch(/allowed: auto, nist-clear, .*dod-7.*nvme-format-user-data/);
  });
});
