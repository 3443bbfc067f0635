import { Text } from 'ink';

/** `[#########---------]`: ASCII only, so it draws on any console font. */
export function asciiBar(fraction: number, width: number): string {
  const clamped = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const filled = Math.round(clamped * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

export function Bar({ fraction, width = 30 }: { fraction: number; width?: number }) {
  return <Text color="cyan">{asciiBar(fraction, width)}</Text>;
}
