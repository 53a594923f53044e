import { Injectable } from '@nestjs/common';
import { formatAmount } from '../common/money.js';
import { ExchangeRatesService } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { LedgerService } from '../ledger/ledger.service.js';

export const ASSET_TOTALS_EXAMPLE = {
  rootAsset: 'usd',
  assets: [
    { asset: 'btc', scale: 8, accounts: 2, amount: '0.5', locked: '0.1', rate: '65000', fundsInRootAsset: '32500' },
    { asset: 'xmr', scale: 12, accounts: 1, amount: '3', locked: '0', rate: null, fundsInRootAsset: null },
  ],
  totalFundsInRootAsset: null,
};

/** GET /assets: what users hold of each known asset, and its value in the root asset where quoted. */
@Injectable()
export class AssetTotalsService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly assets: AssetRegistry,
    private readonly rates: ExchangeRatesService,
  ) {}

  async totals() {
    const sums = await this.ledger.userSumsByAsset();
    const conversion = await this.rates.rootConversion();
    let total: bigint | null = 0n;
    const assets = this.assets
      .list()
      .sort((a, b) => a.code.localeCompare(b.code))
      .map(({ code, scale }) => {
        const s = sums.get(code) ?? { accounts: 0, amount: 0n, locked: 0n };
        const inRoot = conversion.toRoot(code, s.amount);
        if (s.amount !== 0n) total = inRoot === null || total === null ? null : total + inRoot;
        return {
          asset: code,
          scale,
          accounts: s.accounts,
          amount: formatAmount(s.amount, scale),
          locked: formatAmount(s.locked, scale),
          rate: conversion.rate(code),
          fundsInRootAsset: inRoot === null ? null : conversion.format(inRoot),
        };
      });
    return { rootAsset: conversion.rootAsset, assets, totalFundsInRootAsset: total === null ? null : conversion.format(total) };
  }
}
