import { Get, Injectable } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { convertMinor, formatAmount, parseRatio } from '../common/money.js';
import { Db } from '../database/db.service.js';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { BackofficeController } from './api-docs.js';
import { ref } from './api-schemas.js';

export const ASSET_TOTALS_EXAMPLE = {
  rootAsset: 'usd',
  assets: [
    { asset: 'btc', scale: 8, accounts: 2, amount: '0.5', locked: '0.1', rate: '65000', fundsInRootAsset: '32500' },
    { asset: 'xmr', scale: 12, accounts: 1, amount: '3', locked: '0', rate: null, fundsInRootAsset: null },
  ],
  totalFundsInRootAsset: null,
};

interface Sums {
  accounts: number;
  amount: bigint;
  locked: bigint;
}

/** What users hold of each asset, summed exactly (SQLite has no exact decimal SUM, so in bigint here). */
@Injectable()
export class AssetTotalsService {
  constructor(
    private readonly db: Db,
    private readonly assets: AssetRegistry,
    private readonly rates: ExchangeRatesService,
  ) {}

  async totals() {
    const sums = await this.db.read(async (reader) => {
      const result = new Map<string, Sums>();
      if (reader.dialect === 'postgres') {
        const rows = await reader.query<{ asset: string; n: string; amount: string; locked: string }>(
          `SELECT asset, COUNT(*) AS n, SUM(balance)::text AS amount, SUM(locked)::text AS locked FROM accounts
           WHERE owner_id NOT LIKE 'system:%' GROUP BY asset`,
        );
        for (const r of rows) result.set(r.asset, { accounts: Number(r.n), amount: BigInt(r.amount), locked: BigInt(r.locked) });
        return result;
      }
      const rows = await reader.query<{ asset: string; balance: string; locked: string }>("SELECT asset, balance, locked FROM accounts WHERE owner_id NOT LIKE 'system:%'");
      for (const r of rows) {
        const s = result.get(r.asset) ?? { accounts: 0, amount: 0n, locked: 0n };
        result.set(r.asset, { accounts: s.accounts + 1, amount: s.amount + BigInt(r.balance), locked: s.locked + BigInt(r.locked) });
      }
      return result;
    });
    const quotes = new Map((await this.rates.list()).map((q) => [q.asset, q.rate]));
    const root = this.rates.rootAsset;
    const rootScale = this.assets.get(root).scale;
    let total: bigint | null = 0n;
    const assets = this.assets
      .list()
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(({ code, scale }) => {
        const s = sums.get(code) ?? { accounts: 0, amount: 0n, locked: 0n };
        const rate = quotes.get(code) ?? null;
        // The same conversion as POST /balances: at the quote, half-even to the root asset's decimals.
        const inRoot = rate === null ? null : convertMinor(s.amount, scale, parseRatio(rate), rootScale);
        if (s.amount !== 0n) total = inRoot === null || total === null ? null : total + inRoot;
        return {
          asset: code,
          scale,
          accounts: s.accounts,
          amount: formatAmount(s.amount, scale),
          locked: formatAmount(s.locked, scale),
          rate,
          fundsInRootAsset: inRoot === null ? null : formatAmount(inRoot, rootScale),
        };
      });
    return { rootAsset: root, assets, totalFundsInRootAsset: total === null ? null : formatAmount(total, rootScale) };
  }
}

@BackofficeController('assets')
export class AssetTotalsController {
  constructor(private readonly service: AssetTotalsService) {}

  @Get('assets')
  @ApiOperation({
    summary: 'Per asset: what users hold (amount, of which locked), their accounts, the quote and the value in the root asset',
    description:
      'Every known asset, system accounts left out. `fundsInRootAsset` is null for an unquoted asset; `totalFundsInRootAsset` is null ' +
      'when users hold any unquoted asset.',
  })
  @ApiOkResponse({ schema: ref('AssetTotals'), example: ASSET_TOTALS_EXAMPLE })
  totals() {
    return this.service.totals();
  }
}
