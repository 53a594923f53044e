import { ApiProperty } from '@nestjs/swagger';
import { IsAmount } from '../common/is-amount.decorator.js';
import { requestAmount } from './api-schemas.js';

export class ExchangeRateDto {
  @ApiProperty(requestAmount({ form: 'rate', description: 'Root-asset units per one unit of the asset, > 0 (any number of decimals).', example: '65000.5' }))
  @IsAmount({ message: 'rate must be a number or a decimal string' })
  rate: string | number;
}

export const RATES_EXAMPLE = {
  rootAsset: 'usd',
  rates: [
    { asset: 'btc', rate: '65000', updatedAt: '2025-03-01T12:00:00.000Z' },
    { asset: 'usd', rate: '1', updatedAt: '2025-03-01T12:00:00.000Z' },
  ],
};

export const RATE_EXAMPLE = { asset: 'btc', rate: '65000.5', updatedAt: '2025-03-01T12:00:00.000Z' };

export const HISTORY_EXAMPLE = {
  asset: 'btc',
  history: [
    { rate: null, changedAt: '2025-03-02T12:00:00.000Z' },
    { rate: '65000.5', changedAt: '2025-03-01T12:00:00.000Z' },
  ],
};
