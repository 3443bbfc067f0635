/**
 * Pure parser for `smartctl --json` (-j) output, smartmontools 6.7 to 7.5, for ATA, NVMe and SCSI devices.
 * Facts only, as smartctl reported them: this feeds drive discovery and SMART verdicts, so nothing is
 * inferred (a missing field is null, never a default).
 *
 * Key names moved over versions: SCSI identity is `vendor`/`product`/`revision`/`model_name` up to 7.3 and
 * `scsi_vendor`/`scsi_product`/`scsi_revision`/`scsi_model_name` from 7.4.
 */
import type { AtaSecurity } from '../../drive.js';
import {
  bit,
  bool,
  int,
  isRecord,
  type JsonRecord,
  list,
  parseJsonRecord,
  rec,
  text,
  uint,
} from '../json-access.js';
import { decodeSmartctlExit, type SmartctlExitStatus } from './exit-status.js';

export type SmartctlProtocol = 'ATA' | 'NVMe' | 'SCSI';

export interface SmartctlAtaAttribute {
  id: number;
  name: string | null;
  value: number | null;
  worst: number | null;
  thresh: number | null;
  /** Raw counter as smartctl decoded it (48-bit); some vendors pack several values into it. */
  raw: number | null;
  /** smartctl's rendering of the raw value, e.g. "31 (Min/Max 31/31)". */
  rawString: string | null;
  /** Attribute is at or below threshold 'now', or was in the 'past'; null when it never was. */
  whenFailed: 'now' | 'past' | null;
  /** Pre-failure (vs. old-age) attribute. */
  prefailure: boolean | null;
}

/** NVMe SMART / Health Information log page (02h). */
export interface SmartctlNvmeHealth {
  /** Bit 0 spare low, 1 temperature, 2 reliability degraded, 3 read-only, 4 volatile backup failed, 5 PMR. */
  criticalWarning: number | null;
  availableSpare: number | null;
  availableSpareThreshold: number | null;
  percentageUsed: number | null;
  mediaErrors: number | null;
  numErrLogEntries: number | null;
  unsafeShutdowns: number | null;
  /** In units of 1000 × 512 bytes, as the spec counts them. */
  dataUnitsWritten: number | null;
  dataUnitsRead: number | null;
  powerOnHours: number | null;
  powerCycles: number | null;
  temperatureC: number | null;
}

export interface SmartctlScsiInfo {
  /** Grown defect list length: sectors the drive remapped in the field. */
  grownDefects: number | null;
  /** Peripheral device type name ("disk", "CD/DVD"…). */
  peripheralType: string | null;
  transport: string | null;
  /** LU name from VPD page 83h, e.g. "0x5000c500…" (the SAS WWN). */
  logicalUnitId: string | null;
  uncorrectedReadErrors: number | null;
  uncorrectedWriteErrors: number | null;
  uncorrectedVerifyErrors: number | null;
  /** Protection (PI) type when formatted with protection information. */
  protectionType: number | null;
}

export interface SmartctlReport {
  /** The output was JSON describing a device (false for open failures, unknown bridges, scans, garbage). */
  ok: boolean;
  /** smartctl.messages[].string: why a device could not be read, warnings. */
  messages: string[];
  exitStatus: SmartctlExitStatus | null;
  smartctlVersion: string | null;
  devicePath: string | null;
  protocol: SmartctlProtocol | null;
  /** smartctl's -d type as it resolved it: "sat", "nvme", "scsi", "sat+megaraid,0", "usbjmicron"… */
  deviceType: string | null;
  model: string | null;
  modelFamily: string | null;
  vendor: string | null;
  product: string | null;
  serial: string | null;
  firmware: string | null;
  /** From the ATA/NVMe `wwn` object, as lsblk prints WWNs: "0x" + 16 hex digits. */
  wwn: string | null;
  capacityBytes: number | null;
  /** NVMe TNVMCAP (controller total), also present when the namespace capacity is not. */
  nvmeTotalCapacityBytes: number | null;
  logicalBlockSize: number | null;
  physicalBlockSize: number | null;
  /** RPM; 0 is how smartctl reports a non-rotating (solid state) device. */
  rotationRate: number | null;
  solidState: boolean | null;
  formFactor: string | null;
  smartAvailable: boolean | null;
  smartEnabled: boolean | null;
  /** Overall health self-assessment; null when smartctl gave none. */
  smartPassed: boolean | null;
  powerOnHours: number | null;
  powerCycles: number | null;
  temperatureC: number | null;
  ataSecurity: AtaSecurity | null;
  ataAttributes: SmartctlAtaAttribute[];
  /** ATA error log entry count (extended log preferred over the summary log). */
  ataErrorLogCount: number | null;
  /** ATA self-test log error count (`error_count_total`). */
  selfTestLogErrors: number | null;
  nvmeHealth: SmartctlNvmeHealth | null;
  scsi: SmartctlScsiInfo | null;
}

export function parseSmartctlJson(stdout: string): SmartctlReport {
  const root = parseJsonRecord(stdout);
  const protocol = toProtocol(text(root, 'device', 'protocol'));
  const rotationRate = uint(root, 'rotation_rate');
  const exitCode = int(root, 'smartctl', 'exit_status');
  return {
    ok: rec(root, 'device') !== null,
    messages: list(root, 'smartctl', 'messages')
      .map((m) => text(m, 'string'))
      .filter((m): m is string => m !== null),
    exitStatus: exitCode === null ? null : decodeSmartctlExit(exitCode),
    smartctlVersion: version(root),
    devicePath: text(root, 'device', 'name'),
    protocol,
    deviceType: text(root, 'device', 'type'),
    model: model(root),
    modelFamily: text(root, 'model_family'),
    vendor: text(root, 'vendor') ?? text(root, 'scsi_vendor'),
    product: text(root, 'product') ?? text(root, 'scsi_product'),
    serial: text(root, 'serial_number'),
    firmware: text(root, 'firmware_version') ?? text(root, 'revision') ?? text(root, 'scsi_revision'),
    wwn: wwn(rec(root, 'wwn')),
    capacityBytes: uint(root, 'user_capacity', 'bytes'),
    nvmeTotalCapacityBytes: uint(root, 'nvme_total_capacity'),
    logicalBlockSize: uint(root, 'logical_block_size'),
    physicalBlockSize: uint(root, 'physical_block_size'),
    rotationRate,
    solidState: rotationRate === null ? null : rotationRate === 0,
    formFactor: text(root, 'form_factor', 'name'),
    smartAvailable: bool(root, 'smart_support', 'available'),
    smartEnabled: bool(root, 'smart_support', 'enabled'),
    smartPassed: bool(root, 'smart_status', 'passed'),
    powerOnHours: uint(root, 'power_on_time', 'hours'),
    powerCycles: uint(root, 'power_cycle_count'),
    temperatureC: temperature(root, protocol),
    ataSecurity: ataSecurity(rec(root, 'ata_security')),
    ataAttributes: list(root, 'ata_smart_attributes', 'table').flatMap((entry) => {
      const attribute = ataAttribute(entry);
      return attribute ? [attribute] : [];
    }),
    ataErrorLogCount:
      uint(root, 'ata_smart_error_log', 'extended', 'count') ??
      uint(root, 'ata_smart_error_log', 'summary', 'count'),
    selfTestLogErrors:
      uint(root, 'ata_smart_self_test_log', 'extended', 'error_count_total') ??
      uint(root, 'ata_smart_self_test_log', 'standard', 'error_count_total'),
    nvmeHealth: nvmeHealth(rec(root, 'nvme_smart_health_information_log')),
    scsi: protocol === 'SCSI' ? scsiInfo(root) : null,
  };
}

function toProtocol(value: string | null): SmartctlProtocol | null {
  return value === 'ATA' || value === 'NVMe' || value === 'SCSI' ? value : null;
}

function version(root: JsonRecord | null): string | null {
  const major = uint(root, 'smartctl', 'version', 0);
  const minor = uint(root, 'smartctl', 'version', 1);
  return major === null || minor === null ? null : `${major}.${minor}`;
}

/** model_name (ATA, NVMe, SCSI ≤ 7.3), scsi_model_name (7.4), else vendor + product as smartctl joins them. */
function model(root: JsonRecord | null): string | null {
  const direct = text(root, 'model_name') ?? text(root, 'scsi_model_name');
  if (direct) return direct;
  const parts = [
    text(root, 'vendor') ?? text(root, 'scsi_vendor'),
    text(root, 'product') ?? text(root, 'scsi_product'),
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** NAA (4 bits), OUI (24 bits), vendor id (36 bits): the 64-bit WWN smartctl prints as "5 000c50 0a495c63d". */
function wwn(raw: JsonRecord | null): string | null {
  const naa = uint(raw, 'naa');
  const oui = uint(raw, 'oui');
  const id = uint(raw, 'id');
  if (naa === null || oui === null || id === null) return null;
  if (naa > 0xf || oui > 0xffffff || id > 0xfffffffff) return null;
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  return `0x${hex(naa, 1)}${hex(oui, 6)}${hex(id, 9)}`;
}

function temperature(root: JsonRecord | null, protocol: SmartctlProtocol | null): number | null {
  const current = int(root, 'temperature', 'current');
  // SCSI devices without a temperature log page (optical drives, RAID volumes) come out as 0 °C with a
  // 0 °C trip point: that is "not reported", not a reading.
  if (protocol === 'SCSI' && current === 0 && int(root, 'temperature', 'drive_trip') === 0) return null;
  return current;
}

/**
 * `ata_security.state` is IDENTIFY word 128: bit 0 supported, 1 enabled, 2 locked, 3 frozen, 4 count expired,
 * 5 enhanced erase supported, 8 level maximum. Decoded from the word itself because smartctl's own booleans
 * are partial (no `locked` unless enabled) and old versions tested bit 5 for the level.
 */
function ataSecurity(raw: JsonRecord | null): AtaSecurity | null {
  if (!raw) return null;
  const state = uint(raw, 'state');
  const masterPasswordRevision = uint(raw, 'master_password_id');
  const unknownTimes = { eraseEstimate: null, enhancedEraseEstimate: null, masterPasswordRevision };
  if (state === null || state > 0xffff) {
    const enabled = bool(raw, 'enabled');
    const levelMax = bool(raw, 'pw_level_max');
    return {
      supported: null,
      enabled,
      locked: bool(raw, 'locked'),
      frozen: bool(raw, 'frozen'),
      countExpired: bool(raw, 'pw_attempts_exceeded'),
      enhancedEraseSupported: null,
      level: enabled && levelMax !== null ? (levelMax ? 'maximum' : 'high') : null,
      ...unknownTimes,
    };
  }
  if (!bit(state, 0)) {
    // Feature set not supported: the other bits of the word are undefined.
    return {
      supported: false,
      enabled: null,
      locked: null,
      frozen: null,
      countExpired: null,
      enhancedEraseSupported: null,
      level: null,
      ...unknownTimes,
    };
  }
  const enabled = bit(state, 1);
  return {
    supported: true,
    enabled,
    locked: bit(state, 2),
    frozen: bit(state, 3),
    countExpired: bit(state, 4),
    enhancedEraseSupported: bit(state, 5),
    level: enabled ? (bit(state, 8) ? 'maximum' : 'high') : null,
    ...unknownTimes,
  };
}

function ataAttribute(entry: unknown): SmartctlAtaAttribute | null {
  if (!isRecord(entry)) return null;
  const id = uint(entry, 'id');
  if (id === null) return null;
  const whenFailed = text(entry, 'when_failed');
  return {
    id,
    name: text(entry, 'name'),
    value: uint(entry, 'value'),
    worst: uint(entry, 'worst'),
    thresh: uint(entry, 'thresh'),
    raw: uint(entry, 'raw', 'value'),
    rawString: text(entry, 'raw', 'string'),
    whenFailed: whenFailed === 'now' || whenFailed === 'past' ? whenFailed : null,
    prefailure: bool(entry, 'flags', 'prefailure'),
  };
}

function nvmeHealth(log: JsonRecord | null): SmartctlNvmeHealth | null {
  if (!log) return null;
  return {
    criticalWarning: uint(log, 'critical_warning'),
    availableSpare: uint(log, 'available_spare'),
    availableSpareThreshold: uint(log, 'available_spare_threshold'),
    percentageUsed: uint(log, 'percentage_used'),
    mediaErrors: uint(log, 'media_errors'),
    numErrLogEntries: uint(log, 'num_err_log_entries'),
    unsafeShutdowns: uint(log, 'unsafe_shutdowns'),
    dataUnitsWritten: uint(log, 'data_units_written'),
    dataUnitsRead: uint(log, 'data_units_read'),
    powerOnHours: uint(log, 'power_on_hours'),
    powerCycles: uint(log, 'power_cycles'),
    temperatureC: int(log, 'temperature'),
  };
}

function scsiInfo(root: JsonRecord | null): SmartctlScsiInfo {
  const uncorrected = (direction: string) =>
    uint(root, 'scsi_error_counter_log', direction, 'total_uncorrected_errors');
  return {
    grownDefects: uint(root, 'scsi_grown_defect_list'),
    peripheralType: text(root, 'device_type', 'name'),
    transport: text(root, 'scsi_transport_protocol', 'name'),
    logicalUnitId: text(root, 'logical_unit_id'),
    uncorrectedReadErrors: uncorrected('read'),
    uncorrectedWriteErrors: uncorrected('write'),
    uncorrectedVerifyErrors: uncorrected('verify'),
    protectionType: uint(root, 'scsi_protection_type'),
  };
}
