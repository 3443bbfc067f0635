/**
 * Grading rules, version 1: every threshold with where it comes from (see /shared/notes/diagnostics.md §2–§3).
 * "design" marks a team proposal, not an external rule. Changing a value means a new version file, so a
 * report can always say which rules graded it.
 */

export interface Sourced<T> {
  value: T;
  source: string;
}

const BACKBLAZE = 'Backblaze AFR by raw value, as embedded in Scrutiny ata_attribute_metadata.go';

export const rulesV1 = {
  version: 'gomme-grading-v1',
  smart: {
    /** ATA 5 Reallocated_Sector_Ct: above this → FAIL (16–70 → 23.6 % AFR). */
    reallocatedFailAbove: { value: 16, source: `${BACKBLAZE}: 16–70 → 23.6 % AFR` },
    /** ATA 5 from this value up to the fail line → WARN (4–16 → 7.5 % AFR). */
    reallocatedWarnFrom: { value: 5, source: `${BACKBLAZE}: 4–16 → 7.5 % AFR; diagnostics.md §3 WARN 5–16` },
    /** ATA 187 / 197 / 198 at or above this → FAIL (1 → 34 %, 1–2 → 34 %, 1–2 → 81 % AFR). */
    uncorrectableFailFrom: {
      value: 1,
      source: `${BACKBLAZE}: 187=1 → 34 %, 197 1–2 → 34 %, 198 1–2 → 81 % AFR`,
    },
    /** ATA 199 UDMA CRC errors: cable or connector, WARN and retest. */
    crcWarnFrom: { value: 1, source: `${BACKBLAZE}: 199 ≥ 1 → 15–22 %; not critical (cable or connector)` },
    /** HDD power-on hours above this → WARN. */
    hddPowerOnHoursWarnAbove: { value: 43_800, source: 'Scrutiny rule of thumb: 43,800 POH = 5 years 24/7' },
    /** SSD/NVMe endurance used (%) from this → WARN. */
    enduranceWarnFrom: { value: 80, source: 'design (diagnostics.md §3); smartd 7.5 alerts above 95 %' },
    /** SSD/NVMe endurance used (%) from this → FAIL: rated endurance reached (NVMe percentage_used). */
    enduranceFailFrom: { value: 100, source: 'NVMe spec percentage_used: 100 = rated endurance used' },
    /** SCSI grown defect list: same lines as ATA 5 (design: both count remapped sectors). */
    grownDefectsFailAbove: {
      value: 16,
      source: 'design: ATA 5 thresholds applied to the SCSI grown defect list',
    },
  },
  battery: {
    /** Health (full / design) at or above → OK. */
    okFrom: { value: 80, source: 'macdaddyltd "80 % design capacity"; EU ecodesign ≥ 80 % (phones/tablets)' },
    /** 65–80 %: reserve (disclose). */
    reserveFrom: { value: 65, source: 'digital4b tiers: C 65–75, D < 65' },
    /** 50–65 %: reserve only if runtime ≥ 40 min, else replace. */
    conditionalFrom: { value: 50, source: 'itad.bg ≥ 50 % "working"; R2 "Minimum 40 minutes" runtime' },
    /** Cycle count above this with health below okFrom → replace. */
    cyclesReplaceAbove: { value: 750, source: 'macdaddyltd "80 % design capacity or 750 cycles"' },
  },
  ram: {
    /** memtester exit bits that mean bad RAM: 0x02 stuck address, 0x04 other test. */
    memtesterFailMask: { value: 0x06, source: 'memtester.8 EXIT CODE' },
  },
  cpu: {
    /** A stress run shorter than this is not a valid stress test (reported as a reservation). */
    minimumStressMs: { value: 5 * 60_000, source: 'DeviceHub warns below 5 min of stress' },
    /** Hottest sensor at or above this during stress → repair (clean, repaste). Design. */
    hotCelsius: { value: 95, source: 'design: near Tjmax of laptop CPUs (100 °C typical)' },
  },
  performance: {
    /** RAM tiers (GB) from emmausconnect/audit-linux regles.csv. */
    ramGb: { value: [4, 5, 8, 16], source: 'emmausconnect/audit-linux regles.csv' },
    /** SSD capacity tiers (GB). */
    ssdGb: { value: [64, 128, 200, 500], source: 'emmausconnect/audit-linux regles.csv' },
    /** HDD capacity tiers (GB); an HDD caps the category at B. */
    hddGb: { value: [160, 257], source: 'emmausconnect/audit-linux regles.csv (HDD caps at B)' },
    /**
     * CPU tiers in stress-ng `cpu` bogo-ops/s (all threads, real time). The source grid uses PassMark CPU-Mark
     * 2000/3500/5000/7000, which gomme cannot measure: these are design values to calibrate on 3–4 donated
     * models before use.
     */
    cpuBogoOps: {
      value: [400, 800, 1500, 2500],
      source: 'design, uncalibrated (stands in for CPU-Mark tiers)',
    },
  },
  /** Resale price caps (TTC) for devices given by public bodies (décret of 7 Nov 2022, loi 3DS art. 178). */
  publicDonationCapEuros: {
    laptop: { value: 180, source: 'décret 7 nov. 2022 (lagazettedescommunes 09/11/2022)' },
    desktop: { value: 150, source: 'décret 7 nov. 2022: desktop + screen + keyboard + mouse' },
    tablet: { value: 100, source: 'décret 7 nov. 2022' },
  },
} as const;

export type GradingRules = typeof rulesV1;
