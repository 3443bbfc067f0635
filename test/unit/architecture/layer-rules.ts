import type { ImportEdge } from './import-graph.js';

/**
 * gomme's layers, lowest first (README "Layout"): front ends → session → domain → core, never upward, front
 * ends never into each other, and nothing shipped imports test/. A layer is a file's top-level folder.
 */
export const LAYERS = ['core', 'erasure', 'diagnostics', 'certificates', 'session', 'cli', 'hub'] as const;
export type Layer = (typeof LAYERS)[number];

const DOMAIN: readonly Layer[] = ['erasure', 'diagnostics', 'certificates'];

/** What each layer may import at run time (itself always included). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: [],
  erasure: ['core'],
  diagnostics: ['core'],
  certificates: ['core'],
  session: [...DOMAIN, 'core'],
  cli: ['session', ...DOMAIN, 'core'],
  hub: ['session', ...DOMAIN, 'core'],
};

/** Imports allowed only as `import type` (erased at build time): a certificate describes an erasure. */
const MAY_IMPORT_TYPES: Partial<Record<Layer, readonly Layer[]>> = {
  certificates: ['erasure'],
};

/**
 * The one door between front ends: `gomme hub serve|admin` (cli/commands/hub-*.ts) start the hub through its
 * entry file, hub/index.ts, and nothing else of it. The hub never imports cli/.
 */
const ENTRY_DOORS: ReadonlyArray<{ from: RegExp; to: string }> = [
  { from: /^cli\/commands\/hub-[a-z-]+\.ts$/, to: 'hub/index.ts' },
];

export interface Violation {
  from: string;
  to: string;
  rule: string;
}

function layerOf(path: string): Layer | 'test' | null {
  const top = path.split('/')[0] ?? '';
  if (top === 'test') return 'test';
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : null;
}

/** The edges that break a rule, each with the rule in words (sorted, so a report reads the same every run). */
export function layerViolations(edges: readonly ImportEdge[]): Violation[] {
  const out: Violation[] = [];
  for (const edge of edges) {
    const from = layerOf(edge.from);
    const to = layerOf(edge.to);
    if (from === 'test' || from === null || to === null || from === to) continue;
    if (to === 'test') {
      out.push({ ...pick(edge), rule: `${from} imports test/: shipped code never depends on tests` });
      continue;
    }
    if (MAY_IMPORT[from].includes(to)) continue;
    if (ENTRY_DOORS.some((door) => door.from.test(edge.from) && edge.to === door.to)) continue;
    if (edge.typeOnly && MAY_IMPORT_TYPES[from]?.includes(to)) continue;
    const allowed = MAY_IMPORT[from].length > 0 ? MAY_IMPORT[from].join(', ') : 'nothing above it';
    const typesToo = MAY_IMPORT_TYPES[from]?.includes(to) ? ' (types only, with `import type`)' : '';
    out.push({ ...pick(edge), rule: `${from} may import ${allowed}; not ${to}${typesToo}` });
  }
  // A file that imports the same module twice (a type and a value) is one violation.
  const unique = new Map(out.map((v) => [`${v.from} ${v.to}`, v]));
  return [...unique.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

const pick = (edge: ImportEdge) => ({ from: edge.from, to: edge.to });
