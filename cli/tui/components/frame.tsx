import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Lang } from '../../../core/i18n.js';
import type { Notice, Screen } from '../state/types.js';
import { consoleSafe, NOTICES, SCREEN_ORDER, SCREEN_TITLES, W } from '../wording.js';

function clip(s: string): string {
  return s.length > 78 ? `${s.slice(0, 75)}...` : s;
}

const RULE = '-'.repeat(78);

/** Title line, the screen's content, the notice (in words, not only in colour) and the key hints. */
export function Frame(props: {
  screen: Screen;
  lang: Lang;
  notice: Notice | null;
  warning?: string | null;
  hint?: string;
  children: ReactNode;
}) {
  const { screen, lang } = props;
  const index = SCREEN_ORDER.indexOf(screen) + 1;
  return (
    <Box flexDirection="column" width={80}>
      <Text>
        <Text bold>gomme</Text>
        {`  ${W.step[lang]} ${index}/${SCREEN_ORDER.length} : `}
        <Text bold color="cyan">
          {SCREEN_TITLES[screen][lang].toUpperCase()}
        </Text>
      </Text>
      <Text>{RULE}</Text>
      <Box flexDirection="column">{props.children}</Box>
      {props.notice ? (
        <Box marginTop={1}>
          <Text color="yellow" bold>
            {`${W.attention[lang]} : ${NOTICES[props.notice][lang]}`}
          </Text>
        </Box>
      ) : null}
      <Text>{RULE}</Text>
      {props.warning ? <Text color="gray">{clip(consoleSafe(props.warning))}</Text> : null}
      <Text color="gray">{props.hint ?? W.keys[lang]}</Text>
    </Box>
  );
}
