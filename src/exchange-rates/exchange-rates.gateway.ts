import { Inject } from '@nestjs/common';
import { WebSocketGateway } from '@nestjs/websockets';
import { IsString, Length } from 'class-validator';
import { notFound } from '../common/errors.js';
import { ratioToString } from '../common/money.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AssetRegistry } from '../ledger/asset-registry.js';
import { BalanceEndpoints } from '../balance-api/balance-endpoints.js';
import { BalanceEvent, type BalanceCall } from '../balance-api/balance-event.decorator.js';
import { ExchangeRatesService, RATE_DECIMALS } from './exchange-rates.service.js';

export class GetCurrencyExchangeRateDto {
  @IsString({ message: 'currency must be a string' })
  @Length(1, 16, { message: 'currency must be 1 to 16 characters' })
  currency!: string;
}

/** balance:getCurrencyExchangeRate: units of `currency` per one TOKEN_ASSET. */
@WebSocketGateway()
export class ExchangeRatesGateway {
  constructor(
    private readonly endpoints: BalanceEndpoints,
    private readonly rates: ExchangeRatesService,
    private readonly assets: AssetRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @BalanceEvent('balance:getCurrencyExchangeRate')
  getCurrencyExchangeRate(call: BalanceCall) {
    return this.endpoints.answer(call, {
      dto: GetCurrencyExchangeRateDto,
      read: async ({ data }) => {
        const currency = this.assets.find(data.currency);
        const rate = currency ? await this.rates.rate(this.config.tokenAsset, currency.code) : null;
        if (!rate) throw notFound(`Currency ${data.currency} not found`);
        return { currencyExchangeRate: Number(ratioToString(rate, RATE_DECIMALS)) };
      },
    });
  }
}
