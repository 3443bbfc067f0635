import { describe, expect, it } from 'vitest';
import { englishInFrench, frenchInEnglish } from '../../helpers/words-scan.js';

const found = (text: string, options = {}) => englishInFrench(text, options).map((f) => f.what);

/** What issue 15 saw in French output, before the wording model: the scan must find every one. */
describe('the scan finds what issue 15 saw', () => {
  it.each([
    [
      'méthode: NIST 800-88 Clear (1 random pass) (nist-clear), NIST Clear',
      ['Clear', 'random', 'pass', 'Clear'],
    ],
    ['passes: AES-128-CTR random stream', ['random', 'stream']],
    ['vérification: sample', ['sample']],
    ['sample: 32776192 bytes read back, 0 differing', ['sample', 'bytes', 'read']],
    ['non fait     smart    Paquet rejoué', ['smart']],
    ['Non testé: ram, cpu, battery, locks, speakers, dead-pixels, webcam-image', ['ram', 'cpu', 'battery']],
    ['passe 1/1 écriture  118 MB/s  reste 38 min 50 s', ['118 MB/s']],
    ['/dev/sdb  [####-----]  12.2 %', ['12.2 %']],
    ['durée estimée: 0 s', ['0 s']],
    ['Usage: gomme [options] [command]', ['Usage']],
    ['/dev/sdb : STOPPED', ['STOPPED']],
    ['/dev/sdb : EFFACÉ AVEC EXCEPTIONS', ['AVEC EXCEPTIONS']],
    ['État : PROTÉGÉ: boot medium', ['boot', 'medium']],
    ['support : boot-medium', ['boot-medium']],
  ])('%s', (line, expected) => {
    const what = found(line);
    for (const word of expected) expect(what, line).toContain(word);
  });

  it('leaves alone what is not words: paths, commands, flags, bracketed ids, help choices, data in quotes', () => {
    expect(found('reprise possible : gomme erase --resume')).toEqual([]);
    expect(found('/dev/disk/by-id/ata-Samsung_random_stream')).toEqual([]);
    expect(found('méthode : Réécriture NIST 800-88 (1 passe aléatoire) [nist-clear]')).toEqual([]);
    expect(
      found('  --verify <mode>  relecture (choix : none, sample,\n    last, all ; par défaut : sample)', {
        help: true,
      }),
    ).toEqual([]);
    expect(found('Une voix dit "Front Left" à gauche')).toEqual([]);
    expect(found('Capacité : 1,5 To (1 500 301 910 016 octets)')).toEqual([]);
  });

  it('finds French in English output', () => {
    const what = frenchInEnglish('sdb: EFFACÉ, 268 Mo écrits, 12,2 % relu, aucune erreur').map((f) => f.what);
    expect(what).toEqual(expect.arrayContaining(['EFFACÉ', '268 Mo', '12,2 %', 'aucune', 'écrits']));
    expect(frenchInEnglish('sdb: ERASED, 268 MB written, 12.2% read back')).toEqual([]);
  });
});
