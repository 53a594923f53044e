/** A small seeded PRNG (mulberry32), so a failing run can be replayed from its seed. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** A bigint in [0, max], spread over many orders of magnitude. */
  bigint(max: bigint): bigint {
    const digits = max.toString().length;
    const length = this.int(1, digits);
    let text = '';
    for (let i = 0; i < length; i++) text += String(this.int(0, 9));
    const value = BigInt(text);
    return value > max ? value % (max + 1n) : value;
  }
}

export function seedFromEnv(name: string): number {
  const raw = process.env[name];
  return raw && /^\d+$/.test(raw) ? Number(raw) : Math.floor(Math.random() * 2 ** 31);
}
