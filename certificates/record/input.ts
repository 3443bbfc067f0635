import type {
  Destination,
  DriveErasure,
  DriveResult,
  ErasureError,
  ErasureRecord,
  Interruption,
  Machine,
  Person,
  SmartSummary,
} from './schema.js';

/**
 * What the erasure engine hands to `buildErasureRecord` for one drive. Everything the builder can derive
 * (index, duration, result when omitted) is left out; optional lists default to empty, optional facts to null.
 */
export type DriveErasureInput = Omit<
  DriveErasure,
  | 'index'
  | 'durationSeconds'
  | 'result'
  | 'errors'
  | 'interruptions'
  | 'smart'
  | 'wwn'
  | 'firmware'
  | 'assetTag'
  | 'destination'
  | 'destinationDetail'
  | 'notes'
> & {
  wwn?: string | null;
  firmware?: string | null;
  assetTag?: string | null;
  errors?: ErasureError[];
  interruptions?: Interruption[];
  smart?: SmartSummary | null;
  /** The engine's verdict. When omitted it is derived; an ERASED verdict with recorded errors is refused. */
  result?: DriveResult;
  /** The operator stopped the job before it finished. */
  aborted?: boolean;
  destination?: Destination;
  destinationDetail?: string | null;
  notes?: string | null;
};

export interface ErasureRecordInput {
  /** Normally derived from the content; set it only to re-import a record made elsewhere. */
  recordId?: string;
  organisation: {
    name: string;
    identifier?: string | null;
    address?: string | null;
    contact?: string | null;
  };
  operator: Person;
  verifier?: Person | null;
  location?: string | null;
  donor: { name: string; reference?: string | null };
  lot: { id: string; receivedAt?: string | null };
  machine: Machine;
  drives: DriveErasureInput[];
  software: ErasureRecord['software'];
}
