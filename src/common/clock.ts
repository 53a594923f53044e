/**
 * The service's one source of time. Everything that depends on time (hold expiry, subscription
 * periods, idempotency retention, created_at stamps) asks this, so the test clock can move it.
 */
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  setOffset(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }
}
