import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { invalid, notFound } from '../common/errors.js';
import { AmountFormatError, convertMinor, divideRatios, formatAmount, parseRatio, type Ratio } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { ExchangeRatesRepository } from './exchange-rates.repository.js';

/** Decimals kept when a derived rate is turned into the socket API's float. */
export const RATE_DECIMALS = 12;

/**
 * The widest quote kept: it fits its column (varchar(80)) with room to spare, and is far beyond
 * any real price. A rate is not an amount a request moves, so MAX_AMOUNT does not bound it
 * (a small MAX_AMOUNT must not forbid quoting btc); what a conversion yields is bounded instead.
 */
const RATE_MAX_DIGITS = { integer: 30, fraction: 40 };

/** A rate read once, and conversions at it. */
export interface Converter {
  /** Units of `to` per one unit of `from`. */
  readonly rate: Ratio;
  /** Minor units of `from` → minor units of `to`, half-even. */
  convert(minor: bigint): bigint;
}

/** Every quote read once, and conversions into the root asset at them. */
export interface RootConversion {
  readonly rootAsset: string;
  /** The quote of `asset` (root-asset units per one unit) as stored; the root asset's is '1'; null: unquoted. */
  rate(asset: string): string | null;
  /** Minor units of `asset` → minor units of the root asset, at its quote, half-even; null: unquoted. */
  toRoot(asset: string, minor: bigint): bigint | null;
  /** Minor units of the root asset, as its exact decimal text. */
  format(rootMinor: bigint): string;
}

export interface Quote {
  readonly asset: string;
  /** Root-asset units per one unit of `asset`, as an exact decimal string. */
  readonly rate: string;
  readonly updatedAt: number;
}

/**
 * Quotes against the root asset and the rates derived from them. Read from the database each
 * time (a primary-key lookup), so a change made through any instance is seen by all at once.
 */
@Injectable()
export class ExchangeRatesService {
  constructor(
    private readonly quotes: ExchangeRatesRepository,
    private readonly assets: AssetRegistry,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get rootAsset(): string {
    return this.config.rootAsset;
  }

  async list(): Promise<Quote[]> {
    const quotes = await this.quotes.list();
    if (!quotes.some((q) => q.asset === this.rootAsset)) quotes.push({ asset: this.rootAsset, rate: '1', updatedAt: 0 });
    return quotes.sort((a, b) => a.asset.localeCompare(b.asset));
  }

  /**
   * Conversions into the root asset at every quote, read once: the one place a report values
   * holdings in the root asset (the same conversion as `convert(minor, asset, rootAsset)`).
   */
  async rootConversion(): Promise<RootConversion> {
    const rates = new Map((await this.list()).map((q) => [q.asset, q.rate]));
    const ratios = new Map([...rates].map(([asset, rate]) => [asset, parseRatio(rate)]));
    const rootAsset = this.rootAsset;
    const rootScale = this.assets.get(rootAsset).scale;
    return {
      rootAsset,
      rate: (asset) => rates.get(asset) ?? null,
      toRoot: (asset, minor) => {
        const ratio = ratios.get(asset);
        return ratio === undefined ? null : convertMinor(minor, this.assets.get(asset).scale, ratio, rootScale);
      },
      format: (rootMinor) => formatAmount(rootMinor, rootScale),
    };
  }

  /** The stored quote's decimal text (null: unquoted); the root asset's implicit 1 is not stored. */
  storedRate(asset: string): Promise<string | null> {
    return this.quotes.find(asset);
  }

  /** Root units per one unit of `asset`; the root asset is always 1; null when unquoted. */
  async quote(asset: string): Promise<Ratio | null> {
    if (asset === this.rootAsset) return { num: 1n, den: 1n };
    const rate = await this.quotes.find(asset);
    return rate === null ? null : parseRatio(rate);
  }

  /** Units of `to` per one unit of `from`, derived from the two quotes; null if either is unquoted. */
  async rate(from: string, to: string): Promise<Ratio | null> {
    if (from === to) return { num: 1n, den: 1n };
    const [a, b] = await Promise.all([this.quote(from), this.quote(to)]);
    if (!a || !b || b.num === 0n) return null;
    return divideRatios(a, b);
  }

  /** Converts minor units of `from` into minor units of `to`, half-even; null without a rate. */
  async convert(minor: bigint, from: string, to: string): Promise<bigint | null> {
    return (await this.converter(from, to))?.convert(minor) ?? null;
  }

  /** Conversions from `from` to `to` at one rate, read once; null without a rate. */
  async converter(from: string, to: string): Promise<Converter | null> {
    const rate = await this.rate(from, to);
    if (!rate) return null;
    const [fromScale, toScale] = [this.assets.get(from).scale, this.assets.get(to).scale];
    return { rate, convert: (minor) => convertMinor(minor, fromScale, rate, toScale) };
  }

  async set(asset: string, rateInput: unknown): Promise<Quote> {
    this.assets.get(asset);
    if (asset === this.rootAsset) throw invalid(`The root asset ${asset} is always quoted at 1`);
    let rate: Ratio;
    try {
      rate = parseRatio(rateInput);
    } catch (error) {
      if (error instanceof AmountFormatError) throw invalid(`rate: ${error.message}`);
      throw error;
    }
    if (rate.num === 0n) throw invalid('rate must be greater than zero');
    // parseRatio keeps the decimals as a power of ten, so this is the canonical decimal text.
    const canonical = formatAmount(rate.num, rate.den.toString().length - 1);
    const [integer, fraction = ''] = canonical.split('.');
    if (integer.length > RATE_MAX_DIGITS.integer || fraction.length > RATE_MAX_DIGITS.fraction) {
      throw invalid(`rate must have at most ${RATE_MAX_DIGITS.integer} digits before the decimal point and ${RATE_MAX_DIGITS.fraction} after`);
    }
    const now = this.clock.now();
    await this.quotes.save(asset, canonical, now);
    return { asset, rate: canonical, updatedAt: now };
  }

  async remove(asset: string): Promise<void> {
    this.assets.get(asset);
    if (asset === this.rootAsset) throw invalid(`The root asset ${asset} cannot be unquoted`);
    if (!(await this.quotes.delete(asset, this.clock.now()))) throw notFound(`Asset ${asset} has no quote`);
  }

  history(asset: string): Promise<Array<{ rate: string | null; changedAt: number }>> {
    return this.quotes.history(asset);
  }
}
