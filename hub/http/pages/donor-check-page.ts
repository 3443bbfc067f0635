import type { Lang } from '../../../core/i18n.js';
import type { DonorCheck } from '../../web/donor-check.js';
import { DONOR } from '../../web/words-donor.js';
import { esc } from './html.js';

export const verdictClass = (check: DonorCheck): string =>
  check.verdict === 'identical' || check.verdict === 'signed-copy' ? 'ok' : 'bad';

/** Said of the donor's file, not of the hub's record shown above it. */
export function verdictText(check: DonorCheck, lang: Lang): string {
  return `${DONOR.yourFile[lang]} ${DONOR.verdict[check.verdict][lang]}`;
}

/**
 * The donor's drop check: a plain form upload (works without JavaScript), enhanced by the script below into a
 * drop zone that sends the file with fetch and shows the verdict in place.
 */
export function donorCheckForm(
  certificateId: string,
  lang: Lang,
  result: { check: DonorCheck } | { message: string } | null,
): string {
  const t = (w: { fr: string; en: string }) => esc(w[lang]);
  const shown =
    result === null
      ? ''
      : 'check' in result
        ? `<div class="verdict ${verdictClass(result.check)}">${esc(verdictText(result.check, lang))}</div>`
        : `<div class="verdict warn">${esc(result.message)}</div>`;
  return `<section aria-labelledby="drop-title"><h2 id="drop-title">${t(DONOR.dropTitle)}</h2>
<form class="drop" id="drop" method="post" enctype="multipart/form-data" action="/v/${encodeURIComponent(certificateId)}/check?lang=${lang}">
<p>${t(DONOR.dropHint)}</p><label for="pdf">${t(DONOR.choose)}</label>
<input id="pdf" name="pdf" type="file" accept="application/pdf,.pdf" required>
<p><button class="main" type="submit">${t(DONOR.submit)}</button></p></form>
<div id="check-result" role="status" aria-live="polite">${shown}</div></section>`;
}

/** The enhancement: drag-and-drop onto the form, the file sent as application/pdf, the verdict read back. */
export function donorCheckScript(certificateId: string, lang: Lang): string {
  const url = JSON.stringify(`/v/${encodeURIComponent(certificateId)}/check?lang=${lang}`);
  return `(function(){var f=document.getElementById('drop'),i=document.getElementById('pdf'),o=document.getElementById('check-result');
if(!f||!window.fetch)return;function show(c,m){o.innerHTML='';var d=document.createElement('div');d.className='verdict '+c;d.textContent=m;o.appendChild(d);}
function send(file){if(!file){show('warn',${JSON.stringify(DONOR.noFile[lang])});return;}show('warn',${JSON.stringify(DONOR.checking[lang])});
fetch(${url},{method:'POST',headers:{'content-type':'application/pdf','accept':'application/json'},body:file}).then(function(r){return r.json();})
.then(function(j){show(j.ok?'ok':'bad',j.message);}).catch(function(){f.submit();});}
['dragenter','dragover'].forEach(function(e){f.addEventListener(e,function(ev){ev.preventDefault();f.classList.add('over');});});
['dragleave','drop'].forEach(function(e){f.addEventListener(e,function(ev){ev.preventDefault();f.classList.remove('over');});});
f.addEventListener('drop',function(ev){var fl=ev.dataTransfer&&ev.dataTransfer.files;send(fl&&fl[0]);});
f.addEventListener('submit',function(ev){ev.preventDefault();send(i.files&&i.files[0]);});})();`;
}
