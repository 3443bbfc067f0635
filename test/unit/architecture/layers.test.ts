import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../helpers/fixtures.js';
import { importsOf, scanTree } from './import-graph.js';
import { LAYERS, layerViolations } from './layer-rules.js';

const SOURCE_FOLDERS = [...LAYERS, 'test'];

/** Writes a tiny project (path → source) into a temporary folder and returns its root. */
function syntheticTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gomme-layers-'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  made.push(root);
  return root;
}
const made: string[] = [];
afterAll(() => {
  for (const root of made) rmSync(root, { recursive: true, force: true });
});

describe('import graph', () => {
  it('reads static, re-exported, dynamic and type-only imports, and skips packages', () => {
    const edges = importsOf(
      'cli/commands/x.ts',
      [
        "import { a } from '../../core/a.js';",
        "import type { B } from '../../erasure/b.js';",
        "import { type C, type D } from '../../certificates/c.js';",
        "import { type E, f } from '../../diagnostics/e.js';",
        "export { g } from '../g.js';",
        "export type { H } from '../h.js';",
        "import { Command } from 'commander';",
        "const m = await import('../../session/m.js');",
        "let t: import('../../hub/t.js').T;",
      ].join('\n'),
    );
    expect(edges).toEqual([
      { from: 'cli/commands/x.ts', to: 'core/a.ts', typeOnly: false },
      { from: 'cli/commands/x.ts', to: 'erasure/b.ts', typeOnly: true },
      { from: 'cli/commands/x.ts', to: 'certificates/c.ts', typeOnly: true },
      { from: 'cli/commands/x.ts', to: 'diagnostics/e.ts', typeOnly: false },
      { from: 'cli/commands/x.ts', to: 'cli/g.ts', typeOnly: false },
      { from: 'cli/commands/x.ts', to: 'cli/h.ts', typeOnly: true },
      { from: 'cli/commands/x.ts', to: 'session/m.ts', typeOnly: false },
      { from: 'cli/commands/x.ts', to: 'hub/t.ts', typeOnly: true },
    ]);
  });
});

describe('layer rules on a synthetic tree', () => {
  it('reports the old erasure → certificates value import (erasure/jobs/record-input.ts)', () => {
    const root = syntheticTree({
      'erasure/jobs/record-input.ts':
        "import { buildInput } from '../../certificates/record/input.js';\nexport const x = buildInput;\n",
      'certificates/record/input.ts': 'export const buildInput = () => 1;\n',
    });
    expect(layerViolations(scanTree(root, SOURCE_FOLDERS))).toEqual([
      {
        from: 'erasure/jobs/record-input.ts',
        to: 'certificates/record/input.ts',
        rule: 'erasure may import core; not certificates',
      },
    ]);
  });

  it('reports every upward, sideways and test import, and accepts the allowed ones', () => {
    const root = syntheticTree({
      'core/a.ts': "import { s } from '../session/s.js';\n",
      'diagnostics/d.ts': "import { e } from '../erasure/e.js';\n",
      'certificates/types.ts': "import type { E } from '../erasure/e.js';\n",
      'certificates/value.ts': "import { e } from '../erasure/e.js';\n",
      'erasure/e.ts':
        "import type { C } from '../certificates/types.js';\nimport { c } from '../core/a.js';\n",
      'session/s.ts': "import { e } from '../erasure/e.js';\nimport { cli } from '../cli/program.js';\n",
      'cli/program.ts': "import { s } from '../session/s.js';\nconst h = await import('../hub/server.js');\n",
      'cli/tui/app.tsx':
        "import { p } from '../program.js';\nimport { helper } from '../../test/helpers/h.js';\n",
      'hub/server.ts': "import { s } from '../session/s.js';\nimport { x } from '../cli/io.js';\n",
      'hub/index.ts': "export { s } from './server.js';\n",
      'cli/commands/hub-serve.ts': "const h = await import('../../hub/index.js');\n",
      'cli/commands/hub-other.ts': "const h = await import('../../hub/server.js');\n",
      'test/unit/t.test.ts':
        "import { p } from '../../cli/program.js';\nimport { a } from '../../core/a.js';\n",
    });
    const found = layerViolations(scanTree(root, SOURCE_FOLDERS)).map((v) => `${v.from} → ${v.to}`);
    expect(found).toEqual([
      'certificates/value.ts → erasure/e.ts',
      'cli/commands/hub-other.ts → hub/server.ts',
      'cli/program.ts → hub/server.ts',
      'cli/tui/app.tsx → test/helpers/h.ts',
      'core/a.ts → session/s.ts',
      'diagnostics/d.ts → erasure/e.ts',
      'erasure/e.ts → certificates/types.ts',
      'hub/server.ts → cli/io.ts',
      'session/s.ts → cli/program.ts',
    ]);
  });
});

describe('layer rules on the real tree', () => {
  it('has no layer violation', () => {
    expect(layerViolations(scanTree(projectRoot, SOURCE_FOLDERS))).toEqual([]);
  });
});
