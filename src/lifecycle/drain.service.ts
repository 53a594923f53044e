import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors.js';

/**
 * Counts work in flight so a shutdown can let it finish: once draining, new requests are
 * refused (503) while those already running complete and are answered.
 */
@Injectable()
export class DrainService {
  private inFlight = 0;
  private isDraining = false;
  private idleWaiters: Array<() => void> = [];

  /** Marks one unit of work started; call the returned function when it has been answered. */
  begin(): () => void {
    if (this.isDraining) throw new DomainError('unavailable', 'Server is shutting down; retry on another instance');
    this.inFlight++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.inFlight === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
    };
  }

  /** Stops accepting work and resolves once what was in flight is done (or `timeoutMs` passed). */
  async drain(timeoutMs: number): Promise<boolean> {
    this.isDraining = true;
    if (this.inFlight === 0) return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
