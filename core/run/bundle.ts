import { BadInputError } from '../errors.js';

/**
 * A capture bundle: everything discovery (and later diagnostics) read from a system, so anyone can replay it.
 * Other tools produce this format too: keep its field names and shape exactly.
 */
export interface BundleCommand {
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface Bundle {
  format: 'gomme-bundle';
  version: 1;
  capturedAt: string;
  commands: BundleCommand[];
  files: Record<string, string>;
}

export function emptyBundle(capturedAt: Date): Bundle {
  return {
    format: 'gomme-bundle',
    version: 1,
    capturedAt: capturedAt.toISOString(),
    commands: [],
    files: {},
  };
}

/** Validates untrusted JSON text as a bundle; every problem is a BadInputError naming the field. */
export function parseBundle(json: string, source = 'bundle'): Bundle {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new BadInputError(source, `not JSON (${(error as Error).message})`, error);
  }
  const fail = (detail: string): never => {
    throw new BadInputError(source, detail);
  };
  if (typeof data !== 'object' || data === null) fail('not a JSON object');
  const bundle = data as Record<string, unknown>;
  if (bundle.format !== 'gomme-bundle') fail('"format" is not "gomme-bundle"');
  if (bundle.version !== 1)
    fail(`unsupported version ${JSON.stringify(bundle.version)} (this gomme reads version 1)`);
  if (typeof bundle.capturedAt !== 'string' || Number.isNaN(Date.parse(bundle.capturedAt))) {
    fail('"capturedAt" is not an ISO-8601 date');
  }
  if (!Array.isArray(bundle.commands)) fail('"commands" is not an array');
  const commands = (bundle.commands as unknown[]).map((entry, index): BundleCommand => {
    const c = entry as Record<string, unknown>;
    if (
      typeof c !== 'object' ||
      c === null ||
      !Array.isArray(c.argv) ||
      !c.argv.every((a) => typeof a === 'string') ||
      typeof c.exitCode !== 'number' ||
      typeof c.stdout !== 'string' ||
      typeof c.stderr !== 'string'
    ) {
      return fail(`commands[${index}] needs argv (strings), exitCode (number), stdout and stderr (strings)`);
    }
    return { argv: c.argv as string[], exitCode: c.exitCode, stdout: c.stdout, stderr: c.stderr };
  });
  const files = bundle.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) fail('"files" is not an object');
  for (const [path, content] of Object.entries(files as object)) {
    if (typeof content !== 'string') fail(`files["${path}"] is not a string`);
  }
  return {
    format: 'gomme-bundle',
    version: 1,
    capturedAt: bundle.capturedAt as string,
    commands,
    files: files as Record<string, string>,
  };
}

export function argvKey(argv: readonly string[]): string {
  return JSON.stringify(argv);
}
