import type { Lang } from '../../../core/i18n.js';
import { LOGIN } from '../../web/words.js';
import { esc } from './html.js';

/** The sign-in form: labels tied to fields, the first field focused, a CSRF token of its own (double submit). */
export function loginBody(
  lang: Lang,
  options: { csrf: string; next: string; failed: boolean; name: string },
): string {
  const t = (w: { fr: string; en: string }) => esc(w[lang]);
  const error = options.failed ? `<div class="verdict bad" role="alert">${t(LOGIN.failed)}</div>` : '';
  return `${error}<form class="stack" method="post" action="/login">
<input type="hidden" name="_csrf" value="${esc(options.csrf)}"><input type="hidden" name="next" value="${esc(options.next)}">
<label for="name">${t(LOGIN.name)}</label><input id="name" name="name" autocomplete="username" required autofocus value="${esc(options.name)}">
<label for="password">${t(LOGIN.password)}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button class="main" type="submit">${t(LOGIN.submit)}</button></form>
<p class="note">${t(LOGIN.hint)}</p>`;
}
