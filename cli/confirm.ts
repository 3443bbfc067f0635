import { createInterface } from 'node:readline/promises';
import type { Drive } from '../core/drive.js';
import { text } from '../core/i18n.js';
import type { CommandContext } from './io.js';
import { terminalSafe } from './output/terminal-text.js';

/** What the operator must type for a drive: the last 4 characters of its serial, else its device name. */
export function confirmationWord(drive: Drive): string {
  return drive.serial && drive.serial.length >= 4 ? drive.serial.slice(-4) : drive.path.replace('/dev/', '');
}

/** Asks on the terminal, drive by drive; any other answer cancels. */
export async function confirmOnTerminal(ctx: CommandContext, drives: readonly Drive[]): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (const drive of drives) {
      const word = confirmationWord(drive);
      const prompt = text(
        `Tout ce qui est sur ${drive.path} (${drive.model ?? '?'}, n° ${drive.serial ?? '?'}) sera détruit. Tapez « ${word} » pour confirmer : `,
        `Everything on ${drive.path} (${drive.model ?? '?'}, serial ${drive.serial ?? '?'}) will be destroyed. Type "${word}" to confirm: `,
      );
      const answer = (await rl.question(terminalSafe(prompt[ctx.lang]))).trim();
      if (answer !== word) return false;
    }
    return true;
  } finally {
    rl.close();
  }
}
