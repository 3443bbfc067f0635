import * as v from 'valibot';

/** What the hub keeps as columns from a diagnostics report (gomme-diag JSON, diagnostics/README.md). */
export interface DiagnosticsSummary {
  machineSerial: string | null;
  machineUuid: string | null;
  formFactor: string | null;
  /** grade.functional.status: pass | pass-with-reservations | fail. */
  grade: string | null;
  cosmetic: string | null;
}

const ns = v.optional(v.nullable(v.string()), null);
const Report = v.object({
  format: v.literal('gomme-diag'),
  inventory: v.optional(
    v.object({ system: v.optional(v.object({ serial: ns, uuid: ns, formFactor: ns }), {}) }),
    { system: {} },
  ),
  grade: v.optional(v.object({ functional: v.optional(v.object({ status: ns }), {}), cosmetic: ns }), {
    functional: {},
  }),
});

const EMPTY: DiagnosticsSummary = {
  machineSerial: null,
  machineUuid: null,
  formFactor: null,
  grade: null,
  cosmetic: null,
};

/**
 * The machine a diagnostics report is about and its grade; all null for a file that is not a gomme-diag report
 * (the file is stored whatever it holds: it passed the station's signature, only its summary is optional).
 */
export function diagnosticsSummary(content: Buffer): DiagnosticsSummary {
  let value: unknown;
  try {
    value = JSON.parse(content.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) return EMPTY;
    throw error;
  }
  const parsed = v.safeParse(Report, value);
  if (!parsed.success) return EMPTY;
  const { inventory, grade } = parsed.output;
  const short = (s: string | null | undefined) => (s ? s.slice(0, 200) : null);
  return {
    machineSerial: short(inventory.system.serial),
    machineUuid: short(inventory.system.uuid),
    formFactor: short(inventory.system.formFactor),
    grade: short(grade.functional.status),
    cosmetic: short(grade.cosmetic),
  };
}
