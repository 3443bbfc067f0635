import * as v from 'valibot';
import { type Text, text } from '../../core/i18n.js';
import { check, say } from '../../core/schema.js';

/**
 * Unattended-mode parameters, from the kernel command line or (for VMs) SMBIOS OEM strings. Pure: the caller
 * reads /proc/cmdline and `dmidecode -t 11`. Safety rules (a stray boot must never erase):
 * - nothing happens without `gomme.mode`; an erase also needs explicit `gomme.targets` AND the matching
 *   `gomme.confirm` token (`yes-erase-all` for all-unprotected, `yes-erase-listed` for a serial list);
 * - one source is used whole, never mixed: the kernel command line when it holds any gomme.* parameter (the
 *   operator at the boot menu overrides the hypervisor), else SMBIOS. A confirmation can never be borrowed
 *   from another source;
 * - unknown gomme.* keys, duplicates that disagree and bad values are errors, never silently defaulted.
 * Tokens are collected by hand (kernel command line syntax); their values are checked by valibot schemas.
 */

export type UnattendedMode = 'capture' | 'erase' | 'diag';
export type VerifyChoice = 'none' | 'sample' | 'last' | 'all';
export type ParamSource = 'cmdline' | 'smbios';
export type TargetSpec = { kind: 'all-unprotected' } | { kind: 'serials'; serials: string[] };

export interface UnattendedParams {
  source: ParamSource;
  mode: UnattendedMode;
  /** Erase method id (gomme erase --method); null: gomme erase's default. */
  method: string | null;
  verify: VerifyChoice | null;
  /** Required for erase, ignored otherwise. */
  targets: TargetSpec | null;
  poweroff: boolean;
  /** `gomme.hub=URL` (and `gomme.enrol=CODE` for a station without a key, e.g. netbooted): push there. */
  hub: HubParams | null;
}

export interface HubParams {
  url: string;
  /** One-time enrolment code: the station enrols for this boot before erasing anything. */
  enrolCode: string | null;
}

export type ParamsOutcome =
  | { kind: 'none' }
  | { kind: 'ok'; params: UnattendedParams; warnings: Text[] }
  | { kind: 'invalid'; source: ParamSource; errors: Text[] };

export interface ParamInputs {
  /** /proc/cmdline, or null when unreadable. */
  cmdline: string | null;
  /** stdout of `dmidecode -t 11`, or null when dmidecode is missing or failed. */
  dmidecodeType11: string | null;
  /** Method ids gomme erase accepts. */
  methods: readonly string[];
}

export const CONFIRM_ALL = 'yes-erase-all';
export const CONFIRM_LISTED = 'yes-erase-listed';

const PREFIX = 'gomme.';
const MODES: readonly UnattendedMode[] = ['capture', 'erase', 'diag'];
const VERIFY: readonly VerifyChoice[] = ['none', 'sample', 'last', 'all'];
/**
 * `gomme.data` belongs to the boot scripts (data partition), not to this mode: accepted and ignored.
 * `gomme.hub` and `gomme.enrol` may come without a mode (a netbooted guided session reads them too).
 */
const KEYS = ['mode', 'method', 'verify', 'targets', 'confirm', 'poweroff', 'data', 'hub', 'enrol'] as const;
const MODELESS: readonly Key[] = ['data', 'hub', 'enrol'];
const HUB_URL = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[A-Za-z0-9._~/-]*)?$/;
const ENROL_CODE = /^[0-9A-Za-z]{4}-?[0-9A-Za-z]{4}$/;
type Key = (typeof KEYS)[number];
const SERIAL = /^[A-Za-z0-9._:/-]{1,64}$/;

/** The OEM strings of `dmidecode -t 11` ("\tString 1: value"), in order. */
export function parseOemStrings(dmidecodeOutput: string): string[] {
  const strings: string[] = [];
  for (const line of dmidecodeOutput.split('\n')) {
    const match = /^\s*String \d+: ?(.*)$/.exec(line);
    if (match?.[1] !== undefined) strings.push(match[1].trim());
  }
  return strings;
}

/** gomme.* tokens of a whitespace-separated text (kernel command line, or OEM strings joined). */
export function gommeTokens(source: string): Array<[string, string]> {
  const tokens: Array<[string, string]> = [];
  for (const token of source.trim().split(/\s+/)) {
    if (!token.startsWith(PREFIX)) continue;
    const eq = token.indexOf('=');
    const key = eq < 0 ? token.slice(PREFIX.length) : token.slice(PREFIX.length, eq);
    const raw = eq < 0 ? '' : token.slice(eq + 1);
    tokens.push([key, raw.replace(/^"(.*)"$/, '$1')]);
  }
  return tokens;
}

export function resolveUnattendedParams(inputs: ParamInputs): ParamsOutcome {
  const fromCmdline = gommeTokens(inputs.cmdline ?? '');
  const fromSmbios = gommeTokens(parseOemStrings(inputs.dmidecodeType11 ?? '').join(' '));
  const [source, tokens] =
    fromCmdline.length > 0 ? (['cmdline', fromCmdline] as const) : (['smbios', fromSmbios] as const);
  const warnings: Text[] = [];
  if (source === 'cmdline' && fromSmbios.length > 0) {
    warnings.push(
      text(
        'Paramètres gomme.* trouvés à la fois sur la ligne de commande du noyau et dans SMBIOS : seule la ligne de commande compte.',
        'gomme.* parameters found both on the kernel command line and in SMBIOS: only the command line is used.',
      ),
    );
  }
  const errors: Text[] = [];
  const values = collect(tokens, errors);
  const modeless = KEYS.filter((k) => k !== 'mode' && !MODELESS.includes(k) && values.has(k));
  if (!values.has('mode')) {
    if (modeless.length === 0 && errors.length === 0) return { kind: 'none' };
    errors.push(
      text(
        `gomme.mode manque alors que ${modeless.map((k) => PREFIX + k).join(', ') || 'des paramètres gomme.*'} est donné.`,
        `gomme.mode is missing while ${modeless.map((k) => PREFIX + k).join(', ') || 'gomme.* parameters'} is given.`,
      ),
    );
    return { kind: 'invalid', source, errors };
  }
  const fields = check(fieldsSchema(inputs.methods), Object.fromEntries(values), '', false);
  if (!fields.ok) errors.push(...fields.issues);
  const mode = fields.ok ? fields.value.mode : (values.get('mode') as UnattendedMode);
  let targets: TargetSpec | null = null;
  if (mode === 'erase') {
    const erase = check(EraseTargetsSchema, Object.fromEntries(values), '', false);
    if (erase.ok) targets = erase.value;
    else errors.push(...erase.issues);
  } else {
    for (const key of ['method', 'verify', 'targets', 'confirm'] as const) {
      if (values.has(key))
        warnings.push(
          text(`${PREFIX}${key} ignoré hors du mode erase.`, `${PREFIX}${key} ignored outside erase mode.`),
        );
    }
  }
  if (errors.length > 0 || !fields.ok) return { kind: 'invalid', source, errors };
  const { method, verify, poweroff, hub, enrol } = fields.value;
  if (enrol !== undefined && hub === undefined) {
    errors.push(text('gomme.enrol exige gomme.hub=ADRESSE.', 'gomme.enrol needs gomme.hub=URL.'));
    return { kind: 'invalid', source, errors };
  }
  return {
    kind: 'ok',
    params: {
      source,
      mode: fields.value.mode,
      method: method ?? null,
      verify: verify ?? null,
      targets,
      poweroff,
      hub: hub === undefined ? null : { url: hub.replace(/\/+$/, ''), enrolCode: enrol ?? null },
    },
    warnings,
  };
}

function collect(tokens: Array<[string, string]>, errors: Text[]): Map<Key, string> {
  const values = new Map<Key, string>();
  for (const [key, value] of tokens) {
    if (!(KEYS as readonly string[]).includes(key)) {
      errors.push(
        text(
          `Paramètre inconnu ${PREFIX}${key} (connus : ${KEYS.map((k) => PREFIX + k).join(', ')}).`,
          `Unknown parameter ${PREFIX}${key} (known: ${KEYS.map((k) => PREFIX + k).join(', ')}).`,
        ),
      );
      continue;
    }
    const previous = values.get(key as Key);
    if (previous !== undefined && previous !== value) {
      errors.push(
        text(
          `${PREFIX}${key} est donné deux fois avec des valeurs différentes (${previous}, ${value}).`,
          `${PREFIX}${key} is given twice with different values (${previous}, ${value}).`,
        ),
      );
    }
    values.set(key as Key, value);
  }
  return values;
}

/** "gomme.KEY=VALUE : valeur invalide (attendu : …)." as the parameter was written. */
function invalid(key: Key, allowed: readonly string[]) {
  return (issue: v.BaseIssue<unknown>) =>
    say(
      `${PREFIX}${key}=${String(issue.input ?? '')} : valeur invalide (attendu : ${allowed.join(', ')}).`,
      `${PREFIX}${key}=${String(issue.input ?? '')}: invalid value (expected: ${allowed.join(', ')}).`,
    );
}

const TRUE = ['1', 'yes', 'true', ''];
const FALSE = ['0', 'no', 'false'];

/** Each value on its own; absent ones take their default (method/verify: gomme erase's, poweroff: no). */
function fieldsSchema(methods: readonly string[]) {
  return v.object({
    mode: v.picklist(MODES, invalid('mode', MODES)),
    method: v.optional(
      v.picklist(methods, (issue) =>
        say(
          `${PREFIX}method=${String(issue.input)} : méthode inconnue (connues : ${methods.join(', ')}).`,
          `${PREFIX}method=${String(issue.input)}: unknown method (known: ${methods.join(', ')}).`,
        ),
      ),
    ),
    verify: v.optional(v.picklist(VERIFY, invalid('verify', VERIFY))),
    hub: v.optional(v.pipe(v.string(), v.regex(HUB_URL, invalid('hub', ['http://HÔTE:PORT'])))),
    enrol: v.optional(v.pipe(v.string(), v.regex(ENROL_CODE, invalid('enrol', ['XXXX-XXXX'])))),
    poweroff: v.optional(
      v.pipe(
        v.picklist([...TRUE, ...FALSE], (issue) =>
          say(
            `${PREFIX}poweroff=${String(issue.input)} : valeur invalide (attendu : 1 ou 0).`,
            `${PREFIX}poweroff=${String(issue.input)}: invalid value (expected: 1 or 0).`,
          ),
        ),
        v.transform((value) => TRUE.includes(value)),
      ),
      '0',
    ),
  });
}

/** Targets and their confirmation token: both explicit, both from the same source, or no erase at all. */
const EraseTargetsSchema = v.pipe(
  v.object({ targets: v.optional(v.string()), confirm: v.optional(v.string()) }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const { targets: raw, confirm } = dataset.value;
    if (raw === undefined || raw === '') {
      addIssue({
        message: say(
          'gomme.mode=erase exige gomme.targets=all-unprotected ou une liste de numéros de série : rien ne sera effacé.',
          'gomme.mode=erase needs gomme.targets=all-unprotected or a list of serial numbers: nothing will be erased.',
        ),
      });
      return NEVER;
    }
    let targets: TargetSpec;
    if (raw === 'all-unprotected') targets = { kind: 'all-unprotected' };
    else {
      const serials = raw.split(',').filter((s) => s !== '');
      const bad = serials.filter((s) => !SERIAL.test(s));
      if (serials.length === 0 || bad.length > 0) {
        addIssue({
          message: say(
            `gomme.targets=${raw} : numéros de série invalides (${bad.join(', ') || 'liste vide'}).`,
            `gomme.targets=${raw}: invalid serial numbers (${bad.join(', ') || 'empty list'}).`,
          ),
        });
        return NEVER;
      }
      targets = { kind: 'serials', serials: [...new Set(serials)] };
    }
    const expected = targets.kind === 'all-unprotected' ? CONFIRM_ALL : CONFIRM_LISTED;
    if (confirm !== expected) {
      addIssue({
        message: say(
          `gomme.mode=erase exige gomme.confirm=${expected} pour gomme.targets=${raw}${confirm === undefined ? '' : ` (reçu : ${confirm})`} : rien ne sera effacé.`,
          `gomme.mode=erase needs gomme.confirm=${expected} for gomme.targets=${raw}${confirm === undefined ? '' : ` (got: ${confirm})`}: nothing will be erased.`,
        ),
      });
      return NEVER;
    }
    return targets;
  }),
);
