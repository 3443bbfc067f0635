/**
 * The words that must not reach a reader in the other language, and the ids that must never reach a reader
 * where words are expected. Used by the French-output tests (every command, screen and PDF) and, the other way
 * round, on English output.
 *
 * What is not checked, on purpose, and stripped before scanning: paths and file names (they are data), command
 * lines (`gomme erase --resume`: the words typed are the command's), option flags, ids shown in brackets next
 * to their words (`[nist-clear]`, what `--method` takes), the choices and defaults in `--help` (values the user
 * types), and what the speaker test's own voice says ("Front Left").
 */

/** English words a French reader must never see. Lower-case entries also match Capitalised and UPPER CASE. */
export const ENGLISH_WORDS = [
  // results and states
  'erased',
  'erasing',
  'erasure',
  'failed',
  'fail',
  'aborted',
  'stopped',
  'protected',
  'refused',
  'erasable',
  'mounted',
  'warning',
  'error',
  'errors',
  'passed',
  'skipped',
  'running',
  'done',
  'finished',
  'resumable',
  'resumed',
  'interrupted',
  'tampered',
  'trusted',
  // what a pass writes and how it is checked
  'pass',
  'sample',
  'samples',
  'sampled',
  'sampling',
  'random',
  'stream',
  'bytes',
  'byte',
  'read',
  'written',
  'write',
  'verified',
  'verify',
  'verification',
  'overwrite',
  'clear',
  'wipe',
  'erase',
  'secure',
  'enhanced',
  'crypto',
  'block',
  // things
  'drive',
  'drives',
  'disk',
  'disks',
  'device',
  'devices',
  'bundle',
  'file',
  'files',
  'job',
  'jobs',
  'record',
  'records',
  'certificate',
  'computer',
  'memory',
  'processor',
  'battery',
  'keyboard',
  'touchpad',
  'screen',
  'speakers',
  'hinge',
  'hinges',
  'cosmetic',
  'backlight',
  'locks',
  'network',
  'health',
  'firmware',
  'medium',
  'boot',
  'swap',
  'holder',
  'stick',
  'passphrase',
  // facts and figures
  'method',
  'level',
  'serial',
  'size',
  'model',
  'status',
  'result',
  'results',
  'unknown',
  'none',
  'found',
  'left',
  'time',
  'estimated',
  'expected',
  'seconds',
  'hours',
  'under',
  'least',
  'reallocated',
  'pending',
  'wear',
  'used',
  // help and commander
  'default',
  'choices',
  'commands',
  'command',
  'display',
  'print',
  'show',
  // glue words
  'the',
  'and',
  'with',
  'without',
  'from',
  'this',
  'that',
  'which',
  'will',
  'could',
  'cannot',
  'not',
  'nothing',
  'every',
  'each',
  'of',
  'is',
  'are',
  'was',
  'has',
  'have',
  'by',
  'for',
  'yes',
  'step',
  'welcome',
  'press',
  'cancel',
  'next',
  'quit',
] as const;

/**
 * English matched exactly as written: abbreviations French does not use, commander's heading, and words that
 * would collide with French in another case ("To" is the French terabyte, "usage" a French word).
 */
export const ENGLISH_EXACT = ['ETA', 'WARN', 'HDD', 'Usage', 'to'] as const;

/** Phrases a French reader must never see although each word is French. */
export const FRENCH_FORBIDDEN_PHRASES = ['AVEC EXCEPTIONS', 'avec exceptions'] as const;

/**
 * Ids of the data model (methods, reasons, tests, results, verification, destinations, interruptions): never
 * shown where words are expected, in either language. Single words that are ids (smart, ram) are checked in
 * lower case only: "SMART" is a proper name.
 */
export const IDS = [
  // overwrite methods and firmware engines
  'nist-clear',
  'random-then-zero',
  'dod-short',
  'dod-7',
  'hmg-is5-baseline',
  'hmg-is5-enhanced',
  'rcmp-ops2',
  'bsi-vsitr',
  'ata-sanitize-crypto',
  'ata-sanitize-block',
  'ata-sanitize-overwrite',
  'ata-security-erase-enhanced',
  'ata-security-erase',
  'nvme-sanitize-crypto',
  'nvme-sanitize-block',
  'nvme-sanitize-overwrite',
  'nvme-format-crypto',
  'nvme-format-user-data',
  'scsi-sanitize-crypto',
  'scsi-sanitize-block',
  'scsi-sanitize-overwrite',
  'scsi-format-unit',
  'emmc-secure-discard',
  // protection reasons ("read-only" and "in-use" are also plain English: see IDS_FRENCH_ONLY)
  'boot-medium',
  // tests and statuses
  'smart',
  'smart-self-test',
  'ram',
  'cpu',
  'wifi',
  'dead-pixels',
  'webcam-image',
  'usb-ports',
  'screen-colours',
  'not-present',
  'pass-with-reservations',
  // results
  'ERASED_WITH_EXCEPTIONS',
  // verification, hidden areas, destinations, interruptions
  'crypto-compare',
  'purge-compare',
  'purge-pattern',
  'full-last',
  'full-all',
  'none-found',
  'left-in-place',
  'not-checked',
  'return-to-donor',
  'process-died',
  'operator-stopped',
  // transports, lower case outside paths (not "nvme": it is also a program's name)
  'sata',
] as const;

/** Ids that are also plain English words: raw ids only in French output. */
export const IDS_FRENCH_ONLY = ['read-only', 'in-use'] as const;

/** French words an English reader must never see (accented letters are caught on their own). */
export const FRENCH_WORDS = [
  'disque',
  'disques',
  'octets',
  'aucun',
  'aucune',
  'passe',
  'relu',
  'relue',
  'avec',
  'pour',
  'sur',
  'les',
  'des',
  'une',
  'est',
  'sont',
  'dans',
  'pas',
  'effacement',
  'inconnu',
  'inconnue',
  'moins',
  'reste',
  'oui',
  'non',
] as const;

/** Phrases that are the same in both languages on purpose. */
const ALLOWED_PHRASES = [
  'Front Left', // what the speaker test's voice says
  'Front Right',
  'Switch to English', // the language button, in the language it offers
  'Passer en français',
];

const WORD_CHAR = '\\p{L}\\p{N}_';
const boundaryRegex = (alternatives: string[], flags = 'gu') =>
  new RegExp(
    `(?<![${WORD_CHAR}-])(?:${alternatives.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![${WORD_CHAR}-])`,
    flags,
  );
const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

const ENGLISH = boundaryRegex([
  ...ENGLISH_WORDS.flatMap((w) => [w, capitalise(w), w.toUpperCase()]),
  ...ENGLISH_EXACT,
]);
const ID = boundaryRegex([...IDS]);
const ID_IN_FRENCH = boundaryRegex([...IDS, ...IDS_FRENCH_ONLY]);
const FRENCH = boundaryRegex(FRENCH_WORDS.flatMap((w) => [w, capitalise(w), w.toUpperCase()]));
const ACCENTED = /[\p{L}]*[àâçéèêëîïôûùüœÀÂÇÉÈÊËÎÏÔÛÙÜŒ][\p{L}]*/gu;

/** English number and unit forms in French output, and the French ones in English output. */
const ENGLISH_FORMS = [
  /\d+(?:\.\d+)? (?:B|kB|MB|GB|TB|PB|GiB|MiB|KiB)(?:\/s)?(?![\p{L}])/gu,
  /\d+\.\d+ ?%/g,
  /\d+%/g,
];
const FRENCH_FORMS = [
  /\d+(?:,\d+)? (?:o|ko|Mo|Go|To|Po)(?:\/s)?(?![\p{L}])/gu,
  /\d+,\d+ ?%/g,
  /(?<![\d,])\d+ %/g,
];
/** An estimate or a duration reading "0 s": never (README, issue 15). */
const ZERO_SECONDS = /(?<![\d,.])0 s(?![\p{L}])/gu;

export interface ScanOptions {
  /** `--help` output: command names open the lines of the command list. */
  help?: boolean;
}

/** The text with what is not words removed (see the module comment). */
export function wordsOnly(raw: string, options: ScanOptions = {}): string {
  // JSON a human command prints as is (the record `cert verify` shows) is data, not words.
  // So are X.509 names (a signer's subject).
  let s = raw.replace(/^\s*(?:[{}[\]]|").*$/gm, ' ').replace(/^.*\bCN=.*$/gm, ' ');
  for (const phrase of ALLOWED_PHRASES) s = s.replaceAll(phrase, ' ');
  if (options.help) s = s.replace(/^ {2}[a-z][a-z0-9-]*(?=[ [<]|$)/gm, ' ');
  // Help wraps descriptions: the choices of an option may run over several lines.
  s = s.replace(/\s+/g, ' ');
  s = s.replace(/\((?:choix|choices) ?: [^)]*\)/g, ' ');
  // Values the user types, listed by a help text or an error: choices, defaults, known ids.
  s = s.replace(
    /(?:choix possibles|choix|choices|allowed|par défaut|default|connus|connues|known) ?: [^;)]*?(?=[;)]|\.(?: |$)|$)/g,
    ' ',
  );
  s = s.replace(/\bgomme(?: (?!gomme)[a-z][a-z0-9-]*)+/g, ' ');
  s = s.replace(/apt-get install \S+/g, ' ');
  s = s.replace(/(?<![\p{L}\p{N}])--?[a-zA-Z][\w-]*(?:=\S+)?/gu, ' ');
  s = s.replace(/\[[a-z0-9-]+\]/g, ' ');
  s = s.replace(/\S*\/\S*/g, ' ');
  s = s.replace(/\S+\.(?:json|pdf|pem|p12|csv|sqlite|img)\b/g, ' ');
  return s;
}

export interface Finding {
  what: string;
  context: string;
}

function findAll(regex: RegExp, text: string, raw = text): Finding[] {
  return [...text.matchAll(regex)].map((m) => {
    const at = m.index ?? 0;
    return { what: m[0], context: raw.slice(Math.max(0, at - 40), at + m[0].length + 40) };
  });
}

/** English words, English number forms, ids and "0 s" in a French text. */
export function englishInFrench(raw: string, options: ScanOptions = {}): Finding[] {
  const words = wordsOnly(raw, options);
  return [
    ...findAll(ENGLISH, words),
    ...findAll(ID_IN_FRENCH, words),
    ...ENGLISH_FORMS.flatMap((r) => findAll(r, raw.replace(/\S*\/(?!s\b)\S*/g, ' '))),
    ...findAll(ZERO_SECONDS, raw),
    ...FRENCH_FORBIDDEN_PHRASES.flatMap((p) => findAll(new RegExp(p, 'g'), raw)),
  ];
}

/** French words, accented words, French number forms, ids and "0 s" in an English text. */
export function frenchInEnglish(raw: string, options: ScanOptions = {}): Finding[] {
  const words = wordsOnly(raw, options);
  return [
    ...findAll(FRENCH, words),
    ...findAll(ACCENTED, words),
    ...findAll(ID, words),
    ...FRENCH_FORMS.flatMap((r) => findAll(r, raw.replace(/\S*\/(?!s\b)\S*/g, ' '))),
    ...findAll(ZERO_SECONDS, raw),
  ];
}

/** One line per finding, for a failure message that says where to look. */
export function report(name: string, findings: Finding[]): string {
  return findings.map((f) => `${name}: "${f.what}" in …${f.context.replace(/\s+/g, ' ')}…`).join('\n');
}
