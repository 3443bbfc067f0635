import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { hintFor } from '../hints.js';
import { contentRows, noticeLines, wrap } from '../layout.js';
import type { GuideState } from '../state/types.js';
import { colon, consoleSafe, NOTICES, SCREEN_ORDER, SCREEN_TITLES, W } from '../wording.js';

const RULE = '-'.repeat(78);

/** The lines the frame adds under a screen: they decide how much room the screen's lists get. */
export function frameExtras(state: GuideState): { notice: string[]; warning: string[] } {
  const notice = noticeLines(
    W.warningWord[state.lang],
    state.notice ? NOTICES[state.notice][state.lang] : null,
  );
  const warning = state.warning ? wrap(consoleSafe(state.warning)) : [];
  return { notice, warning };
}

/** Title line, the screen's content, the notice (in words, not only in colour) and the key hints. */
export function Frame({ state, children }: { state: GuideState; children: ReactNode }) {
  const { screen, lang } = state;
  const index = SCREEN_ORDER.indexOf(screen) + 1;
  const { notice, warning } = frameExtras(state);
  return (
    <Box flexDirection="column" width={80}>
      <Text>
        <Text bold>gomme</Text>
        {`  ${W.step[lang]} ${index}/${SCREEN_ORDER.length}${colon(lang)}`}
        <Text bold color="cyan">
          {SCREEN_TITLES[screen][lang].toUpperCase()}
        </Text>
      </Text>
      <Text>{RULE}</Text>
      <Box flexDirection="column">{children}</Box>
      {notice.length > 0 ? (
        <Box marginTop={1} flexDirection="column">
          {notice.map((line) => (
            <Text key={line} color="yellow" bold>
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
      <Text>{RULE}</Text>
      {warning.map((line) => (
        <Text key={line} color="gray">
          {line}
        </Text>
      ))}
      <Text color="gray">{hintFor(state)}</Text>
    </Box>
  );
}

/** Lines the screen's content may take in the 25-row frame. */
export function roomFor(state: GuideState): number {
  const { notice, warning } = frameExtras(state);
  return contentRows(notice, warning);
}
