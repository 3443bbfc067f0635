import { Box, Text } from 'ink';
import { formatSize } from '../../../core/format.js';
import type { Lang } from '../../../core/i18n.js';
import type { SecretPrompt } from '../../../session/secret-prompt.js';
import { marker } from '../components/item-rows.js';
import { TextLines } from '../components/scroll-list.js';
import { wrap } from '../layout.js';
import type { GuideState } from '../state/types.js';
import { consoleSafe } from '../wording.js';
import { driveIdentity } from './drive-rows.js';
import { SW, triesText } from './secret-words.js';

const LABEL = 18;

/** What was typed: a PSID as typed (it is printed on a label), a password as stars. */
function shown(prompt: SecretPrompt, value: string): string {
  return prompt.need.kind === 'psid' ? consoleSafe(value) : '*'.repeat(value.length);
}

function fieldLine(label: string, value: string, focused: boolean): string {
  return `${marker(focused)}${label.padEnd(LABEL)}: ${value}${focused ? '_' : ''}`;
}

/** The entry lines of the step the prompt is at (pure, so the test reads them as the screen draws them). */
export function entryLines(prompt: SecretPrompt, lang: Lang): string[] {
  if (prompt.step === 'spent') return wrap(SW.spent[lang]);
  const psid = prompt.need.kind === 'psid';
  const name = (psid ? SW.psid : SW.password)[lang];
  const lines: string[] = [];
  if (!psid) {
    const whose = (prompt.ataKind === 'ata-user' ? SW.user : SW.master)[lang];
    lines.push(`  ${SW.whose[lang].padEnd(LABEL)}: < ${whose} >`);
  }
  if (prompt.step === 'review') {
    lines.push(...wrap(SW.review[lang]), `    ${prompt.grouped ?? ''}`, ...wrap(SW.reviewOk[lang]));
    return lines;
  }
  lines.push(
    fieldLine(name, shown(prompt, prompt.first), prompt.step === 'first'),
    fieldLine(SW.again[lang], shown(prompt, prompt.second), prompt.step === 'second'),
  );
  return lines;
}

/** The PSID / password panel over the drive list: what is locked, where the secret is, the tries left. */
export function SecretScreen({ state }: { state: GuideState }) {
  const { lang, secret } = state;
  if (!secret) return null;
  const entry =
    state.drives.status === 'ready'
      ? state.drives.found.entries.find((e) => e.drive.path === secret.device)
      : undefined;
  const psid = secret.need.kind === 'psid';
  const title = (psid ? SW.titlePsid : SW.titlePassword)[lang].toUpperCase();
  const drive = entry
    ? `${secret.device}   ${formatSize(entry.drive.sizeBytes, lang)}   ${driveIdentity(entry.drive, lang)}`
    : secret.device;
  return (
    <Box flexDirection="column">
      <Text bold color="yellow">{`*** ${title} ***`}</Text>
      <TextLines lines={wrap(drive)} bold />
      <Text> </Text>
      <TextLines lines={wrap(consoleSafe((psid ? SW.whyPsid : SW.whyPassword)[lang]))} />
      <TextLines lines={wrap(consoleSafe((psid ? SW.wherePsid : SW.wherePassword)[lang]))} />
      <TextLines lines={wrap(consoleSafe(triesText(secret.need)[lang]))} color="yellow" />
      <Text> </Text>
      <TextLines lines={entryLines(secret, lang)} />
      {secret.error ? <TextLines lines={wrap(consoleSafe(secret.error[lang]))} color="red" bold /> : null}
      <Text> </Text>
      <TextLines lines={wrap(consoleSafe(SW.skip[lang]))} color="gray" />
    </Box>
  );
}
