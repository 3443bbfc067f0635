/**
 * Records written the way gomme writes them (session/record-input.ts): English data in every technical field
 * (method label, IEEE 2883 technique, pass labels, verification detail, error messages, interruption reasons),
 * which the certificates must turn into the reader's words. The identity data (names, places) holds no word
 * of either check list, so what a scan finds comes from gomme's own wording.
 */
import type { DriveErasureInput, ErasureRecordInput } from '../../../certificates/record/input.js';

export function overwriteDrive(overrides: Partial<DriveErasureInput> = {}): DriveErasureInput {
  return {
    device: '/dev/sda',
    manufacturer: 'Seagate',
    model: 'ST500DM002-1BD142',
    serial: 'Z3TABC12',
    wwn: '0x5000c5006d1a2b3c',
    firmware: 'KC45',
    mediaType: 'hdd',
    interface: 'sata',
    sizeBytes: 500_107_862_016,
    assetTag: 'AN-0412-HDD',
    hiddenAreas: {
      hpa: { found: false, handling: 'none-found', sectors: null },
      dco: { found: null, handling: 'not-checked', sectors: null },
    },
    sanitization: {
      nistLevel: 'clear',
      method: 'nist-clear',
      methodLabel: 'NIST 800-88 Clear (1 random pass)',
      ieee2883Technique: 'Overwrite',
      passes: [{ pattern: 'AES-128-CTR random stream', verified: true }],
      tool: { name: 'gomme', version: '0.1.0' },
      commands: ['gomme erase /dev/sda --method nist-clear --verify sample'],
      reliesOnFirmware: false,
    },
    verification: {
      method: 'sampling',
      coveragePercent: 10.1,
      passed: true,
      detail: 'sample: 50524180480 bytes read back, 0 differing',
    },
    startedAt: '2026-12-07T01:34:00.000Z',
    finishedAt: '2026-12-07T02:58:41.000Z',
    bytesWritten: 500_107_862_016,
    interruptions: [
      {
        at: '2026-12-07T02:00:00.000Z',
        reason: 'process-died',
        resumedAt: '2026-12-07T02:03:00.000Z',
        resumeOffsetBytes: 123_456_789_504,
      },
    ],
    smart: {
      health: 'passed',
      powerOnHours: 18234,
      reallocatedSectors: 0,
      pendingSectors: 0,
      mediaErrors: null,
      percentageUsed: null,
    },
    destination: 'reuse',
    ...overrides,
  };
}

export function purgeDrive(overrides: Partial<DriveErasureInput> = {}): DriveErasureInput {
  return {
    device: '/dev/nvme0n1',
    manufacturer: 'Samsung',
    model: 'MZVLB256HBHQ-000L7',
    serial: 'S4ELNX0N123456',
    wwn: 'eui.0025388b91b2c3d4',
    mediaType: 'ssd',
    interface: 'nvme',
    sizeBytes: 256_060_514_304,
    hiddenAreas: {
      hpa: { found: null, handling: 'not-checked', sectors: null },
      dco: { found: null, handling: 'not-checked', sectors: null },
    },
    sanitization: {
      nistLevel: 'purge',
      method: 'nvme-sanitize-crypto',
      methodLabel: 'Sanitize Crypto Erase',
      ieee2883Technique: 'Sanitize Crypto Erase',
      passes: [{ pattern: 'device: Sanitize Crypto Erase', verified: true }],
      tool: { name: 'nvme-cli (via gomme 0.1.0)', version: '2.4' },
      commands: ['nvme sanitize /dev/nvme0 --sanact=4'],
      reliesOnFirmware: true,
    },
    verification: {
      method: 'crypto-compare',
      coveragePercent: 10,
      passed: false,
      detail: 'sample: 25606051430 bytes read back, 3 differing',
    },
    startedAt: '2026-12-07T03:00:00.000Z',
    finishedAt: '2026-12-07T03:01:05.000Z',
    bytesWritten: 0,
    errors: [
      { kind: 'read', offsetBytes: 4096, lengthBytes: 512, message: 'EIO: i/o error, read' },
      { kind: 'verify', offsetBytes: 1_048_576, lengthBytes: 4096, message: 'MISMATCH: data differs' },
    ],
    smart: {
      health: 'passed',
      powerOnHours: 2210,
      reallocatedSectors: null,
      pendingSectors: null,
      mediaErrors: 0,
      percentageUsed: 3,
    },
    destination: 'donation',
    ...overrides,
  };
}

export function wordsRecordInput(overrides: Partial<ErasureRecordInput> = {}): ErasureRecordInput {
  return {
    organisation: {
      name: 'Atelier Nord',
      identifier: 'SIRET 123 456 789 00012',
      address: '12 rue Nationale, Lille',
    },
    operator: { name: 'Camille Martin', role: null, contact: null },
    verifier: null,
    location: 'Lille',
    donor: { name: 'Ville de Lille', reference: 'CONV-2026-07' },
    lot: { id: 'LOT-2026-031', receivedAt: '2026-12-01T09:00:00.000Z' },
    machine: {
      vendor: 'Dell Inc.',
      model: 'OptiPlex 7050',
      serial: '5XK9ZL2',
      uuid: '4c4c4544-0058-4b10-8039-b5c04f5a4c32',
      assetTag: 'AN-PC-0412',
      inventory: { cpu: 'Intel Core i5-7500 @ 3.40GHz', memoryBytes: 8 * 1024 ** 3, notes: null },
    },
    drives: [overwriteDrive(), purgeDrive()],
    software: { name: 'gomme', version: '0.1.0' },
    ...overrides,
  };
}
