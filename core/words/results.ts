/**
 * The four results of an erasure, one word each in each language, used by every output: the CLI, the guide,
 * the certificates, `gomme history`. The ids are the record's and the JSON's (README "gomme erase --json").
 */
import type { EraseResult } from '../events.js';
import { type Text, text } from '../i18n.js';

export const RESULT_WORDS: Record<EraseResult, Text> = {
  ERASED: text('EFFACÉ', 'ERASED'),
  ERASED_WITH_EXCEPTIONS: text('EFFACÉ AVEC RÉSERVES', 'ERASED WITH EXCEPTIONS'),
  FAILED: text('ÉCHEC', 'FAILED'),
  ABORTED: text('INTERROMPU', 'ABORTED'),
};

/** What each result means, in one sentence a trainee can read. */
export const RESULT_MEANINGS: Record<EraseResult, Text> = {
  ERASED: text('tout le disque a été effacé et vérifié', 'the whole drive was erased and verified'),
  ERASED_WITH_EXCEPTIONS: text(
    'effacé, avec une réserve écrite sur le certificat (zone cachée laissée, interruption)',
    'erased, with a reservation written on the certificate (hidden area left, interruption)',
  ),
  FAILED: text(
    'l’effacement ou sa vérification a échoué : le disque n’est pas sûr',
    'the erasure or its verification failed: the drive is not safe',
  ),
  ABORTED: text(
    'arrêté avant la fin : reprise possible avec gomme erase --resume',
    'stopped before the end: resume with gomme erase --resume',
  ),
};
