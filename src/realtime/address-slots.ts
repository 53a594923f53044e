import { addressKey } from '../common/client-address.js';

/**
 * SOCKETS_PER_ADDRESS: sockets open or handshaking per client address (IPv6 by /64) on this
 * instance. A slot is taken before the credential is read, so a flood of handshakes from one
 * address is refused before it costs a signature check or an introspection, and given back
 * when the handshake fails or the socket closes.
 *
 * In memory and per instance, like the other flood limits: behind N instances an address may
 * hold N × the limit.
 */
export class AddressSlots {
  private readonly taken = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** A slot for this address, or null when it holds the limit; the release is idempotent. */
  take(address: string): (() => void) | null {
    const key = addressKey(address);
    const count = this.taken.get(key) ?? 0;
    if (count >= this.limit) return null;
    this.taken.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.taken.get(key) ?? 1) - 1;
      if (left > 0) this.taken.set(key, left);
      else this.taken.delete(key);
    };
  }
}
