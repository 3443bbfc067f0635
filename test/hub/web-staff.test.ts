import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIdentity } from '../../certificates/keys/store.js';
import { certificateEnvWith } from '../../certificates/open-env.js';
import { renderRecordCertificates } from '../../certificates/render-certificate.js';
import { addUser } from '../../hub/admin/operations.js';
import { queueFileForHub } from '../../session/hub-queue.js';
import { DB_KINDS, enrolmentCode, enrolTestStation, removeTempDirs, testHub } from './helpers.js';

afterAll(removeTempDirs);

/** A browser's session, by hand: the cookies it keeps and the CSRF token its pages carry. */
class Visitor {
  cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=', 2);
      if (value) this.cookies.set(name!, value);
      else this.cookies.delete(name!);
    }
    return response;
  }

  post(path: string, form: Record<string, string>): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  async csrf(path = '/staff'): Promise<string> {
    const html = await (await this.request(path)).text();
    return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  }

  async signIn(name: string, password: string, next = '/staff'): Promise<Response> {
    const html = await (await this.request(`/login?next=${encodeURIComponent(next)}`)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return this.post('/login', { _csrf: token, name, password, next });
  }
}

describe.each(DB_KINDS)('staff web UI on %s (HTTP)', (kind) => {
  it('roles, CSRF, sessions, search, exports, revocation and rejects, the donor check’s verdicts', async () => {
    const hub = await testHub(kind);
    try {
      for (const [name, role] of [
        ['ana', 'admin'],
        ['tom', 'technician'],
        ['vic', 'viewer'],
      ] as const)
        await addUser(hub.deps, { name, role, password: `${name}-password-1` });
      const station = await enrolTestStation(hub.url, await enrolmentCode(hub), 'poste-2');
      const records = station.commit(2);
      const env = certificateEnvWith(station.journal, loadIdentity(station.dataDir, undefined), 'fr');
      const pdfs = await renderRecordCertificates(env, records[0]!.recordId);
      const diag = join(station.dataDir, 'diag.json');
      writeFileSync(
        diag,
        JSON.stringify({
          format: 'gomme-diag',
          inventory: { system: { serial: records[0]!.machine.serial, formFactor: 'desktop' } },
          grade: { functional: { status: 'pass' }, cosmetic: 'A' },
        }),
      );
      expect(queueFileForHub(station.dataDir, 'diagnostics', diag)).toBeNull();
      expect((await station.push()).pending).toBe(0);
      const lot = records[0]!.lot.id;

      // Anonymous: every staff page sends to the login page; a POST does nothing.
      const anonymous = new Visitor(hub.url);
      const home = await anonymous.request('/staff');
      expect(home.status).toBe(303);
      expect(home.headers.get('location')).toBe('/login?next=%2Fstaff');
      expect((await anonymous.post('/staff/admin/enrolment-codes', { uses: '1' })).status).toBe(303);

      // Signing in: a session cookie that scripts cannot read and other sites cannot send; no open redirect.
      const ana = new Visitor(hub.url);
      const signed = await ana.signIn('ana', 'ana-password-1', '//evil.example/');
      expect(signed.status).toBe(303);
      expect(signed.headers.get('location')).toBe('/staff');
      expect(signed.headers.getSetCookie().join('\n')).toMatch(
        /gomme_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/,
      );
      expect((await new Visitor(hub.url).signIn('ana', 'wrong')).status).toBe(401);
      expect(
        (await new Visitor(hub.url).post('/login', { name: 'ana', password: 'ana-password-1' })).status,
      ).toBe(401);

      // CSRF: a form without the session's token is refused and changes nothing.
      const tom = new Visitor(hub.url);
      await tom.signIn('tom', 'tom-password-1');
      const forged = await tom.post(`/staff/lots/${encodeURIComponent(lot)}/certificate`, { _csrf: 'x' });
      expect(forged.status).toBe(403);
      expect(await forged.text()).toContain('Ce formulaire a expiré');
      expect(await (await tom.request(`/staff/lots/${encodeURIComponent(lot)}`)).text()).toContain(
        'Pas encore de certificat de lot',
      );
      const made = await tom.post(`/staff/lots/${encodeURIComponent(lot)}/certificate`, {
        _csrf: await tom.csrf(),
      });
      expect(made.status).toBe(303);
      expect(made.headers.get('location')).toContain('done=generated');
      // Signing the same records again gives back the same certificate.
      const again = await tom.post(`/staff/lots/${encodeURIComponent(lot)}/certificate`, {
        _csrf: await tom.csrf(),
      });
      expect(again.headers.get('location')).toContain('done=already');
      const lotPage = await (await tom.request(`/staff/lots/${encodeURIComponent(lot)}`)).text();
      const lotCertificateId = /<code>(LOT-[^<]+)<\/code>/.exec(lotPage)?.[1] ?? '';
      const lotPdfSha =
        /href="\/staff\/pdf\/([0-9a-f]{64})" download>Télécharger le PDF/.exec(lotPage)?.[1] ?? '';
      expect(lotCertificateId).toMatch(/^LOT-/);
      const lotPdf = Buffer.from(await (await tom.request(`/staff/pdf/${lotPdfSha}`)).arrayBuffer());
      expect(lotPdf.subarray(0, 5).toString()).toBe('%PDF-');
      // Its public page, without a person's name; the share link is needed for the PDF.
      const lotPublic = await (await fetch(`${hub.url}/v/${lotCertificateId}`)).text();
      expect(lotPublic).toContain('authentique');
      expect(lotPublic).not.toContain(records[0]!.donor.name);
      expect((await fetch(`${hub.url}/v/${lotCertificateId}/pdf?k=guess`)).status).toBe(404);
      expect((await tom.request('/staff/admin')).status).toBe(403);

      // A viewer reads and exports, but signs nothing.
      const vic = new Visitor(hub.url);
      await vic.signIn('vic', 'vic-password-1');
      expect((await vic.request('/staff')).status).toBe(200);
      expect(
        (await vic.post(`/staff/lots/${encodeURIComponent(lot)}/certificate`, { _csrf: await vic.csrf() }))
          .status,
      ).toBe(403);

      // Search: asset tag (one hit opens the machine), donor by part of the name, certificate ID, lot certificate.
      const byTag = await vic.request(`/staff/search?q=${encodeURIComponent(records[0]!.machine.assetTag!)}`);
      expect(byTag.status).toBe(200); // two machines share the sample's asset tag: a list
      expect(await byTag.text()).toContain('2 résultat(s)');
      const byDonor = await (await vic.request(`/staff/search?q=${encodeURIComponent('chambéry')}`)).text();
      expect(byDonor).toContain(records[1]!.recordId);
      const byCertificate = await vic.request(`/staff/search?q=${pdfs[0]!.certificateId}`);
      expect(byCertificate.headers.get('location')).toBe(`/staff/machines/${records[0]!.recordId}`);
      expect(await (await vic.request('/staff/search?q=nothing-like-this')).text()).toContain(
        'Aucun résultat',
      );

      // Exports: the summary counts, machines with the grade from the diagnostics, a period that excludes all.
      const summary = await (
        await vic.request(`/staff/exports/download?lot=${encodeURIComponent(lot)}`)
      ).text();
      const drives = records.flatMap((r) => r.drives);
      expect(summary.split('\r\n')[0]).toBe('dimension,value,count');
      expect(summary).toContain('machines,total,2\r\n');
      expect(summary).toContain('machine_type,desktop,1\r\n');
      expect(summary).toContain('machine_type,unknown,1\r\n');
      expect(summary).toContain('machine_grade,pass,1\r\n');
      expect(summary).toContain(`drives,total,${drives.length}\r\n`);
      const erased = drives.filter((d) => d.result === 'ERASED').length;
      expect(summary).toContain(`drive_result,ERASED,${erased}\r\n`);
      const machines = (await (
        await vic.request(
          `/staff/exports/download?kind=machines&format=json&donor=${encodeURIComponent(records[0]!.donor.name)}`,
        )
      ).json()) as Array<Record<string, unknown>>;
      expect(machines).toHaveLength(2);
      expect(machines.find((m) => m.record_id === records[0]!.recordId)).toMatchObject({
        grade: 'pass',
        machine_type: 'desktop',
        station: 'poste-2',
      });
      const early = await (await vic.request('/staff/exports/download?kind=drives&to=2000-01-01')).text();
      expect(early.trim().split('\r\n')).toHaveLength(1);
      expect((await vic.request('/staff/exports/download?from=yesterday')).status).toBe(400);

      // Revocation from the admin page; the station's next push is refused and listed in the rejects.
      const stationId = /stations\/(\d+)\/revoke/.exec(await (await ana.request('/staff/admin')).text())?.[1];
      const revoked = await ana.post(`/staff/admin/stations/${stationId}/revoke`, {
        _csrf: await ana.csrf('/staff/admin'),
        reason: 'clé perdue',
      });
      expect(revoked.status).toBe(200);
      expect(await revoked.text()).toContain('révoqué le');
      hub.deps.trust.invalidate();
      station.commit(1, 5);
      expect((await station.push()).rejected).toEqual([
        expect.objectContaining({ status: 403, code: 'revoked' }),
      ]);
      const rejects = await (await ana.request('/staff/admin')).text();
      expect(rejects).toContain('<code>revoked</code>');

      // The donor check's other verdicts, as the drop zone's script reads them.
      const check = async (id: string, body: Buffer) =>
        (await (
          await fetch(`${hub.url}/v/${id}/check`, {
            method: 'POST',
            headers: { 'content-type': 'application/pdf', accept: 'application/json' },
            body,
          })
        ).json()) as { ok: boolean; verdict: string; message: string };
      const [drive1, drive2] = pdfs;
      expect(await check(lotCertificateId, lotPdf)).toMatchObject({ ok: true, verdict: 'identical' });
      expect(await check(drive1!.certificateId, readFileSync(drive1!.path))).toMatchObject({
        ok: true,
        verdict: 'identical',
      });
      expect(await check(drive1!.certificateId, readFileSync(drive2!.path))).toMatchObject({
        ok: false,
        verdict: 'other-certificate',
      });
      expect(await check(drive1!.certificateId, Buffer.from('pas un pdf'))).toMatchObject({
        ok: false,
        verdict: 'unreadable',
      });

      // Signing out ends the session on the hub, not only in the browser.
      const stolen = new Map(ana.cookies);
      expect((await ana.post('/logout', { _csrf: await ana.csrf() })).status).toBe(303);
      const replay = new Visitor(hub.url);
      replay.cookies = stolen;
      expect((await replay.request('/staff')).status).toBe(303);
      station.close();
    } finally {
      await hub.close();
    }
  });
});
