/** `--method auto` / `gomme.method=auto`: the strongest method the drive supports (plan-erasure.ts decides). */
export const AUTO_METHOD = 'auto';
