// Polls a probe until it yields a value (neither undefined nor false), every 40 ms for up to
// a minute. A probe that throws counts as "not yet" (a device row or an API answer that is
// not there yet); the last error is named if the wait gives up.

export async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  let last: unknown;
  for (let i = 0; i < 1500; i++) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`gave up waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
