import { invalid, notFound } from '../common/errors.js';
import { AmountFormatError, exceedsWholeUnits, formatAmount, parseAmount } from '../common/money.js';
import type { Db } from '../database/db.service.js';

export interface Asset {
  readonly code: string;
  readonly scale: number;
}

/** The assets and their scales. Small and rarely changed, so kept in memory after start-up. */
export class AssetRegistry {
  private assets = new Map<string, Asset>();

  /** `maxAmount`: the most whole units of any asset one request may move (MAX_AMOUNT). */
  constructor(
    private readonly db: Db,
    readonly maxAmount: bigint,
  ) {}

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

  /**
   * Parses a request amount for `asset`, turning format problems into 400s. Every amount a
   * request brings passes here, so this is where MAX_AMOUNT holds.
   */
  parse(asset: string, input: unknown, field = 'amount'): bigint {
    const { scale } = this.get(asset);
    try {
      return parseAmount(input, scale, this.maxAmount);
    } catch (error) {
      if (error instanceof AmountFormatError) throw invalid(`${field}: ${error.message} for ${asset}`);
      throw error;
    }
  }

  /** MAX_AMOUNT for an amount a request causes without stating it (a price converted into the paying asset). */
  requireWithinLimit(asset: string, minor: bigint, field = 'amount'): bigint {
    if (exceedsWholeUnits(minor, this.get(asset).scale, this.maxAmount)) {
      throw invalid(`${field}: ${this.format(asset, minor < 0n ? -minor : minor)} ${asset} is more than ${this.maxAmount} per request (MAX_AMOUNT)`);
    }
    return minor;
  }

  format(asset: string, minor: bigint): string {
    return formatAmount(minor, this.get(asset).scale);
  }
}
