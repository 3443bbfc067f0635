import { Box, Text } from 'ink';
import type { Lang } from '../../../../core/i18n.js';
import {
  exitProgress,
  idleSecondsLeft,
  type KeyTestState,
  stuckKeys,
  summariseKeyTest,
} from '../../../../diagnostics/interactive/keyboard/key-test.js';
import { keyLabel, type LayoutKey } from '../../../../diagnostics/interactive/keyboard/layouts.js';
import { asciiBar } from '../../components/bar.js';
import { HW, labelled } from './wording.js';

/** One key: "[A]" not yet pressed (grey when optional), " A " on green once seen (brackets gone: no colour needed). */
function KeyCell({ k, seen }: { k: LayoutKey; seen: boolean }) {
  const label = k.label.padEnd(k.width ?? k.label.length);
  if (seen) return <Text backgroundColor="green" color="black">{` ${label} `}</Text>;
  return <Text color={k.optional ? 'gray' : undefined}>{`[${label}]`}</Text>;
}

/** The layout drawn row by row, the count, and how to leave (with the hold bar while Esc is down). */
export function KeyboardView({
  state,
  lang,
  unreadable,
}: {
  state: KeyTestState;
  lang: Lang;
  unreadable?: string[];
}) {
  const summary = summariseKeyTest(state);
  const seen = new Set(state.seen);
  const hold = exitProgress(state);
  const idle = idleSecondsLeft(state);
  const stuck = stuckKeys(state);
  return (
    <Box flexDirection="column">
      {state.layout.rows.map((row) => (
        <Text key={row.map((k) => k.code).join('-')}>
          {row.map((k, i) => (
            <Text key={k.code}>
              {i > 0 ? ' ' : ''}
              <KeyCell k={k} seen={seen.has(k.code)} />
            </Text>
          ))}
        </Text>
      ))}
      <Text> </Text>
      <Text>
        <Text bold>{labelled(HW.keysSeen, `${summary.seenExpected} / ${summary.expected}`)[lang]}</Text>
        <Text color="gray">{`   (${HW.optional[lang]})`}</Text>
      </Text>
      {hold === null ? (
        <Text>{HW.toFinish[lang]}</Text>
      ) : hold < 1 ? (
        <Text color="cyan">{`${HW.holdEsc[lang]} ${asciiBar(hold, 20)}`}</Text>
      ) : (
        <Text color="cyan" bold>
          {HW.releaseEsc[lang]}
        </Text>
      )}
      {idle !== null ? <Text color="yellow">{`${HW.idleEnd[lang]} ${idle} ${HW.seconds[lang]}`}</Text> : null}
      {stuck.length > 0 ? (
        <Text color="yellow">{`${HW.stuck[lang]} ${stuck.map((c) => keyLabel(state.layout, c)).join(' ')}`}</Text>
      ) : null}
      {(unreadable ?? []).map((line) => (
        <Text key={line} color="red">
          {labelled(HW.unreadable, line)[lang].slice(0, 78)}
        </Text>
      ))}
    </Box>
  );
}
