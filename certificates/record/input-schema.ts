import * as v from 'valibot';
import { bool, check, isoDate, list, nonEmpty, obj, oneOf, str } from '../../core/schema.js';
import { RecordInvalidError } from '../errors.js';
import type { ErasureRecordInput } from './input.js';
import {
  DESTINATIONS,
  DRIVE_RESULTS,
  DriveErasureSchema,
  ErasureErrorSchema,
  InterruptionSchema,
  MachineSchema,
  PersonSchema,
  SmartSummarySchema,
} from './schema.js';

/**
 * What `gomme cert issue INPUT.json` accepts: the record's own schemas, less what the builder derives, with
 * the optional facts optional (see input.ts). Checked before building, so a wrong file is a typed error.
 */
const ns = v.nullable(str);

const DriveInputSchema = obj({
  ...v.omit(DriveErasureSchema, [
    'index',
    'durationSeconds',
    'result',
    'errors',
    'interruptions',
    'smart',
    'wwn',
    'firmware',
    'assetTag',
    'destination',
    'destinationDetail',
    'notes',
  ]).entries,
  wwn: v.optional(ns),
  firmware: v.optional(ns),
  assetTag: v.optional(ns),
  errors: v.optional(list(ErasureErrorSchema)),
  interruptions: v.optional(list(InterruptionSchema)),
  smart: v.optional(v.nullable(SmartSummarySchema)),
  result: v.optional(oneOf(DRIVE_RESULTS)),
  aborted: v.optional(bool),
  destination: v.optional(oneOf(DESTINATIONS)),
  destinationDetail: v.optional(ns),
  notes: v.optional(ns),
});

export const ErasureRecordInputSchema = obj({
  recordId: v.optional(nonEmpty),
  organisation: obj({
    name: nonEmpty,
    identifier: v.optional(ns),
    address: v.optional(ns),
    contact: v.optional(ns),
  }),
  operator: PersonSchema,
  verifier: v.optional(v.nullable(PersonSchema)),
  location: v.optional(ns),
  donor: obj({ name: nonEmpty, reference: v.optional(ns) }),
  lot: obj({ id: nonEmpty, receivedAt: v.optional(v.nullable(isoDate)) }),
  machine: MachineSchema,
  drives: list(DriveInputSchema),
  software: obj({ name: nonEmpty, version: nonEmpty }),
});

/** The schema's type must stay assignable to the builder's input type (checked at compile time). */
const _assignable = (value: v.InferOutput<typeof ErasureRecordInputSchema>): ErasureRecordInput => value;
void _assignable;

export function parseRecordInput(value: unknown): ErasureRecordInput {
  const result = check(ErasureRecordInputSchema, value, 'input');
  if (!result.ok) throw new RecordInvalidError(result.issues);
  return result.value;
}
