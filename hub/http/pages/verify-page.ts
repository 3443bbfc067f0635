import type { Lang } from '../../../core/i18n.js';
import { text } from '../../../core/i18n.js';
import type { CertificateFacts } from '../../../session/hub/wire.js';
import type { DonorCheck } from '../../web/donor-check.js';
import { DONOR } from '../../web/words-donor.js';
import { donorCheckForm, donorCheckScript } from './donor-check-page.js';
import { esc } from './html.js';

const RESULT = {
  ERASED: text('Effacé', 'Erased'),
  ERASED_WITH_EXCEPTIONS: text('Effacé, avec réserves', 'Erased, with exceptions'),
  FAILED: text('Échec', 'Failed'),
  ABORTED: text('Interrompu', 'Aborted'),
} as const;

const W = {
  title: text('Vérification d’un certificat d’effacement', 'Erasure certificate check'),
  valid: text(
    'Ce certificat est authentique : il a été signé par un poste de l’organisation et n’a pas été modifié.',
    'This certificate is genuine: a station of the organisation signed it and it has not been changed.',
  ),
  revoked: text(
    'Attention : le poste qui a signé ce certificat avait été retiré (révoqué) avant son envoi. Ne vous fiez pas à ce certificat ; contactez l’organisation.',
    'Warning: the station that signed this certificate had been withdrawn (revoked) before it was sent. Do not rely on this certificate; contact the organisation.',
  ),
  result: text('Résultat', 'Result'),
  date: text('Date', 'Date'),
  organisation: text('Organisation', 'Organisation'),
  drive: text('Disque', 'Drive'),
  serial: text('n° de série se terminant par', 'serial number ending in'),
  method: text('Méthode', 'Method'),
  level: text('Niveau NIST SP 800-88', 'NIST SP 800-88 level'),
  machine: text('Ordinateur', 'Computer'),
  signature: text('Signature et chaîne de confiance', 'Signature and chain of trust'),
  checked: text('vérifiées à la réception par ce serveur', 'checked on arrival by this server'),
  fingerprint: text('Empreinte SHA-256 du rapport', 'SHA-256 of the record'),
  lot: text('Rapports du lot', 'Records in the lot'),
  matches: text('✓ Le code scanné correspond à ce rapport.', '✓ The scanned code matches this record.'),
  differs: text(
    '✗ Le code scanné ne correspond PAS à ce rapport : le papier a peut-être été modifié.',
    '✗ The scanned code does NOT match this record: the paper may have been altered.',
  ),
  trust: text(
    'Votre lecteur PDF peut dire « émetteur non approuvé » : c’est normal, la clé de l’organisation n’est pas dans sa liste. Cette page est l’endroit où la vérifier.',
    'Your PDF reader may say "issuer not trusted": that is normal, the organisation’s key is not in its list. This page is where to check it.',
  ),
  other: text('English version', 'Version française'),
  notFoundTitle: text('Certificat inconnu', 'Unknown certificate'),
  notFound: text(
    'Aucun certificat ne porte cet identifiant sur ce serveur. Vérifiez l’adresse, ou demandez à l’organisation si ses certificats sont publiés ici.',
    'No certificate has this ID on this server. Check the address, or ask the organisation whether its certificates are published here.',
  ),
};

// Built once: an Intl formatter costs more to create than the rest of the page to render.
const DATE = {
  fr: new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }),
};

const level = (l: string) => (l === 'purge' ? 'Purge' : l === 'clear' ? 'Clear' : l);

export interface VerifyExtras {
  /** The donor's share link was used: the lot certificate's PDF may be downloaded. */
  downloadUrl?: string | null;
  /** The result of a dropped PDF (the page re-rendered after a form upload). */
  check?: { check: DonorCheck } | { message: string } | null;
  /** The language switch's address (keeps the share token). */
  otherLangUrl?: string;
}

export function verifyPage(
  facts: CertificateFacts,
  lang: Lang,
  extras: VerifyExtras = {},
): { title: string; body: string; script: string } {
  const t = (w: { fr: string; en: string }) => esc(w[lang]);
  const result = RESULT[facts.result as keyof typeof RESULT]?.[lang] ?? facts.result;
  const verdictClass = facts.revoked ? 'bad' : facts.result === 'ERASED' ? 'ok' : 'warn';
  const date = DATE[lang].format(new Date(facts.completedAt));
  const rows: string[] = [
    row(t(W.result), esc(result)),
    row(t(W.date), esc(date)),
    row(t(W.organisation), esc(facts.organisation ?? '—')),
  ];
  if (facts.machine && facts.kind === 'machine')
    rows.push(
      row(t(W.machine), esc([facts.machine.vendor, facts.machine.model].filter(Boolean).join(' ') || '—')),
    );
  for (const d of facts.drives) {
    const serial = d.serialLast4 ? ` (${t(W.serial)} ${esc(d.serialLast4)})` : '';
    rows.push(row(`${t(W.drive)} ${d.index}`, `${esc(d.model ?? '—')}${serial}`));
    rows.push(row(t(W.method), esc(d.method)));
    rows.push(row(t(W.level), esc(level(d.nistLevel))));
    if (facts.drives.length > 1)
      rows.push(row(t(W.result), esc(RESULT[d.result as keyof typeof RESULT]?.[lang] ?? d.result)));
  }
  if (facts.lot) rows.push(row(t(W.lot), esc(facts.lot.records)));
  rows.push(row(t(W.signature), `${facts.signatureValid && facts.chainValid ? '✓' : '✗'} ${t(W.checked)}`));
  rows.push(row(t(W.fingerprint), `<code>${esc(facts.sha256)}</code>`));
  const other = lang === 'fr' ? 'en' : 'fr';
  const body = `<h1>${t(W.title)}</h1>
<p><code>${esc(facts.certificateId)}</code></p>
<div class="verdict ${verdictClass}">${facts.revoked ? t(W.revoked) : `${esc(result)} — ${t(W.valid)}`}</div>
<p id="match" hidden></p>
<dl>${rows.join('')}</dl>
${extras.downloadUrl ? `<p><a class="button" href="${esc(extras.downloadUrl)}" download>${esc(DONOR.download[lang])}</a></p>` : ''}
<p>${t(W.trust)}</p>
${donorCheckForm(facts.certificateId, lang, extras.check ?? null)}
<nav><a href="${esc(extras.otherLangUrl ?? `?lang=${other}`)}" hreflang="${other}">${t(W.other)}</a></nav>`;
  // The QR code carries #sha256=… : the fragment never reaches the server, the page compares it here.
  const script = `(function(){var m=/sha256=([0-9a-f]{64})/.exec(location.hash);if(!m)return;var p=document.getElementById('match');
p.hidden=false;var ok=m[1]===${JSON.stringify(facts.sha256)};p.textContent=ok?${JSON.stringify(W.matches[lang])}:${JSON.stringify(W.differs[lang])};
p.className=ok?'verdict ok':'verdict bad';})();${donorCheckScript(facts.certificateId, lang)}`;
  return { title: W.title[lang], body, script };
}

export function notFoundPage(certificateId: string, lang: Lang): { title: string; body: string } {
  return {
    title: W.notFoundTitle[lang],
    body: `<h1>${esc(W.notFoundTitle[lang])}</h1><p><code>${esc(certificateId.slice(0, 120))}</code></p>
<div class="verdict warn">${esc(W.notFound[lang])}</div>`,
  };
}

const row = (term: string, value: string) => `<dt>${term}</dt><dd>${value}</dd>`;
