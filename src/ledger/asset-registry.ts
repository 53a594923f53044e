import { invalid, notFound } from '../common/errors.js';
import { AmountFormatError, formatAmount, parseAmount } from '../common/money.js';
import type { Db } from '../database/db.service.js';

export interface Asset {
  readonly code: string;
  readonly scale: number;
}

/** The assets and their scales. Small and rarely changed, so kept in memory after start-up. */
export class AssetRegistry {
  private assets = new Map<string, Asset>();

  constructor(private readonly db: Db) {}

  async load(): Promise<void> {
    const rows = await this.db.query<{ code: string; scale: number | string }>('SELECT code, scale FROM assets ORDER BY code');
    this.assets = new Map(rows.map((r) => [r.code, { code: r.code, scale: Number(r.scale) }]));
  }

  list(): Asset[] {
    return [...this.assets.values()];
  }

  has(code: string): boolean {
    return this.assets.has(code);
  }

  get(code: string): Asset {
    const asset = this.assets.get(code);
    if (!asset) throw notFound(`Unknown asset "${code}"`);
    return asset;
  }

  /** Case-insensitive lookup for surfaces that accept "Valu" as well as "valu". */
  find(code: string): Asset | undefined {
    return this.assets.get(code.toLowerCase());
  }

  /** Parses a request amount for `asset`, turning format problems into 400s. */
  parse(asset: string, input: unknown, field = 'amount'): bigint {
    const { scale } = this.get(asset);
    try {
      return parseAmount(input, scale);
    } catch (error) {
      if (error instanceof AmountFormatError) throw invalid(`${field}: ${error.message} for ${asset}`);
      throw error;
    }
  }

  format(asset: string, minor: bigint): string {
    return formatAmount(minor, this.get(asset).scale);
  }
}
