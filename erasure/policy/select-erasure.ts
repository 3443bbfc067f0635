/**
 * Pure method selection: which erasure a drive gets, at which NIST SP 800-88 level, and why. Only facts the
 * drive reported and gomme trusts can select a firmware method (unknown = no); everything else falls back to
 * the software overwrite (Clear). The operator may force a method; what the drive does not support is refused.
 */
import type { Drive } from '../../core/drive.js';
import { COLON, type Text, text } from '../../core/i18n.js';
import { methodWords } from '../../core/words/methods.js';
import type { CredentialKind } from '../purge/credentials.js';
import type { NistLevel, PurgeEngineId } from '../purge/engine.js';
import { ENGINES, isPurgeEngineId } from '../purge/engines.js';
import { mediumOf, TECHNIQUES } from '../purge/techniques.js';
import { type DestroyCode, lockedRoute } from './locked.js';
import { classOf, PREFERENCES } from './preferences.js';
import { safetyRefusals, siblingBlocker } from './safety.js';

export const OVERWRITE_METHOD = 'nist-clear';

export type ErasureChoice =
  | { kind: 'purge'; engine: PurgeEngineId; nistLevel: NistLevel; technique: string; reason: Text }
  /** Nothing can erase the drive: the record says "not erased", destination destruction, and why. */
  | { kind: 'destroy'; code: DestroyCode; nistLevel: 'destroy'; technique: string; reason: Text }
  | {
      kind: 'overwrite';
      method: typeof OVERWRITE_METHOD;
      nistLevel: 'clear';
      technique: string;
      reason: Text;
    };

export interface Alternative {
  id: PurgeEngineId | typeof OVERWRITE_METHOD;
  available: boolean;
  nistLevel: NistLevel;
  /** Why it is not available, or what it achieves when it is. */
  reason: Text;
}

export interface Refusal {
  code: string;
  message: Text;
}

export type Selection =
  | { ok: true; choice: ErasureChoice; alternatives: Alternative[]; warnings: Text[] }
  | { ok: false; refusals: Refusal[] };

export interface ErasureRequest {
  /** An engine id, or "nist-clear" / "overwrite" for the software overwrite. */
  force?: string;
  /**
   * The other drives of the machine (the namespaces of the same NVMe controller among them): a controller-wide
   * purge must not reach a protected one. Required: forgetting it must not silently drop that check.
   */
  siblings: readonly Drive[];
  /** The kind of secret the technician typed for this drive (the secret itself stays in the CredentialStore). */
  credential?: CredentialKind;
}

export function selectErasure(drive: Drive, request: ErasureRequest): Selection {
  const refusals = safetyRefusals(drive);
  if (refusals.length > 0) return { ok: false, refusals };

  const alternatives = listAlternatives(drive, request.siblings);
  const warnings = driveWarnings(drive);
  const locked = request.force === undefined ? lockedRoute(drive, request.credential) : null;
  if (locked?.kind === 'refuse')
    return { ok: false, refusals: [{ code: locked.code, message: locked.message }] };
  if (locked?.kind === 'destroy') {
    const choice: ErasureChoice = {
      kind: 'destroy',
      code: locked.code,
      nistLevel: 'destroy',
      technique: 'Destroy',
      reason: locked.reason,
    };
    return { ok: true, choice, alternatives, warnings };
  }
  if (locked?.kind === 'engine') {
    const alt = alternatives.find((a) => a.id === locked.engine);
    if (alt?.available)
      return { ok: true, choice: purgeChoice(drive, locked.engine, locked.why), alternatives, warnings };
    return {
      ok: false,
      refusals: [
        {
          code: 'locked-route-unavailable',
          message: text(
            `${locked.why.fr} Impossible : ${alt?.reason.fr ?? ''}`,
            `${locked.why.en} Not possible: ${alt?.reason.en ?? ''}`,
          ),
        },
      ],
    };
  }
  const force = request.force;
  if (force !== undefined) {
    if (force === OVERWRITE_METHOD || force === 'overwrite') {
      return { ok: true, choice: overwriteChoice(drive, forcedText), alternatives, warnings };
    }
    if (!isPurgeEngineId(force)) {
      return {
        ok: false,
        refusals: [
          {
            code: 'unknown-method',
            message: text(`Méthode inconnue : ${force}.`, `Unknown method: ${force}.`),
          },
        ],
      };
    }
    const alt = alternatives.find((a) => a.id === force);
    if (!alt?.available) {
      const why = alt?.reason ?? text('non prise en charge', 'not supported');
      return {
        ok: false,
        refusals: [
          {
            code: 'unsupported-method',
            message: text(
              `${methodWords(force)?.fr ?? force} [${force}] est impossible sur ce disque : ${why.fr}`,
              `${methodWords(force)?.en ?? force} [${force}] cannot run on this drive: ${why.en}`,
            ),
          },
        ],
      };
    }
    return { ok: true, choice: purgeChoice(drive, force, forcedText), alternatives, warnings };
  }

  const skipped: Alternative[] = [];
  for (const id of PREFERENCES[classOf(drive)]) {
    const alt = alternatives.find((a) => a.id === id);
    if (alt?.available)
      return { ok: true, choice: purgeChoice(drive, id, becauseBest(skipped)), alternatives, warnings };
    if (alt) skipped.push(alt);
  }
  return { ok: true, choice: overwriteChoice(drive, becauseBest(skipped)), alternatives, warnings };
}

function listAlternatives(drive: Drive, siblings: readonly Drive[]): Alternative[] {
  const out: Alternative[] = Object.values(ENGINES).map((engine) => {
    const supported = engine.supports(drive);
    const blocked = supported.ok ? siblingBlocker(drive, engine.id, siblings) : null;
    const nistLevel = engine.nistLevel(drive);
    if (!supported.ok) return { id: engine.id, available: false, nistLevel, reason: supported.reason };
    if (blocked) return { id: engine.id, available: false, nistLevel, reason: blocked };
    return { id: engine.id, available: true, nistLevel, reason: TECHNIQUES[engine.id].basis };
  });
  out.push({ id: OVERWRITE_METHOD, available: true, nistLevel: 'clear', reason: overwriteBasis(drive) });
  return out;
}

const forcedText = text('Choisie par l’opérateur.', 'Chosen by the operator.');

/** "Best method the drive supports", plus why each better one was passed over (frozen, unsupported…). */
function becauseBest(skipped: readonly Alternative[]): Text {
  const lead = text('Meilleure méthode disponible sur ce disque.', 'Best method available on this drive.');
  if (skipped.length === 0) return lead;
  const list = (lang: 'fr' | 'en') =>
    skipped
      .map((a) => `${(methodWords(a.id) ?? text(a.id, a.id))[lang]}${COLON[lang]}${a.reason[lang]}`)
      .join(' ');
  return text(`${lead.fr} Écartées : ${list('fr')}`, `${lead.en} Passed over: ${list('en')}`);
}

function purgeChoice(drive: Drive, id: PurgeEngineId, why: Text): ErasureChoice {
  const engine = ENGINES[id];
  const basis = TECHNIQUES[id].basis;
  return {
    kind: 'purge',
    engine: id,
    nistLevel: engine.nistLevel(drive),
    technique: engine.technique,
    reason: text(`${basis.fr} ${why.fr}`, `${basis.en} ${why.en}`),
  };
}

function overwriteChoice(drive: Drive, why: Text): ErasureChoice {
  const basis = overwriteBasis(drive);
  return {
    kind: 'overwrite',
    method: OVERWRITE_METHOD,
    nistLevel: 'clear',
    technique: 'Overwrite',
    reason: text(`${basis.fr} ${why.fr}`, `${basis.en} ${why.en}`),
  };
}

function overwriteBasis(drive: Drive): Text {
  if (mediumOf(drive) === 'hdd') {
    return text(
      'Réécriture complète par gomme : niveau « Effacement » selon NIST SP 800-88.',
      'Full overwrite by gomme: Clear under NIST SP 800-88.',
    );
  }
  return text(
    'Réécriture complète par gomme : seulement « Effacement » sur mémoire flash (ou support inconnu), car le contrôleur garde des cellules de réserve que l’ordinateur ne peut pas atteindre.',
    'Full overwrite by gomme: only Clear on flash (or an unknown medium), because the controller keeps spare cells the host cannot reach.',
  );
}

function driveWarnings(drive: Drive): Text[] {
  const warnings: Text[] = [];
  const hidden = drive.capabilities.hiddenAreas;
  const dco = hidden?.dco?.realMaxSectors ?? null;
  const visible = hidden?.hpa?.currentMaxSectors ?? null;
  if (hidden?.hpa?.enabled === true || (dco !== null && visible !== null && dco > visible)) {
    warnings.push(
      text(
        'Zone cachée (HPA/DCO) présente : la réécriture et l’effacement sécurisé normal ne l’atteignent pas ; Sanitize et l’effacement amélioré oui.',
        'A hidden area (HPA/DCO) is present: overwrite and normal Security Erase do not reach it; Sanitize and Enhanced Security Erase do.',
      ),
    );
  }
  const tcg = drive.capabilities.tcg;
  if (tcg?.lockingEnabled === true && tcg.locked !== true) {
    warnings.push(
      text(
        'Disque chiffrant (TCG Opal) dont le verrouillage est activé par l’ancien propriétaire : un effacement cryptographique complet est possible avec le PSID de l’étiquette.',
        'Self-encrypting drive (TCG Opal) with locking activated by its former owner: a full cryptographic erase is possible with the PSID from its label.',
      ),
    );
  }
  const bridge = drive.capabilities.usbBridge;
  if (bridge && drive.transport === 'usb') {
    warnings.push(
      bridge.denied
        ? text(
            `Pont USB ${bridge.vendorId}:${bridge.productId} sur la liste d’exclusion (${bridge.denied.source}) : aucune commande du disque ne passe par lui.`,
            `USB bridge ${bridge.vendorId}:${bridge.productId} is on the deny list (${bridge.denied.source}): no drive command goes through it.`,
          )
        : bridge.passThrough === 'consistent'
          ? text(
              `Pont USB ${bridge.vendorId ?? '?'}:${bridge.productId ?? '?'} : le disque répond correctement à travers lui (identité lue deux fois, cohérente), ses commandes d’effacement sont utilisables.`,
              `USB bridge ${bridge.vendorId ?? '?'}:${bridge.productId ?? '?'}: the drive answers faithfully through it (identity read twice, consistent), so its erase commands can be used.`,
            )
          : text(
              `Pont USB ${bridge.vendorId ?? '?'}:${bridge.productId ?? '?'} : les commandes du disque n’y passent pas fidèlement (${bridge.detail}) ; réécriture seulement. Branchez le disque directement en SATA pour un Purge.`,
              `USB bridge ${bridge.vendorId ?? '?'}:${bridge.productId ?? '?'}: drive commands do not pass through it faithfully (${bridge.detail}); overwrite only. Connect the drive directly over SATA for a Purge.`,
            ),
    );
  }
  if (classOf(drive) === 'nvme') {
    warnings.push(
      text(
        'Un Sanitize NVMe efface tous les espaces de noms du contrôleur, pas seulement celui-ci.',
        'An NVMe Sanitize erases every namespace of the controller, not only this one.',
      ),
    );
  }
  return warnings;
}
