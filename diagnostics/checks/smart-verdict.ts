/**
 * The SMART verdict of one drive from its smartctl report (parseSmartctlJson), with thresholds from
 * published failure data (rules-v1). Pure: no process runs here.
 */
import { int, list, parseJsonRecord, text } from '../../core/tools/json-access.js';
import type { SmartctlReport } from '../../core/tools/smartctl/parse-smartctl.js';
import { rulesV1 } from '../grading/rules-v1.js';
import { type Reason, reason, type TestStatus } from '../types.js';

export interface SmartVerdict {
  status: TestStatus;
  reasons: Reason[];
  /** SSD/NVMe endurance used in %, when the drive reports it. */
  enduranceUsedPercent: number | null;
}

const R = rulesV1.smart;

export function smartVerdict(
  report: SmartctlReport,
  ataEnduranceDevstat: number | null = null,
): SmartVerdict {
  const reasons: Reason[] = [];
  if (!report.ok || report.exitStatus?.deviceOpenFailed || report.exitStatus?.commandLineError) {
    const why = report.messages.join('; ') || 'no device data';
    return {
      status: 'skipped',
      reasons: [reason('smart-unreadable', 'info', `SMART illisible : ${why}`, `SMART unreadable: ${why}`)],
      enduranceUsedPercent: null,
    };
  }
  const noData =
    report.smartPassed === null &&
    report.ataAttributes.length === 0 &&
    report.nvmeHealth === null &&
    (report.scsi?.grownDefects ?? null) === null;
  if (noData) {
    return {
      status: 'skipped',
      reasons: [
        reason(
          'smart-no-data',
          'info',
          'Le disque ne donne aucune donnée SMART.',
          'The drive gives no SMART data.',
        ),
      ],
      enduranceUsedPercent: null,
    };
  }
  if (report.smartPassed === false || report.exitStatus?.diskFailing) {
    reasons.push(
      reason(
        'smart-failed',
        'fail',
        'Le disque se déclare défaillant (SMART FAILED).',
        'The drive reports itself failing (SMART FAILED).',
      ),
    );
  }
  if (report.exitStatus?.prefailBelowThreshold) {
    reasons.push(
      reason(
        'smart-prefail-now',
        'fail',
        'Un attribut de pré-panne est sous son seuil.',
        'A pre-failure attribute is below its threshold now.',
      ),
    );
  }
  const attr = (id: number) => report.ataAttributes.find((a) => a.id === id) ?? null;
  const raw = (id: number) => attr(id)?.raw ?? null;
  ataChecks(raw, reasons);
  const endurance = enduranceUsed(report, ataEnduranceDevstat);
  if (endurance !== null) enduranceChecks(endurance, reasons);
  const nvme = report.nvmeHealth;
  if (nvme) nvmeChecks(nvme, reasons);
  const grown = report.scsi?.grownDefects ?? null;
  if (grown !== null && grown > R.grownDefectsFailAbove.value) {
    reasons.push(
      reason(
        'scsi-grown-defects',
        'fail',
        `${grown} défauts acquis (liste grown defects).`,
        `${grown} grown defects.`,
      ),
    );
  }
  const uncorrected = [
    report.scsi?.uncorrectedReadErrors,
    report.scsi?.uncorrectedWriteErrors,
    report.scsi?.uncorrectedVerifyErrors,
  ]
    .filter((n): n is number => typeof n === 'number')
    .reduce((a, b) => a + b, 0);
  if (uncorrected > 0) {
    reasons.push(
      reason(
        'scsi-uncorrected-errors',
        'fail',
        `${uncorrected} erreurs non corrigées.`,
        `${uncorrected} uncorrected errors.`,
      ),
    );
  }
  if ((report.selfTestLogErrors ?? 0) > 0 || report.exitStatus?.selfTestLogHasErrors) {
    reasons.push(
      reason(
        'self-test-log-errors',
        'fail',
        "Le journal d'autotests contient des échecs.",
        'The self-test log records failed tests.',
      ),
    );
  }
  if (report.exitStatus?.errorLogHasEntries) {
    const n = report.ataErrorLogCount;
    reasons.push(
      reason(
        'error-log-entries',
        'reserve',
        `Le journal d'erreurs du disque contient ${n ?? 'des'} entrées.`,
        `The drive's error log has ${n ?? 'some'} entries.`,
      ),
    );
  }
  if (report.exitStatus?.attributeBelowThresholdInPast) {
    reasons.push(
      reason(
        'smart-attribute-past',
        'reserve',
        'Un attribut a été sous son seuil par le passé.',
        'An attribute was below its threshold in the past.',
      ),
    );
  }
  const poh = report.powerOnHours;
  if (
    report.rotationRate !== null &&
    report.rotationRate > 0 &&
    poh !== null &&
    poh > R.hddPowerOnHoursWarnAbove.value
  ) {
    reasons.push(
      reason(
        'hdd-power-on-hours',
        'reserve',
        `${poh} heures de fonctionnement (plus de 5 ans 24/24).`,
        `${poh} power-on hours (over 5 years 24/7).`,
      ),
    );
  }
  const status: TestStatus = reasons.some((r) => r.severity === 'fail')
    ? 'fail'
    : reasons.some((r) => r.severity !== 'info')
      ? 'warn'
      : 'pass';
  return { status, reasons, enduranceUsedPercent: endurance };
}

function ataChecks(raw: (id: number) => number | null, reasons: Reason[]): void {
  const reallocated = raw(5);
  if (reallocated !== null && reallocated > R.reallocatedFailAbove.value) {
    reasons.push(
      reason(
        'ata-reallocated-sectors',
        'fail',
        `${reallocated} secteurs réalloués.`,
        `${reallocated} reallocated sectors.`,
      ),
    );
  } else if (reallocated !== null && reallocated >= R.reallocatedWarnFrom.value) {
    reasons.push(
      reason(
        'ata-reallocated-sectors',
        'reserve',
        `${reallocated} secteurs réalloués.`,
        `${reallocated} reallocated sectors.`,
      ),
    );
  }
  const uncorrectable: [number, string, string, string][] = [
    [187, 'ata-reported-uncorrectable', 'erreurs non corrigibles signalées', 'reported uncorrectable errors'],
    [197, 'ata-pending-sectors', 'secteurs en attente de réallocation', 'pending sectors'],
    [198, 'ata-offline-uncorrectable', 'secteurs illisibles hors ligne', 'offline uncorrectable sectors'],
  ];
  for (const [id, code, fr, en] of uncorrectable) {
    const value = raw(id);
    if (value !== null && value >= R.uncorrectableFailFrom.value) {
      reasons.push(reason(code, 'fail', `${value} ${fr}.`, `${value} ${en}.`));
    }
  }
  const crc = raw(199);
  if (crc !== null && crc >= R.crcWarnFrom.value) {
    reasons.push(
      reason(
        'ata-crc-errors',
        'reserve',
        `${crc} erreurs CRC : rebrancher le câble et refaire le test.`,
        `${crc} CRC errors: reseat the cable and retest.`,
      ),
    );
  }
}

/**
 * Endurance used: NVMe percentage_used; ATA devstat "Percentage Used Endurance Indicator"; else the normalized
 * value of a vendor wear attribute (177 Samsung, 231 SSD_Life_Left, 233 Intel, 202 Micron), which starts
 * at 100 and counts down.
 */
export function enduranceUsed(report: SmartctlReport, ataDevstat: number | null): number | null {
  if (report.nvmeHealth?.percentageUsed != null) return report.nvmeHealth.percentageUsed;
  if (ataDevstat !== null) return ataDevstat;
  if (report.solidState !== true) return null;
  for (const id of [177, 231, 233, 202]) {
    const value = report.ataAttributes.find((a) => a.id === id)?.value;
    if (value != null && value <= 100) return 100 - value;
  }
  return null;
}

function enduranceChecks(used: number, reasons: Reason[]): void {
  if (used >= R.enduranceFailFrom.value) {
    reasons.push(
      reason('ssd-worn-out', 'fail', `Endurance consommée : ${used} %.`, `Endurance used: ${used}%.`),
    );
  } else if (used >= R.enduranceWarnFrom.value) {
    reasons.push(
      reason('ssd-wear', 'reserve', `Endurance consommée : ${used} %.`, `Endurance used: ${used}%.`),
    );
  }
}

function nvmeChecks(nvme: NonNullable<SmartctlReport['nvmeHealth']>, reasons: Reason[]): void {
  if (nvme.criticalWarning !== null && nvme.criticalWarning !== 0) {
    reasons.push(
      reason(
        'nvme-critical-warning',
        'fail',
        `Avertissement critique NVMe (0x${nvme.criticalWarning.toString(16)}).`,
        `NVMe critical warning (0x${nvme.criticalWarning.toString(16)}).`,
      ),
    );
  }
  const spare = nvme.availableSpare;
  const threshold = nvme.availableSpareThreshold;
  if (spare !== null && threshold !== null && spare < threshold) {
    reasons.push(
      reason(
        'nvme-spare-low',
        'fail',
        `Réserve ${spare} % sous le seuil ${threshold} %.`,
        `Spare ${spare}% below threshold ${threshold}%.`,
      ),
    );
  }
  if (nvme.mediaErrors !== null && nvme.mediaErrors > 0) {
    reasons.push(
      reason(
        'nvme-media-errors',
        'fail',
        `${nvme.mediaErrors} erreurs de support.`,
        `${nvme.mediaErrors} media errors.`,
      ),
    );
  }
}

/** ATA Device Statistics "Percentage Used Endurance Indicator" (smartctl -x JSON), which parseSmartctlJson omits. */
export function ataDevstatEndurance(smartctlJson: string): number | null {
  const root = parseJsonRecord(smartctlJson);
  for (const page of list(root, 'ata_device_statistics', 'pages')) {
    for (const entry of list(page, 'table')) {
      if (text(entry, 'name') === 'Percentage Used Endurance Indicator') return int(entry, 'value');
    }
  }
  return null;
}
