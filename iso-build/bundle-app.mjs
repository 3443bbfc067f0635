#!/usr/bin/env node
// Bundles the live image's three Node entries (the `gomme` CLI and guide, the boot's `gomme unattended`, the erase
// engine's child process) from dist/ into DIST/bundle with esbuild, so Node reads a few files instead of ~240
// (unattended) or ~600 (the guide with Ink). Under emulation each module costs milliseconds of resolving and
// linking: the boot's first event and the guide's first screen come seconds earlier (iso-build/README.md).
// Usage: node iso-build/bundle-app.mjs APP_ROOT   (APP_ROOT holds package.json, dist/ and node_modules/)
// The bundle lives at APP_ROOT/dist/bundle: two levels under APP_ROOT like dist/core/, so the paths the code
// resolves from its own location (package.json, the native AES module, engine-main.js) still hold.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(process.argv[2] ?? '.');
const outdir = join(root, 'dist', 'bundle');

// Only pure-JavaScript packages on the boot and guide paths are bundled, with everything they depend on. The
// others stay in node_modules and load as before: native modules (better-sqlite3), packages that read their own
// files next to their code (pdfkit's fonts and @signpdf with it, PGlite's wasm), the hub's server stack, and
// the PKI libraries whose global state (pkijs's crypto engine) must stay one copy shared with those.
const BUNDLED_ROOTS = [
  'execa',
  'ink',
  'react',
  'commander',
  '@commander-js/extra-typings',
  'valibot',
  'dataloader',
];

function closureOf(roots) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    const manifest = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return; // an optional dependency not installed
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
  };
  for (const name of roots) visit(name);
  return seen;
}

const bundled = closureOf(BUNDLED_ROOTS);
const packageOf = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

const entries = {
  gomme: 'dist/cli/main.js',
  'gomme-unattended': 'dist/cli/unattended/main.js',
  'engine-main': 'dist/erasure/engine/engine-main.js',
};
for (const file of Object.values(entries))
  if (!existsSync(join(root, file))) {
    console.error(`bundle-app: ${join(root, file)} missing: run npm run build first`);
    process.exit(1);
  }

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: entries,
  outdir,
  bundle: true,
  // Lazy imports stay lazy: each becomes a chunk loaded when the code asks for it.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
  // CommonJS dependencies inside the ESM bundle call require() for Node's own modules.
  banner: {
    js: "import { createRequire as gommeRequire } from 'node:module'; const require = gommeRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'gomme-externals',
      setup(b) {
        // Bare package names only: relative paths and a package's own `#subpath` imports resolve as usual.
        b.onResolve({ filter: /^[^./#]/ }, (args) => {
          if (args.path.startsWith('node:')) return { external: true };
          // Ink imports react-devtools-core only when DEV=true; it is not installed.
          if (args.path === 'react-devtools-core') return { external: true };
          return bundled.has(packageOf(args.path)) ? undefined : { external: true };
        });
      },
    },
  ],
});
const files = Object.keys(result.metafile.outputs).length;
const inputs = Object.keys(result.metafile.inputs).length;
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.log(
  `bundle-app: ${inputs} modules → ${files} files, ${(bytes / 1048576).toFixed(1)} MiB in ${outdir}`,
);
