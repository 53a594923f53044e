import { Body, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { AuditCaller } from '../audit/audit-record.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { toDecimalString } from '../common/money.js';
import { Db } from '../database/db.service.js';
import { ExchangeRatesService, type Quote } from '../exchange-rates/exchange-rates.service.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { ApiInvalid, ApiPathParam, BackofficeController } from './api-docs.js';
import { ASSET_REQUEST, ref } from './api-schemas.js';
import { ExchangeRateDto, HISTORY_EXAMPLE, RATE_EXAMPLE, RATES_EXAMPLE } from './exchange-rates.dto.js';
import { isoOrNull } from '../common/iso-time.js';
import { pathAsset } from './request-values.js';
import { RestCaller } from './rest-caller.js';

const UNKNOWN = { description: 'Unknown asset, or (DELETE) an asset without a quote', schema: ref('Error'), example: { statusCode: 404, message: 'Asset xmr has no quote' } };

/** Quotes against the root asset; every change is kept in the history. */
@BackofficeController('exchange rates')
export class ExchangeRatesController {
  constructor(
    private readonly rates: ExchangeRatesService,
    private readonly assets: AssetRegistry,
    private readonly db: Db,
    private readonly audit: AuditTrail,
  ) {}

  @Get('exchange-rates')
  @ApiOperation({
    summary: 'Every quote; the root asset is always 1',
    description:
      "Root-asset units per one unit of each quoted asset, with when each was last set. An asset without a quote is not listed: its funds have no value in the root asset.",
  })
  @ApiOkResponse({ schema: ref('ExchangeRates'), example: RATES_EXAMPLE })
  async list() {
    return { rootAsset: this.rates.rootAsset, rates: (await this.rates.list()).map(quoteView) };
  }

  @Get('exchange-rates/:asset/history')
  @ApiOperation({
    summary: "An asset's quote changes, newest first (null: unquoted)",
    description:
      "Every change of the asset's quote, as set or removed (`rate: null`), newest first. An unknown asset is 404.",
  })
  @ApiOkResponse({ schema: ref('ExchangeRateHistory'), example: HISTORY_EXAMPLE })
  @ApiNotFoundResponse(UNKNOWN)
  @ApiPathParam('asset', 'btc', 'Asset code (case-insensitive)', { pattern: ASSET_REQUEST, maxLength: 16 })
  async history(@Param('asset') code: string) {
    const asset = pathAsset(this.assets, code);
    const history = await this.rates.history(asset);
    return { asset, history: history.map((h) => ({ rate: h.rate, changedAt: new Date(h.changedAt).toISOString() })) };
  }

  @Put('exchange-rates/:asset')
  @ApiOperation({
    summary: 'Set the quote of an asset',
    description:
      "Sets root-asset units per one unit of the asset, exactly as given (any number of decimals), and keeps the change in the history and the audit trail. The root asset is always 1 (400).",
  })
  @ApiOkResponse({ schema: ref('ExchangeRate'), example: RATE_EXAMPLE })
  @ApiInvalid('The root asset usd is always quoted at 1', 'refused')
  @ApiNotFoundResponse(UNKNOWN)
  @ApiPathParam('asset', 'btc', 'Asset code (case-insensitive)', { pattern: ASSET_REQUEST, maxLength: 16 })
  async set(@Param('asset') code: string, @Body() body: ExchangeRateDto, @RestCaller() caller: AuditCaller) {
    const asset = pathAsset(this.assets, code);
    return this.db.transaction(async (tx) => {
      const before = await this.rates.storedRate(asset);
      // A JSON number becomes its exact decimal text here, at the edge ("1e-7" -> "0.0000001").
      const quote = await this.rates.set(asset, toDecimalString(body.rate));
      await this.audit.record(tx, caller, { action: 'exchange_rate.set', target: `exchange_rate:${asset}`, before: before === null ? undefined : { rate: before }, after: { rate: quote.rate } });
      return quoteView(quote);
    });
  }

  @Delete('exchange-rates/:asset')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove the quote: the asset becomes unconvertible',
    description:
      "The asset keeps its balances but has no value in the root asset until quoted again; the removal is kept in the history. The root asset cannot be unquoted (400); an asset without a quote is 404.",
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiInvalid('The root asset usd cannot be unquoted', 'refused')
  @ApiNotFoundResponse(UNKNOWN)
  @ApiPathParam('asset', 'btc', 'Asset code (case-insensitive)', { pattern: ASSET_REQUEST, maxLength: 16 })
  async remove(@Param('asset') code: string, @RestCaller() caller: AuditCaller): Promise<void> {
    const asset = pathAsset(this.assets, code);
    await this.db.transaction(async (tx) => {
      const before = await this.rates.storedRate(asset);
      await this.rates.remove(asset);
      await this.audit.record(tx, caller, { action: 'exchange_rate.delete', target: `exchange_rate:${asset}`, before: { rate: before } });
    });
  }
}

/** updatedAt 0 marks the implicit root quote, which was never set. */
const quoteView = (q: Quote) => ({ asset: q.asset, rate: q.rate, updatedAt: isoOrNull(q.updatedAt || null) });
