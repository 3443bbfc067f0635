import { readFile } from 'node:fs/promises';
import { BadInputError } from '../core/errors.js';
import { parseBundle } from '../core/run/bundle.js';
import { realSystem, replaySystem, type System } from '../core/run/system.js';
import { fileErrorWords } from '../core/words/io-errors.js';

/** The composition root's choice of system: this machine, or a replayed bundle (reads nothing real). */
export async function openSystem(replay: string | undefined): Promise<System> {
  if (!replay) return realSystem();
  let json: string;
  try {
    json = await readFile(replay, 'utf8');
  } catch (error) {
    throw new BadInputError(replay, fileErrorWords(error), error);
  }
  return replaySystem(parseBundle(json, replay), replay);
}
