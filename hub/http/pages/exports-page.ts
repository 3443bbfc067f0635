import type { Lang } from '../../../core/i18n.js';
import { EXPORTS } from '../../web/words-admin.js';
import { esc } from './html.js';

/** The export form: a GET, so an export is a link a coordinator can bookmark. */
export function exportsBody(lang: Lang, error: boolean): string {
  const t = (w: { fr: string; en: string }) => esc(w[lang]);
  const input = (id: string, label: string, type = 'text') =>
    `<label for="${id}">${label}</label><input id="${id}" name="${id}" type="${type}">`;
  const radio = (name: string, value: string, label: string, checked: boolean) =>
    `<label><span><input type="radio" name="${name}" value="${value}"${checked ? ' checked' : ''}> ${label}</span></label>`;
  return `<p class="note">${t(EXPORTS.hint)}</p>${error ? `<div class="verdict bad" role="alert">${t(EXPORTS.badDate)}</div>` : ''}
<form class="stack" method="get" action="/staff/exports/download">
${input('from', t(EXPORTS.from), 'date')}${input('to', t(EXPORTS.to), 'date')}${input('lot', t(EXPORTS.lot))}${input('donor', t(EXPORTS.donor))}
<fieldset><legend>${t(EXPORTS.kind)}</legend>${radio('kind', 'summary', t(EXPORTS.summary), true)}${radio('kind', 'machines', t(EXPORTS.machines), false)}${radio('kind', 'drives', t(EXPORTS.drives), false)}</fieldset>
<fieldset><legend>${t(EXPORTS.format)}</legend>${radio('format', 'csv', 'CSV', true)}${radio('format', 'json', 'JSON', false)}</fieldset>
<button class="main" type="submit">${t(EXPORTS.submit)}</button></form>`;
}
