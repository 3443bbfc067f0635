import { Box, Text } from 'ink';
import { ItemList } from '../components/item-view.js';
import { itemsFor } from '../state/items.js';
import type { GuideState } from '../state/types.js';
import { consoleSafe, W } from '../wording.js';

export function CertificatesScreen({ state }: { state: GuideState }) {
  const { lang, certificates: c } = state;
  return (
    <Box flexDirection="column">
      {c.status === 'unavailable' ? (
        <Box flexDirection="column">
          <Text>{W.certUnavailable[lang]}</Text>
          <Text>{W.certJournal[lang]}</Text>
        </Box>
      ) : null}
      {c.status === 'working' ? <Text>{W.certWorking[lang]}</Text> : null}
      {c.status === 'nothing' ? <Text>{W.certNothing[lang]}</Text> : null}
      {c.status === 'failed' ? (
        <Text color="red">{`${W.certFailed[lang]} : ${consoleSafe(c.error ?? '')}`}</Text>
      ) : null}
      {c.status === 'done' && c.issued ? (
        <Box flexDirection="column">
          <Text bold>{`${W.certSaved[lang]} : ${consoleSafe(c.issued.savedIn)}`}</Text>
          {c.issued.files.slice(0, 4).map((f) => (
            <Text key={f}>{`  - ${consoleSafe(f)}`}</Text>
          ))}
          {c.issued.qr ? (
            <Box flexDirection="column">
              <Text>{W.certQr[lang]}</Text>
              {c.issued.qr.slice(0, 12).map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed picture never reorder
                <Text key={i}>{row}</Text>
              ))}
            </Box>
          ) : null}
        </Box>
      ) : null}
      <Text> </Text>
      <ItemList state={state} items={itemsFor(state)} kinds={['button']} />
    </Box>
  );
}
