import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ScreenView } from '../../../cli/tui/app.js';
import { asciiBar } from '../../../cli/tui/components/bar.js';
import { Frame } from '../../../cli/tui/components/frame.js';
import { initialState, reduce } from '../../../cli/tui/state/reducer.js';
import type { GuideState, Screen } from '../../../cli/tui/state/types.js';
import { SCREEN_ORDER } from '../../../cli/tui/wording.js';
import { bootStick, entry, hdd, result, ssd } from './fakes.js';

function view(state: GuideState): string {
  const { lastFrame, unmount } = render(
    <Box>
      <Frame state={state}>
        <ScreenView state={state} />
      </Frame>
    </Box>,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

/** Console limits: 80 columns, 25 rows, Latin-1 only (the console font has accents, no box drawing). */
function expectConsoleSafe(frame: string): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(25);
  for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
  expect(frame).not.toMatch(/[^\u0000-\u00ff]/);
}

const questions = [
  {
    id: 'keyboard',
    prompt: { fr: 'Toutes les touches du clavier répondent-elles ?', en: 'Does every keyboard key respond?' },
    instructions: { fr: 'Appuyez sur chaque touche.', en: 'Press every key.' },
    choices: [
      { id: 'ok', label: { fr: 'Oui, tout fonctionne', en: 'Yes, everything works' } },
      {
        id: 'unsure',
        label: { fr: "Je ne sais pas / appeler l'encadrant", en: "I don't know / call the supervisor" },
      },
    ],
  },
];

function stateFor(screen: Screen, lang: 'fr' | 'en'): GuideState {
  let s = initialState({ lang, questions: screen === 'diagnostics' ? questions : null });
  s = reduce(s, {
    type: 'discovered',
    found: { entries: [entry(hdd), entry(ssd), entry(bootStick)], warnings: [], onlyDevices: null },
  });
  s = reduce(s, {
    type: 'machine-read',
    identity: { vendor: 'LENOVO', model: 'ThinkPad T460', serial: 'PC0ABCDE' },
  });
  s = {
    ...s,
    operator: 'Awa Diallo',
    intake: { donor: 'Mairie de Lyon', lot: 'L-2025-014', assetTag: 'INV-0042', publicDonor: true },
  };
  s = { ...s, screen, selected: ['/dev/sdb'], confirm: { step: 0, typed: '34', confirmed: [] } };
  if (screen === 'diagnostics')
    s = {
      ...s,
      diag: {
        ...s.diag,
        phase: 'running',
        tests: [
          { name: 'smart', status: 'pass' },
          { name: 'ram', status: 'running' },
        ],
      },
    };
  if (screen === 'erasing') {
    const at = '2025-01-01T00:00:00Z';
    s = {
      ...s,
      selected: ['/dev/sdb', '/dev/sdc'],
      confirm: { step: 2, typed: '', confirmed: ['/dev/sdb', '/dev/sdc'] },
    };
    s = reduce(s, {
      type: 'job-event',
      event: {
        jobId: 'a',
        device: '/dev/sdb',
        at,
        type: 'progress',
        phase: 'write',
        pass: 1,
        passes: 1,
        bytesDone: 225e9,
        bytesTotal: 500e9,
        rate: 118e6,
        etaSeconds: 2330,
      },
    });
    s = { ...s, erase: { ...s.erase, status: 'running' } };
  }
  if (screen === 'results')
    s = reduce(s, {
      type: 'erase-finished',
      results: [result(entry(hdd).plan!), result(entry(ssd).plan!, 'ABORTED')],
    });
  if (screen === 'certificates')
    s = {
      ...s,
      certificates: {
        status: 'done',
        issued: {
          files: [
            {
              path: '/media/GOMME-DATA/certificates/GR-20250101-0a1b2c3d4e-D1.pdf',
              kind: 'drive',
              device: '/dev/sdb',
            },
            {
              path: '/media/GOMME-DATA/certificates/GR-20250101-0a1b2c3d4e-M.pdf',
              kind: 'machine',
              device: null,
            },
          ],
          savedIn: '/media/GOMME-DATA/certificates',
          notice: null,
        },
        error: null,
      },
    };
  return s;
}

describe('every screen fits the Linux console, in French and English', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const screen of SCREEN_ORDER) {
      it(`${screen} (${lang})`, () => expectConsoleSafe(view(stateFor(screen, lang))));
    }
  }
});

describe('screen content', () => {
  it('welcome: operator field focused, language switch, supervisor', () => {
    const f = view(stateFor('welcome', 'fr'));
    expect(f).toContain('Étape 1/10 : BIENVENUE');
    expect(f).toContain('> Votre prénom et nom');
    expect(f).toMatch(/Langue \/ Language\s+: < Français >/);
    expect(f).toContain("Je ne sais pas / appeler l'encadrant");
  });

  it('intake: the four fields with the public-donor flag in words', () => {
    const f = view({ ...stateFor('intake', 'fr'), focus: 3 });
    expect(f).toContain('Mairie de Lyon');
    expect(f).toContain('L-2025-014');
    expect(f).toContain('INV-0042');
    expect(f).toMatch(/> Don d'un organisme public\s+: < OUI >/);
  });

  it('machine: DMI identity and the three answers', () => {
    const f = view(stateFor('machine', 'en'));
    expect(f).toContain('LENOVO');
    expect(f).toContain('ThinkPad T460');
    expect(f).toContain('PC0ABCDE');
    expect(f).toContain('Yes, it is this machine');
    expect(f).toContain("I don't know / call the supervisor");
  });

  it('machine: unknown facts are said, not left blank', () => {
    const s = reduce(stateFor('machine', 'fr'), {
      type: 'machine-read',
      identity: { vendor: null, model: null, serial: null },
    });
    expect(view(s)).toContain('Numéro de série   : (inconnu)');
  });

  it('diagnostics: question, choices and background tests; "non disponible" without the service', () => {
    const f = view(stateFor('diagnostics', 'fr'));
    expect(f).toContain('Question 1/1 : Toutes les touches');
    expect(f).toContain('Tests automatiques (en arrière-plan) : 1 terminés ; en cours : mémoire vive');
    const none = view({ ...initialState({ lang: 'fr' }), screen: 'diagnostics' });
    expect(none).toContain('non disponibles');
  });

  it('drives: ticked, unticked and protected rows, with the plan', () => {
    const f = view(stateFor('drives', 'fr'));
    expect(f).toContain('> [X] /dev/sdb');
    expect(f).toContain('[ ] /dev/sdc');
    expect(f).toMatch(/\n {6}\/dev\/sda/); // no box: not selectable
    expect(f).toContain('PROTÉGÉ : support de démarrage (système en marche) (sda1 monté sur');
    expect(f).toContain('Méthode : Réécriture NIST 800-88 (1 passe aléatoire), Niveau NIST :\n  Effacement');
    expect(f).toMatch(/Cochés : sdb - durée totale estimée : 1 h \d\d min/);
  });

  it('drives: an --only-devices restriction is shown', () => {
    const s = reduce(stateFor('drives', 'en'), {
      type: 'discovered',
      found: { entries: [entry(hdd)], warnings: [], onlyDevices: ['/dev/sdb'] },
    });
    expect(view(s)).toContain('Display limited by the --only-devices option: 1 drives');
  });

  it('confirm: identity, serial prompt, what was typed, cancel', () => {
    const f = view(stateFor('confirm', 'fr'));
    expect(f).toContain('TOUT ce qui est sur ce disque sera DÉTRUIT');
    expect(f).toContain('WCAYUJ123456');
    expect(f).toContain('Tapez les 4 derniers caractères');
    expect(f).toContain('> Code');
    expect(f).toContain('34_');
    expect(f).toContain('Annuler, ne rien effacer');
  });

  it('confirm: a drive without serial asks for its name', () => {
    const loop = { ...hdd, path: '/dev/loop3', name: 'loop3', serial: null };
    let s = stateFor('confirm', 'en');
    s = reduce(s, { type: 'discovered', found: { entries: [entry(loop)], warnings: [], onlyDevices: null } });
    s = { ...s, selected: ['/dev/loop3'] };
    expect(view(s)).toContain('Type its name: loop3');
  });

  it('erasing: ASCII bar, speed, time left, waiting drive, Ctrl-C hint', () => {
    const f = view(stateFor('erasing', 'fr'));
    expect(f).toContain(`/dev/sdb      ${asciiBar(0.45, 30)}    45 %`);
    expect(f).toContain('passe 1/1 écriture  118 Mo/s  reste 39 min');
    expect(f).toContain('/dev/sdc      démarrage...');
    expect(f).toContain('Ctrl-C : arrêter');
  });

  it('erasing: the stop question', () => {
    const s = reduce(stateFor('erasing', 'fr'), { type: 'interrupt' });
    const f = view(s);
    expect(f).toContain("Voulez-vous vraiment arrêter l'effacement ?");
    expect(f).toContain("> [ Non, continuer l'effacement ]");
    expect(f).toContain('gomme erase --resume');
    expect(f).toContain('Échap : revenir');
  });

  it('results: words for each result, verification, resume hint, grade', () => {
    const f = view(stateFor('results', 'fr'));
    expect(f).toMatch(/\/dev\/sdb\s+EFFACÉ\s+vérifié \(10 %\)/);
    expect(f).toContain('INTERROMPU');
    expect(f).toContain('Reprise possible : gomme erase --resume');
    expect(f).toContain('Diagnostic : non disponible');
    expect(f).toMatch(/> \/dev\/sdb +EFFACÉ/); // the focus starts on the top of the list
  });

  it('certificates: where they are saved and what each file is; "non disponible" without the service', () => {
    const f = view(stateFor('certificates', 'fr'));
    expect(f).toContain('Certificats enregistrés dans :');
    expect(f).toContain('  /media/GOMME-DATA/certificates');
    expect(f).toContain('Un certificat par disque : à remettre au donateur.');
    expect(f).toContain("Un certificat pour l'ordinateur : à garder avec la machine.");
    expect(f).toContain('Disque /dev/sdb : GR-20250101-0a1b2c3d4e-D1.pdf');
    expect(f).toContain('Ordinateur : GR-20250101-0a1b2c3d4e-M.pdf');
    expect(view({ ...stateFor('results', 'fr'), screen: 'certificates' })).toContain('non disponibles');
  });

  it('next: next machine and quit', () => {
    const f = view(stateFor('next', 'en'));
    expect(f).toContain('> [ Next machine (same lot) ]');
    expect(f).toContain('[ Leave the guide ]');
  });

  it('supervisor panel replaces the screen until dismissed', () => {
    const f = view({ ...stateFor('drives', 'fr'), overlay: { kind: 'supervisor', returnFocus: 0 } });
    expect(f).toContain("*** APPELEZ L'ENCADRANT ***");
    expect(f).not.toContain('/dev/sdb');
  });

  it('notices are words, not only colour', () => {
    expect(view({ ...stateFor('confirm', 'fr'), notice: 'wrong-code' })).toContain(
      "ATTENTION : Ce n'est pas le bon code. Rien n'a été effacé.",
    );
  });
});
