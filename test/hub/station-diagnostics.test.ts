import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitRecord } from '../../certificates/journal-store.js';
import { buildErasureRecord } from '../../certificates/record/build-record.js';
import { diagnosticsService } from '../../cli/tui/diagnostics-service.js';
import { parseBundle } from '../../core/run/bundle.js';
import { replaySystem } from '../../core/run/system.js';
import { QUICK_TIME_BOXES } from '../../diagnostics/types.js';
import { addUser } from '../../hub/admin/operations.js';
import { MACHINE } from '../../hub/web/words.js';
import { syncStation } from '../../session/hub/sync-station.js';
import { cliInProcess } from '../helpers/cli-in-process.js';
import { sampleInput } from '../unit/certificates/fixtures/sample-input.js';
import { diagBundleJson } from '../unit/words/cli-outputs.js';
import { DB_KINDS, enrolmentCode, enrolTestStation, removeTempDirs, tempDir, testHub } from './helpers.js';

afterAll(removeTempDirs);

/** A staff member's page, signed in by the login form (its CSRF token and session cookie). */
async function staffPage(base: string, path: string, name: string, password: string): Promise<string> {
  const login = await fetch(`${base}/login`);
  const csrfCookie = login.headers.getSetCookie().map((c) => c.split(';')[0]);
  const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1] ?? '';
  const signed = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie.join('; ') },
    body: new URLSearchParams({ _csrf: token, name, password, next: '/staff' }).toString(),
  });
  expect(signed.status).toBe(303);
  const cookies = [...csrfCookie, ...signed.headers.getSetCookie().map((c) => c.split(';')[0])];
  const page = await fetch(`${base}${path}`, { headers: { cookie: cookies.join('; ') } });
  expect(page.status).toBe(200);
  return page.text();
}

/**
 * What a station sends of its diagnostics, end to end on both databases: `gomme diag` on a replayed machine
 * (real corpus outputs) keeps and queues its report, `gomme sync`'s push carries it, and the staff page of that
 * machine's erasure shows the grade; then the guide's diagnostics step grades the same machine again and its
 * background push replaces the grade on the page without any sync by hand.
 */
describe.each(DB_KINDS)('station diagnostics on %s', (kind) => {
  it('gomme diag saves and queues, the station syncs, the machine page shows the grade; the guide pushes by itself', async () => {
    const hub = await testHub(kind);
    try {
      await addUser(hub.deps, { name: 'vic', role: 'viewer', password: 'vic-password-1' });
      const station = await enrolTestStation(hub.url, await enrolmentCode(hub), 'poste-diag');
      const env = { GOMME_DATA_DIR: station.dataDir };
      const work = tempDir('gomme-diag-run-');
      const bundle = join(work, 'bundle.json');
      writeFileSync(bundle, diagBundleJson());
      const answers = join(work, 'answers.txt');
      writeFileSync(answers, 'keyboard=ok\ntouchpad=ok\nscreen=ok\nspeakers=ok\ncosmetic=B\n');

      const diag = await cliInProcess(['diag', '--replay', bundle, '--answers', answers, '--json'], env);
      expect(diag.code).toBe(0);
      const printed = JSON.parse(diag.stdout) as {
        inventory: { system: { serial: string } };
        grade: { functional: { status: string }; cosmetic: string };
        saved: { path: string; status: string };
      };
      // The replay cannot run the RAM and CPU tests: untested, so incomplete, as on paper.
      expect(printed.grade).toMatchObject({ functional: { status: 'incomplete' }, cosmetic: 'B' });
      expect(printed.saved.status).toBe('queued');
      expect(station.pending()).toBe(1);

      // The erasure of the same machine (same serial), committed on the same station.
      const input = sampleInput();
      const record = buildErasureRecord({
        ...input,
        machine: { ...input.machine, serial: printed.inventory.system.serial },
      });
      commitRecord(station.journal, record);
      const run = await syncStation(station.dataDir, env);
      expect(run).toMatchObject({ pushed: 2, pending: 0, rejected: [] });

      const machinePath = `/staff/machines/${encodeURIComponent(record.recordId)}`;
      const page = await staffPage(hub.url, machinePath, 'vic', 'vic-password-1');
      expect(page).toContain('<span class="pill warn">Incomplet</span>');
      expect(page).not.toContain('Aucun diagnostic reçu');

      // The guide: automatic tests on the same replayed machine, a loose hinge answered, graded: kept and pushed.
      const service = diagnosticsService(replaySystem(parseBundle(diagBundleJson())), {
        timeBoxes: QUICK_TIME_BOXES,
        publicDonor: () => false,
        hardwareTests: false,
        keep: { dataDir: station.dataDir, env },
      });
      await service.runAutomatic({ signal: new AbortController().signal, onTest: () => {} });
      const summary = await service.summarise({
        answers: { keyboard: 'ok', hinge: 'loose', cosmetic: 'C' },
        hardware: null,
      });
      expect(summary.status).toBe('fail');
      await expect.poll(() => station.pending(), { timeout: 20_000 }).toBe(0);
      const after = await staffPage(hub.url, machinePath, 'vic', 'vic-password-1');
      expect(after).toContain('<span class="pill bad">Défaillant</span>');
      expect(after).toContain(`<dt>${MACHINE.cosmetic.fr}</dt><dd>C</dd>`);
      station.close();
    } finally {
      await hub.close();
    }
  });
});
