import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHubLink } from '../../certificates/hub-link.js';
import { loadIdentity } from '../../certificates/keys/store.js';
import { certificateEnvWith } from '../../certificates/open-env.js';
import { qrPayload } from '../../certificates/pdf/qr.js';
import { renderRecordCertificates } from '../../certificates/render-certificate.js';
import { addUser } from '../../hub/admin/operations.js';
import { queueFileForHub } from '../../session/hub-queue.js';
import { artifactPath, launchChromium } from '../helpers/browser.js';
import { DB_KINDS, enrolTestStation, freePort, removeTempDirs, tempDir, testHub } from './helpers.js';

/**
 * The staff web UI and the donor's page in a real browser (Debian's chromium through playwright-core), on
 * both databases: sign in, make an enrolment code, enrol a station that pushes machines, see them, sign and
 * download the lot certificate (checked by pdfsig), open a certificate's QR address, drop a genuine and a
 * tampered PDF. Screenshots of the embedded run go to test-artifacts/hub/.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  removeTempDirs();
});

const PASSWORD = 'cheval correct agrafe';

/** A diagnostics report as `gomme diag --json` writes it, cut to the fields the hub reads (hand-written). */
function diagnosticsReport(serial: string): string {
  return JSON.stringify({
    format: 'gomme-diag',
    version: 1,
    inventory: { system: { vendor: 'LENOVO', serial, uuid: null, formFactor: 'laptop' } },
    tests: [],
    grade: {
      rules: 'gomme-grading-v1',
      functional: {
        status: 'pass-with-reservations',
        reasons: [
          {
            code: 'battery-health-low',
            severity: 'reserve',
            fr: 'Batterie usée (62 %)',
            en: 'Worn battery (62%)',
          },
        ],
      },
      cosmetic: 'B',
    },
  });
}

async function shot(page: Page, shots: boolean, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: artifactPath(name), fullPage: true });
}

describe.each(DB_KINDS)('web UI on %s', (kind) => {
  it('sign in, enrol a station, see its machines, sign the lot certificate, check PDFs as a donor', async () => {
    const shots = kind === 'embedded';
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const hub = await testHub(kind, { port, publicUrl });
    const context = await browser.newContext({
      acceptDownloads: true,
      locale: 'fr-FR',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    try {
      await addUser(hub.deps, { name: 'camille', role: 'admin', password: PASSWORD });

      // Sign in: the dashboard sends to the login page first, then back.
      await page.goto(`${hub.url}/staff`);
      expect(page.url()).toContain('/login');
      await page.getByLabel('Identifiant').fill('camille');
      await page.getByLabel('Mot de passe').fill('mauvais mot de passe');
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('incorrect');
      await shot(page, shots, 'login-refused.png');
      // The second try with the keyboard only: the name field has the focus, Tab to the password, Enter.
      await expect.poll(() => page.evaluate<string>('document.activeElement.id')).toBe('name');
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${hub.url}/staff`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Tableau de bord');
      // The first Tab reaches the skip link, which goes past the navigation.
      await page.keyboard.press('Tab');
      expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Aller au contenu');

      // An enrolment code from the admin page, used by a simulated station.
      await page.getByRole('link', { name: 'Administration' }).click();
      await page.getByRole('button', { name: 'Créer un code' }).click();
      const code = (await page.locator('#enrolment-code').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await shot(page, shots, 'admin-code.png');
      const station = await enrolTestStation(hub.url, code, 'poste-atelier');
      const records = station.commit(3);
      const env = certificateEnvWith(station.journal, loadIdentity(station.dataDir, undefined), 'fr');
      const pdfs = await renderRecordCertificates(env, records[0]!.recordId);
      const diagFile = join(station.dataDir, 'diag.json');
      writeFileSync(diagFile, diagnosticsReport(records[0]!.machine.serial!));
      expect(queueFileForHub(station.dataDir, 'diagnostics', diagFile)).toBeNull();
      const pushed = await station.push();
      expect(pushed).toMatchObject({ pending: 0, rejected: [] });
      await page.getByRole('link', { name: 'Administration' }).click();
      expect(await page.locator('table').first().textContent()).toContain('poste-atelier');

      // The machines appear on the dashboard, in a lot in progress.
      await page.getByRole('link', { name: 'Tableau de bord' }).click();
      const lotId = records[0]!.lot.id;
      const lotLink = page.getByRole('link', { name: lotId, exact: true });
      await expect.poll(() => lotLink.count()).toBe(1);
      expect(await page.locator('main table').first().textContent()).toContain('3');
      await shot(page, shots, 'dashboard.png');

      // Lot page: machines, grade from the diagnostics, drives; sign the lot certificate and download it.
      await lotLink.click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(`Lot ${lotId}`);
      const lotText = (await page.locator('main').textContent()) ?? '';
      expect(lotText).toContain('Bon, avec réserves');
      expect(lotText).toContain(records[2]!.machine.serial!);
      await page.getByRole('button', { name: 'Générer et signer le certificat de lot' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('Certificat de lot signé');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Télécharger le PDF' }).click(),
      ]);
      const lotPdf = join(tempDir('gomme-lot-pdf-'), 'lot.pdf');
      await download.saveAs(lotPdf);
      const pdfsig = execFileSync('pdfsig', [lotPdf], { encoding: 'utf8' });
      expect(pdfsig).toContain('Signature is Valid');
      expect(pdfsig).toContain('Atelier du Test');
      const share = await page.getByLabel('Lien à envoyer au donateur').inputValue();
      expect(share).toMatch(new RegExp(`^${publicUrl}/v/LOT-[^?]+\\?k=[\\w-]+$`));
      await shot(page, shots, 'lot.png');
      // On a phone, the page does not scroll sideways (wide tables scroll in their own box).
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, shots, 'lot-phone-390.png');
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
      ).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 900 });

      // The donor's link opens the lot's public page and lets them download the same PDF.
      await page.goto(share);
      expect(await page.locator('.verdict').first().textContent()).toContain('authentique');
      const [donorDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Télécharger le certificat (PDF)' }).click(),
      ]);
      const donorCopy = join(tempDir('gomme-lot-pdf-'), 'donor.pdf');
      await donorDownload.saveAs(donorCopy);
      expect(readFileSync(donorCopy).equals(readFileSync(lotPdf))).toBe(true);

      // Machine page: inventory, diagnostics, drives, certificates, history.
      await page.goto(`${hub.url}/staff/lots/${encodeURIComponent(lotId)}`);
      await page.locator(`a[href="/staff/machines/${records[0]!.recordId}"]`).click();
      await page.waitForURL(new RegExp(`/staff/machines/${records[0]!.recordId}$`));
      const machineText = (await page.locator('main').textContent()) ?? '';
      for (const part of [
        'Inventaire',
        'Diagnostic',
        'Batterie usée',
        'Disques',
        'Certificats',
        'Historique',
      ])
        expect(machineText).toContain(part);
      await shot(page, shots, 'machine.png');

      // Search by the drive's asset tag-free path: the machine serial opens the machine.
      await page.getByRole('link', { name: 'Rechercher' }).click();
      await page.getByLabel(/N° de série/).fill(records[1]!.machine.serial!);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.waitForURL(new RegExp(`/staff/machines/${records[1]!.recordId}`));

      // A donor scans the drive certificate's QR code: the page opens and the hash in it matches.
      const drivePdf = pdfs.find((p) => p.kind === 'drive')!;
      const qr = qrPayload(
        drivePdf.certificateId,
        drivePdf.payloadSha256,
        readHubLink(station.dataDir)!.publicUrl,
      );
      expect(qr.startsWith(`${publicUrl}/v/`)).toBe(true);
      const donor = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1000, height: 900 } });
      const donorPage = await donor.newPage();
      await donorPage.goto(qr);
      await expect.poll(() => donorPage.locator('#match').textContent()).toContain('correspond à ce rapport');

      // Drop the genuine PDF (a real drop event carrying the file): identical, signature valid.
      const genuine = readFileSync(drivePdf.path);
      await dropFile(donorPage, genuine, `${drivePdf.certificateId}.pdf`);
      await expect
        .poll(() => donorPage.locator('#check-result').textContent())
        .toContain('certificat original');
      await shot(donorPage, shots, 'donor-valid.png');

      // A tampered copy (edited after signing: a PDF editor appends an incremental update): refused, plainly.
      const tampered = Buffer.concat([
        genuine,
        Buffer.from('\n1 0 obj\n<< /Title (Effacé ?) >>\nendobj\n%%EOF\n'),
      ]);
      await donorPage.setInputFiles('#pdf', {
        name: 'certificat.pdf',
        mimeType: 'application/pdf',
        buffer: tampered,
      });
      await donorPage.getByRole('button', { name: 'Vérifier ce fichier' }).click();
      await expect
        .poll(() => donorPage.locator('#check-result').textContent())
        .toContain('modifié après sa signature');
      expect(await donorPage.locator('#check-result .verdict').getAttribute('class')).toContain('bad');
      await shot(donorPage, shots, 'donor-tampered.png');

      // Without JavaScript the same check is a plain form upload.
      const noJs = await browser.newContext({
        javaScriptEnabled: false,
        locale: 'fr-FR',
        viewport: { width: 390, height: 844 },
      });
      const phone = await noJs.newPage();
      await phone.goto(qr);
      await phone.setInputFiles('#pdf', {
        name: 'certificat.pdf',
        mimeType: 'application/pdf',
        buffer: genuine,
      });
      await phone.getByRole('button', { name: 'Vérifier ce fichier' }).click();
      await expect.poll(() => phone.locator('#check-result').textContent()).toContain('certificat original');
      const overflow = await phone.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(phone, shots, 'donor-phone-390.png');
      await noJs.close();
      await donor.close();

      // The English switch keeps the page.
      await page.goto(`${hub.url}/staff?lang=en`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Dashboard');
      expect(await page.locator('main').textContent()).toContain('Finished lots');
      await page.goto(`${hub.url}/staff/admin`);
      expect(await page.locator('main').textContent()).toContain('Rejected uploads');
      await shot(page, shots, 'admin-en.png');
      station.close();
    } finally {
      await context.close();
      await hub.close();
    }
  });
});

/** A drop event with a DataTransfer holding the file, as a person dragging it from their files would. */
async function dropFile(page: Page, bytes: Buffer, name: string): Promise<void> {
  // Runs in the page: the browser's DataTransfer and File, typed here by hand (no DOM types in this project).
  type Dom = {
    DataTransfer: new () => { items: { add(file: unknown): void } };
    File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
  };
  const transfer = await page.evaluateHandle(
    ({ data, fileName }) => {
      const dom = globalThis as unknown as Dom;
      const dt = new dom.DataTransfer();
      const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      dt.items.add(new dom.File([raw], fileName, { type: 'application/pdf' }));
      return dt;
    },
    { data: bytes.toString('base64'), fileName: name },
  );
  await page.dispatchEvent('#drop', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
}
