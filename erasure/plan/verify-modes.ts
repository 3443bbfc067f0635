/** How much of the medium is read back (README "--verify"); a module of its own so the CLI's help loads no pattern code. */
export const VERIFY_MODES = ['none', 'sample', 'last', 'all'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];
