import { Text } from 'ink';
import type { Lang } from '../../../core/i18n.js';
import { W } from '../wording.js';

/** The focus marker is a ">" as well as inverse video: the console may show no colour at all. */
function marker(focused: boolean): string {
  return focused ? '> ' : '  ';
}

export function ButtonLine({ label, focused }: { label: string; focused: boolean }) {
  return (
    <Text>
      {marker(focused)}
      <Text inverse={focused} bold={focused}>{`[ ${label} ]`}</Text>
    </Text>
  );
}

export function FieldLine(props: { label: string; value: string; focused: boolean; width?: number }) {
  const width = props.width ?? 38;
  return (
    <Text>
      {marker(props.focused)}
      {`${props.label.padEnd(width)}: `}
      <Text inverse={props.focused}>{props.value + (props.focused ? '_' : '')}</Text>
    </Text>
  );
}

export function ToggleLine(props: {
  label: string;
  on: boolean;
  focused: boolean;
  lang: Lang;
  width?: number;
}) {
  const width = props.width ?? 38;
  const value = props.on ? W.yesWord[props.lang] : W.noWord[props.lang];
  return (
    <Text>
      {marker(props.focused)}
      {`${props.label.padEnd(width)}: `}
      <Text inverse={props.focused}>{`< ${value} >`}</Text>
      <Text color="gray">{props.focused ? W.toggleHint[props.lang] : ''}</Text>
    </Text>
  );
}
