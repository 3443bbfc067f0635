import type { X509Certificate } from 'node:crypto';
import type { GommeConfig } from '../certificates/config.js';
import type { ErasureRecordInput } from '../certificates/record/input.js';
import type { Destination } from '../certificates/record/schema.js';
import { signerOrganisation } from '../certificates/signer.js';
import type { MachineIdentity } from '../core/detect/machine-identity.js';
import { type Lang, text } from '../core/i18n.js';

/** Everything a record says besides the drives: stored with the batch before the first byte is written. */
export interface SessionFacts {
  organisation: ErasureRecordInput['organisation'];
  operator: string;
  donor: string;
  lot: string;
  destination: Destination;
  machine: Omit<MachineIdentity, 'chassisType'>;
  /** What the front end learnt of the machine (the guide's diagnostics); absent in batches from before. */
  inventory?: MachineInventory | null;
  software: { name: string; version: string };
}

/** The record's `machine.inventory`: `notes` carries the diagnostics verdict in words. */
export interface MachineInventory {
  cpu: string | null;
  memoryBytes: number | null;
  notes: string | null;
}

/** What a front end may say about the session (flags, the guide's intake). Empty means "not given". */
export interface FactsRequest {
  operator?: string | undefined;
  donor?: string | undefined;
  lot?: string | undefined;
  /** The donor's asset tag typed at intake: it replaces the firmware's (DMI) one, which is often empty. */
  assetTag?: string | undefined;
  inventory?: MachineInventory | undefined;
  destination?: Destination | undefined;
}

export interface FactsSources {
  config: GommeConfig;
  /** The signing certificate, when a key is there: its organisation names the sanitizer if config.json does not. */
  signer: X509Certificate | null;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  machine: MachineIdentity;
  software: { name: string; version: string };
  now: Date;
}

export const DEFAULT_DESTINATION: Destination = 'reuse';

/** The one place where the defaults of a record's facts are decided, for every front end. */
export function resolveFacts(request: FactsRequest, sources: FactsSources): SessionFacts {
  const given = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  const { config, env, lang } = sources;
  const { chassisType: _chassis, ...machine } = sources.machine;
  return {
    organisation: {
      name:
        config.organisation.name ??
        (sources.signer ? signerOrganisation(sources.signer) : null) ??
        text('Organisation non renseignée', 'Organisation not set')[lang],
      identifier: config.organisation.identifier,
      address: config.organisation.address,
      contact: config.organisation.contact,
    },
    operator: given(request.operator) ?? env.GOMME_OPERATOR ?? env.SUDO_USER ?? env.USER ?? 'root',
    donor: given(request.donor) ?? text('Donateur non renseigné', 'Donor not set')[lang],
    lot: given(request.lot) ?? `LOT-${sources.now.toISOString().slice(0, 10)}`,
    destination: request.destination ?? DEFAULT_DESTINATION,
    machine: { ...machine, assetTag: given(request.assetTag) ?? machine.assetTag },
    ...(request.inventory ? { inventory: request.inventory } : {}),
    software: sources.software,
  };
}
