/**
 * Reads `what` again every 100 ms until `done` holds for what it returned, and returns that;
 * fails with the last value once `timeoutMs` have passed (background work, such as a webhook
 * attempt, lands after the request that caused it).
 */
export async function pollUntil<T>(what: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
