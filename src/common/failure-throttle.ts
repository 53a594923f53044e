interface FailureWindow {
  readonly start: number;
  count: number;
}

/**
 * Counts failures (wrong legacy hashes, refused credentials) per client address in fixed windows
 * that begin at an address's first failure; an address that reached the limit is refused until
 * its window has passed.
 *
 * Kept in memory, per process, on purpose: the state is small and short-lived, and losing it
 * on restart only forgives a few guesses. With N instances an address gets at most N × limit
 * guesses per window, which against a SHA1 over a secret or a signed token is still no
 * practical attack.
 *
 * The map is bounded so a flood of addresses cannot exhaust memory: expired windows are dropped
 * first, then the oldest ones (insertion order is window-start order, so those are the closest
 * to expiring anyway).
 */
export class FailureThrottle {
  private readonly windows = new Map<string, FailureWindow>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxAddresses = 10_000,
  ) {}

  isBlocked(address: string): boolean {
    const window = this.current(address);
    return window !== undefined && window.count >= this.limit;
  }

  recordFailure(address: string): void {
    const window = this.current(address);
    if (window) {
      window.count++;
      return;
    }
    this.makeRoom();
    this.windows.set(address, { start: this.now(), count: 1 });
  }

  /** The address's window if it is still open (an expired one is forgotten on the way). */
  private current(address: string): FailureWindow | undefined {
    const window = this.windows.get(address);
    if (window && this.now() - window.start >= this.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  private makeRoom(): void {
    if (this.windows.size < this.maxAddresses) return;
    const now = this.now();
    for (const [address, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(address);
    }
    for (const address of this.windows.keys()) {
      if (this.windows.size < this.maxAddresses) break;
      this.windows.delete(address);
    }
  }
}
