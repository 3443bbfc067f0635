import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initKeys } from '../../../certificates/keys/init-keys.js';
import { GuideApp, ScreenView } from '../../../cli/tui/app.js';
import { certificateService } from '../../../cli/tui/certificate-service.js';
import { Frame } from '../../../cli/tui/components/frame.js';
import type { CertificateService } from '../../../cli/tui/services.js';
import { initialState, reduce } from '../../../cli/tui/state/reducer.js';
import { text } from '../../../core/i18n.js';
import { entry, fakeServices, hdd } from './fakes.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const dataDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'gomme-signing-notice-'));
  dirs.push(d);
  return d;
};

function certificates(dir: string): CertificateService {
  return certificateService({ dataDir: dir, env: {}, lang: 'fr' });
}

async function guideWith(service: CertificateService | undefined, lang: 'fr' | 'en' = 'fr') {
  const fake = fakeServices({ entries: [entry(hdd)] });
  if (service) fake.services.certificates = service;
  const app = render(<GuideApp services={fake.services} lang={lang} />);
  await vi.waitFor(() => expect(app.lastFrame()).toContain(lang === 'fr' ? 'Votre prénom' : 'Your first'));
  await new Promise((r) => setTimeout(r, 50));
  return app;
}

describe('the guide says up front when the certificates will be unsigned', () => {
  it('no key in the data folder: the welcome screen says so, and how the supervisor fixes it', async () => {
    const dir = dataDir();
    const app = await guideWith(certificates(dir));
    const f = app.lastFrame() ?? '';
    expect(f).toContain('ATTENTION : pas de clé de signature. Les certificats seront créés SANS');
    expect(f).toContain('gomme keys init');
    // The path is wrapped on the screen: its last part is enough to find it.
    expect(f.replace(/\n\s*/g, '')).toContain(join(dir, 'keys'));
    const lines = f.split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(f).not.toMatch(/[^\u0000-\u00ff]/);
    app.unmount();
  });

  it('in English with --lang en', async () => {
    const app = await guideWith(certificates(dataDir()), 'en');
    expect(app.lastFrame()).toContain('WARNING: no signing key. The certificates will be made WITHOUT');
    app.unmount();
  });

  it('a key set up: no notice', async () => {
    const dir = dataDir();
    initKeys(dir, { organisation: 'Atelier Test' });
    expect(certificates(dir).signingNotice?.()).toBeNull();
    const app = await guideWith(certificates(dir));
    expect(app.lastFrame()).not.toContain('signature');
    app.unmount();
  });

  it('the drive list reminds it just before the confirmation', () => {
    let s = reduce(initialState({ lang: 'fr' }), {
      type: 'discovered',
      found: { entries: [entry(hdd)], warnings: [], onlyDevices: null },
    });
    s = reduce({ ...s, screen: 'drives' }, { type: 'signing-notice', notice: text('x', 'x') });
    const { lastFrame, unmount } = render(
      <Frame state={s}>
        <ScreenView state={s} />
      </Frame>,
    );
    expect(lastFrame()).toContain("Certificats NON SIGNÉS (pas de clé de signature) : prévenez l'encadrant.");
    unmount();
  });

  it('no certificate service at all: nothing to say', async () => {
    const app = await guideWith(undefined);
    expect(app.lastFrame()).not.toContain('signature');
    app.unmount();
  });
});
