/** Test groups `gomme diag --only` accepts (a module of its own so the CLI's help loads no diagnostics code). */
export const GROUPS = [
  'smart',
  'ram',
  'cpu',
  'power',
  'network',
  'webcam',
  'audio',
  'panel',
  'locks',
  'guided',
] as const;
export type Group = (typeof GROUPS)[number];
