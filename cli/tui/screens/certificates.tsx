import { basename } from 'node:path';
import { Box, Text } from 'ink';
import type { Lang } from '../../../core/i18n.js';
import { roomFor } from '../components/frame.js';
import { marker } from '../components/item-rows.js';
import { ItemList } from '../components/item-view.js';
import { type Row, ScrollList, TextLines } from '../components/scroll-list.js';
import { indented, wrap } from '../layout.js';
import type { IssuedFile } from '../services.js';
import { focusedItem, itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { colon, consoleSafe, W } from '../wording.js';
import { hubLines } from './hub-lines.js';

/** "Disque /dev/loop3 : GR-…-D1.pdf", "Ordinateur : GR-…-M.pdf": what each file is, in words. */
function fileRow(file: IssuedFile, lang: Lang, focused: boolean): Row {
  const what =
    file.kind === 'drive' ? `${W.certDrive[lang]} ${file.device ?? ''}`.trim() : W.certMachine[lang];
  const [first = '', ...rest] = wrap(`${what}${colon(lang)}${consoleSafe(basename(file.path))}`, 76, '    ');
  return {
    key: file.path,
    lines: [[{ text: `${marker(focused)}${first}` }], ...rest.map((t) => [{ text: `  ${t}` }])],
  };
}

export function CertificatesScreen({ state }: { state: GuideState }) {
  const { lang, certificates: c } = state;
  const items = itemsFor(state);
  const item = focusedItem(state);
  const top: string[] = [];
  if (c.status === 'unavailable') top.push(...wrap(W.certUnavailable[lang]), ...wrap(W.certJournal[lang]));
  if (c.status === 'working') top.push(W.certWorking[lang]);
  if (c.status === 'nothing') top.push(...wrap(W.certNothing[lang]));
  if (c.status === 'failed')
    top.push(...wrap(`${W.certFailed[lang]}${colon(lang)}${consoleSafe(c.error ?? '')}`));
  const issued = c.status === 'done' ? c.issued : null;
  const files = issued?.files ?? [];
  if (issued && files.length > 0) {
    top.push(
      ...wrap(`${W.certSaved[lang]}${colon(lang).trimEnd()}`),
      ...indented(consoleSafe(issued.savedIn), '  '),
      ...wrap(W.certPerDrive[lang]),
      ...wrap(W.certForMachine[lang]),
    );
  }
  const notice = issued?.notice ? wrap(consoleSafe(issued.notice[lang])) : [];
  const rows = files.map((f) => fileRow(f, lang, item?.kind === 'line' && item.id === f.path));
  const hub = hubLines(state);
  const hubRoom = hub.lines.length > 0 ? hub.lines.length + 1 : 0;
  const budget = roomFor(state) - top.length - 1 - notice.length - hubRoom - 1 - 1;
  return (
    <Box flexDirection="column">
      <TextLines lines={top} bold={c.status === 'done'} />
      <Text> </Text>
      <ScrollList rows={rows} focus={state.focus} budget={budget} lang={lang} glyphs={state.glyphs} />
      <TextLines lines={notice} color="yellow" />
      {hub.lines.length > 0 ? <Text> </Text> : null}
      <TextLines lines={hub.lines} {...(hub.warn ? { color: 'yellow', bold: true } : {})} />
      <Text> </Text>
      <ItemList state={state} items={items} kinds={['button']} />
    </Box>
  );
}
