const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The delays after each failed attempt (CONTRACT §9); after the last, every 10 h with jitter. */
const DELAYS_MS = [5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR];
const STEADY_MS = 10 * HOUR;

/** How long a delivery is retried, from the first attempt of its schedule, before it is `failed`. */
export const RETRY_WINDOW_MS = 5 * 24 * HOUR;

/**
 * ±10 % around each delay, so the deliveries of one outage do not all come back in the same
 * second when the receiver recovers.
 */
const JITTER = 0.1;

/**
 * When to try again after `failedAttempts` failures of a schedule that started at `startedAt`,
 * or null: the 5 days are over and the delivery has failed. All times are the service clock's.
 */
export function nextAttemptAt(startedAt: number, failedAttempts: number, now: number, random: () => number = Math.random): number | null {
  const base = DELAYS_MS[failedAttempts - 1] ?? STEADY_MS;
  const at = now + Math.round(base * (1 - JITTER + 2 * JITTER * random()));
  return at > startedAt + RETRY_WINDOW_MS ? null : at;
}
