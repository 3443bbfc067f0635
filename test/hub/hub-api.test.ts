import { afterAll, describe, expect, it } from 'vitest';
import { loadIdentity } from '../../certificates/keys/store.js';
import { certificateEnvWith } from '../../certificates/open-env.js';
import { renderRecordCertificates } from '../../certificates/render-certificate.js';
import { runAdmin } from '../../hub/index.js';
import type { CertificateFacts } from '../../session/hub/wire.js';
import { DB_KINDS, enrolmentCode, enrolTestStation, removeTempDirs, testHub } from './helpers.js';

afterAll(removeTempDirs);

/** The hub's whole path on each database: enrol, push records and PDFs, verify publicly, revoke. */
describe.each(DB_KINDS)('hub on %s', (kind) => {
  it('enrols a station, stores its signed records and PDFs once, and shows them to a donor', async () => {
    const hub = await testHub(kind, { publicUrl: 'https://verif.example.org' });
    try {
      const health = await fetch(`${hub.url}/health`);
      expect(health.status).toBe(200);
      expect((await fetch(`${hub.url}/ready`)).status).toBe(200);

      const station = await enrolTestStation(hub.url, await enrolmentCode(hub), 'poste-1');
      const [record] = station.commit(1);
      const env = certificateEnvWith(station.journal, loadIdentity(station.dataDir, undefined), 'fr');
      const pdfs = await renderRecordCertificates(env, record!.recordId);
      expect(station.pending()).toBe(1 + pdfs.length);

      const first = await station.push();
      expect(first).toMatchObject({ pushed: 1 + pdfs.length, pending: 0, rejected: [], unavailable: null });
      // Idempotent: the same record again is "already present" and closes nothing twice.
      const again = await station.push();
      expect(again.pushed).toBe(0);

      const id = `${record!.recordId}-D1`;
      const api = await fetch(`${hub.url}/api/v1/certificates/${id}`);
      expect(api.status).toBe(200);
      const facts = (await api.json()) as CertificateFacts;
      expect(facts).toMatchObject({
        certificateId: id,
        result: record!.drives[0]!.result,
        signatureValid: true,
        chainValid: true,
        revoked: false,
        organisation: record!.organisation.name,
        sha256: pdfs[0]!.payloadSha256,
      });
      expect(facts.drives[0]?.serialLast4).toBe(record!.drives[0]!.serial!.slice(-4));
      expect(facts.pdfs.map((p) => p.sha256).sort()).toEqual(
        pdfs.filter((p) => p.certificateId === id).map((p) => p.pdfSha256),
      );

      const page = await fetch(`${hub.url}/v/${id}`);
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(html).toContain('Ce certificat est authentique');
      expect(html).toContain(record!.drives[0]!.serial!.slice(-4));
      expect(html).not.toContain(record!.drives[0]!.serial!);
      // No person's name on a public page, ever.
      for (const name of [record!.donor.name, record!.operator.name]) expect(html).not.toContain(name);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
      const english = await (
        await fetch(`${hub.url}/v/${id}`, { headers: { 'accept-language': 'en-GB,en' } })
      ).text();
      expect(english).toContain('This certificate is genuine');
      expect(await (await fetch(`${hub.url}/v/${id}?lang=en`)).text()).toContain('lang="en"');

      const unknown = await fetch(`${hub.url}/v/GR-20260314-0000000000-D1`);
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('Certificat inconnu');
      expect((await fetch(`${hub.url}/api/v1/certificates/GR-20260314-0000000000-D1`)).status).toBe(404);
      station.close();
    } finally {
      await hub.close();
    }
  });

  it('revocation: what a station pushes after its revocation date is refused (403), what came before is shown revoked only when revoked earlier', async () => {
    const hub = await testHub(kind);
    try {
      const station = await enrolTestStation(hub.url, await enrolmentCode(hub), 'poste-vole');
      const [before] = station.commit(1, 0);
      expect((await station.push()).pushed).toBe(1);
      const beforeId = `${before!.recordId}-M`;
      await runAdmin(
        { dataDir: hub.dataDir, databaseUrl: hub.databaseUrl },
        { op: 'revoke', station: 'poste-vole' },
      );
      hub.deps.trust.invalidate();
      station.commit(1, 1);
      const after = await station.push();
      expect(after.pushed).toBe(0);
      expect(after.rejected).toEqual([
        expect.objectContaining({ kind: 'record', status: 403, code: 'revoked' }),
      ]);
      expect(station.pending()).toBe(1);
      // Received before the revocation date: still valid.
      const facts = (await (
        await fetch(`${hub.url}/api/v1/certificates/${beforeId}`)
      ).json()) as CertificateFacts;
      expect(facts.revoked).toBe(false);
      // Revoked back to a date before its arrival (stolen since last week): now shown revoked.
      await runAdmin(
        { dataDir: hub.dataDir, databaseUrl: hub.databaseUrl },
        { op: 'revoke', station: 'poste-vole', at: '2020-01-01T00:00:00.000Z' },
      );
      const revoked = (await (
        await fetch(`${hub.url}/api/v1/certificates/${beforeId}`)
      ).json()) as CertificateFacts;
      expect(revoked).toMatchObject({ revoked: true, revokedAt: '2020-01-01T00:00:00.000Z' });
      expect(await (await fetch(`${hub.url}/v/${beforeId}`)).text()).toContain('révoqué');
      const rejects = (await runAdmin(
        { dataDir: hub.dataDir, databaseUrl: hub.databaseUrl },
        { op: 'rejects' },
      )) as {
        rejects: Array<{ code: string; status: number }>;
      };
      expect(rejects.rejects).toContainEqual(expect.objectContaining({ code: 'revoked', status: 403 }));
      station.close();
    } finally {
      await hub.close();
    }
  });

  it('admin API: a password account with the admin role, 401 without, 403 below; public pages are rate-limited', async () => {
    const hub = await testHub(kind, { limits: { publicPerMinute: 5 } });
    try {
      const target = { dataDir: hub.dataDir, databaseUrl: hub.databaseUrl };
      await runAdmin(target, { op: 'user-add', name: 'alice', role: 'admin', password: 'correct horse' });
      await runAdmin(target, { op: 'user-add', name: 'bob', role: 'viewer', password: 'battery staple' });
      const basic = (user: string, password: string) => ({
        authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
      });
      const codes = `${hub.url}/api/v1/admin/enrolment-codes`;
      expect((await fetch(codes, { method: 'POST' })).status).toBe(401);
      expect((await fetch(codes, { method: 'POST', headers: basic('alice', 'wrong') })).status).toBe(401);
      expect((await fetch(codes, { method: 'POST', headers: basic('bob', 'battery staple') })).status).toBe(
        403,
      );
      const made = await fetch(codes, { method: 'POST', headers: basic('alice', 'correct horse') });
      expect(made.status).toBe(201);
      expect(((await made.json()) as { code: string }).code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await fetch(`${hub.url}/v/LOT-x`)).status);
      expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
    } finally {
      await hub.close();
    }
  });
});
