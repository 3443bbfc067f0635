/** A drive that stops answering must fail its own job without stalling the others. */
export class StalledError extends Error {
  constructor(readonly afterMs: number) {
    super(`no answer from the drive for ${Math.round(afterMs / 1000)} s`);
  }
}

export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StalledError(ms)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
